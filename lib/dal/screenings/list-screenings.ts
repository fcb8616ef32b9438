import "server-only";
import { desc, eq } from "drizzle-orm";
import { screenings, users } from "@/db/schema";
import { getDefinition } from "@/lib/domain/screenings";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { type ScreeningDto, suggestionsOf, toScreeningDto } from "./dto";
import { visibleCategories } from "./visibility";

/**
 * A case's screenings, newest first. Sensitive answers, outcomes and suggestions reach only those
 * who may see them; everyone else with the case learns that a screening exists (and, for
 * fit-to-travel, the clearance logistics need). Every screening shown is recorded as read.
 */
export async function listScreenings(
  ctx: DalContext,
  beneficiaryId: string,
  now: Date = new Date(),
): Promise<ScreeningDto[]> {
  const scope = authorize(ctx.actor, "screening.read");
  return withTransaction(ctx, async (tx) => {
    const beneficiary = await findInScope(tx, ctx.actor, scope, beneficiaryId);
    if (!beneficiary) throw notFound();
    const rows = await tx
      .select({ s: screenings, recordedByName: users.name })
      .from(screenings)
      .innerJoin(users, eq(users.id, screenings.createdBy))
      .where(eq(screenings.beneficiaryId, beneficiary.id))
      .orderBy(desc(screenings.screenedOn), desc(screenings.createdAt));
    const visible = await visibleCategories(
      tx,
      ctx.actor,
      beneficiary,
      rows.map((r) => r.s),
      now,
    );
    const suggestions = await suggestionsOf(
      tx,
      rows.filter((r) => visible(r.s)).map((r) => r.s.id),
    );
    const out: ScreeningDto[] = [];
    for (const { s, recordedByName } of rows) {
      const shown = visible(s);
      const definition = getDefinition(s.instrument, s.version);
      out.push(
        toScreeningDto(
          s,
          recordedByName,
          shown,
          definition?.outcomeAlwaysVisible ?? false,
          suggestions.get(s.id) ?? [],
        ),
      );
      await recordAudit(tx, ctx, {
        action: "read",
        entity: "screening",
        entityId: s.id,
        detail: { instrument: s.instrument, restricted: !shown },
      });
    }
    return out;
  });
}
