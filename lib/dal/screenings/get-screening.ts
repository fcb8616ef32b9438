import "server-only";
import { and, eq } from "drizzle-orm";
import { screenings, users } from "@/db/schema";
import { getDefinition } from "@/lib/domain/screenings";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { type ScreeningDto, suggestionsOf, toScreeningDto } from "./dto";
import { visibleCategories } from "./visibility";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One screening of a case, with the same need-to-know rule as the list. The read is recorded. */
export async function getScreening(
  ctx: DalContext,
  input: { beneficiaryId: string; screeningId: string },
  now: Date = new Date(),
): Promise<ScreeningDto> {
  const scope = authorize(ctx.actor, "screening.read");
  if (!UUID.test(input.screeningId)) throw notFound();
  return withTransaction(ctx, async (tx) => {
    const beneficiary = await findInScope(tx, ctx.actor, scope, input.beneficiaryId);
    if (!beneficiary) throw notFound();
    const [found] = await tx
      .select({ s: screenings, recordedByName: users.name })
      .from(screenings)
      .innerJoin(users, eq(users.id, screenings.createdBy))
      .where(and(eq(screenings.id, input.screeningId), eq(screenings.beneficiaryId, beneficiary.id)));
    if (!found) throw notFound();
    const shown = (await visibleCategories(tx, ctx.actor, beneficiary, [found.s], now))(found.s);
    const suggestions = shown ? ((await suggestionsOf(tx, [found.s.id])).get(found.s.id) ?? []) : [];
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "screening",
      entityId: found.s.id,
      detail: { instrument: found.s.instrument, restricted: !shown },
    });
    const definition = getDefinition(found.s.instrument, found.s.version);
    return toScreeningDto(
      found.s,
      found.recordedByName,
      shown,
      definition?.outcomeAlwaysVisible ?? false,
      suggestions,
    );
  });
}
