import "server-only";
import { and, eq } from "drizzle-orm";
import { panelConfig, panelMembers, users } from "@/db/schema";
import type { Agency } from "@/lib/domain/bid/constants";
import {
  type PanelConfigInput,
  type PanelMemberInput,
  panelConfigSchema,
  panelMemberSchema,
} from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, invalid } from "../errors";
import { parseInput } from "../parse";
import { loadPanelConfig, type PanelConfigRow } from "./config";

export interface PanelSettings {
  config: Pick<
    PanelConfigRow,
    "quorum" | "requiredAgencies" | "accessDays" | "ageOutHorizonDays" | "version"
  >;
  candidates: Array<{
    userId: string;
    name: string;
    email: string;
    active: boolean;
    member: { agency: Agency; isChair: boolean; active: boolean } | null;
  }>;
}

/** For the administrator: the panel's rules and who sits on it (users holding the bid_panel role). */
export async function getPanelSettings(ctx: DalContext): Promise<PanelSettings> {
  authorize(ctx.actor, "bid.panel.configure");
  return withTransaction(ctx, async (tx) => {
    const config = await loadPanelConfig(tx);
    const rows = await tx
      .select({ user: users, member: panelMembers })
      .from(users)
      .leftJoin(panelMembers, eq(panelMembers.userId, users.id))
      .where(eq(users.role, "bid_panel"))
      .orderBy(users.name);
    await recordAudit(tx, ctx, { action: "panel.read_settings", entity: "panel_config" });
    return {
      config: {
        quorum: config.quorum,
        requiredAgencies: config.requiredAgencies,
        accessDays: config.accessDays,
        ageOutHorizonDays: config.ageOutHorizonDays,
        version: config.version,
      },
      candidates: rows.map(({ user, member }) => ({
        userId: user.id,
        name: user.name,
        email: user.email,
        active: user.active,
        member: member ? { agency: member.agency, isChair: member.isChair, active: member.active } : null,
      })),
    };
  });
}

export async function updatePanelConfig(
  ctx: DalContext,
  input: PanelConfigInput,
): Promise<{ version: number }> {
  authorize(ctx.actor, "bid.panel.configure");
  const v = parseInput(panelConfigSchema, input);
  return withTransaction(ctx, async (tx) => {
    await loadPanelConfig(tx);
    const [row] = await tx
      .update(panelConfig)
      .set({
        quorum: v.quorum,
        requiredAgencies: [...new Set(v.requiredAgencies)],
        accessDays: v.accessDays,
        ageOutHorizonDays: v.ageOutHorizonDays,
        updatedBy: ctx.actor.id,
        updatedAt: new Date(),
        version: v.version + 1,
      })
      .where(and(eq(panelConfig.id, 1), eq(panelConfig.version, v.version)))
      .returning({ version: panelConfig.version });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: "panel.configure",
      entity: "panel_config",
      entityId: "1",
      detail: { quorum: v.quorum, requiredAgencies: v.requiredAgencies, accessDays: v.accessDays },
    });
    return row;
  });
}

/** Seats (or updates) a bid_panel user on the panel with their agency and the chair flag. */
export async function setPanelMember(ctx: DalContext, input: PanelMemberInput): Promise<void> {
  authorize(ctx.actor, "bid.panel.configure");
  const v = parseInput(panelMemberSchema, input);
  await withTransaction(ctx, async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, v.userId));
    if (user?.role !== "bid_panel") throw invalid({ userId: ["bid.validation.notPanelRole"] });
    const values = { agency: v.agency, isChair: v.isChair, active: v.active, updatedAt: new Date() };
    await tx
      .insert(panelMembers)
      .values({ userId: v.userId, ...values })
      .onConflictDoUpdate({ target: panelMembers.userId, set: values });
    await recordAudit(tx, ctx, {
      action: "panel.set_member",
      entity: "user",
      entityId: v.userId,
      detail: { agency: v.agency, isChair: v.isChair, active: v.active },
    });
  });
}
