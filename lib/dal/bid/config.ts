import "server-only";
import { eq } from "drizzle-orm";
import { panelConfig, panelMembers, users } from "@/db/schema";
import type { Agency } from "@/lib/domain/bid/constants";
import type { Actor, Tx } from "../context";

export type PanelConfigRow = typeof panelConfig.$inferSelect;

/** The panel configuration; the defaults row is created on first use. */
export async function loadPanelConfig(tx: Tx): Promise<PanelConfigRow> {
  await tx.insert(panelConfig).values({ id: 1 }).onConflictDoNothing();
  const [row] = await tx.select().from(panelConfig).where(eq(panelConfig.id, 1));
  if (!row) throw new Error("panel_config row missing after insert");
  return row;
}

export interface PanelMembership {
  userId: string;
  agency: Agency;
  isChair: boolean;
}

/** The actor's seat on the panel: an active member who still holds the bid_panel role. */
export async function membershipOf(tx: Tx, actor: Actor): Promise<PanelMembership | null> {
  if (actor.role !== "bid_panel") return null;
  const [row] = await tx
    .select({
      userId: panelMembers.userId,
      agency: panelMembers.agency,
      isChair: panelMembers.isChair,
      memberActive: panelMembers.active,
      userActive: users.active,
      role: users.role,
    })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(eq(panelMembers.userId, actor.id));
  if (!row?.memberActive || !row.userActive || row.role !== "bid_panel") return null;
  return { userId: row.userId, agency: row.agency, isChair: row.isChair };
}
