import "server-only";
import { and, eq } from "drizzle-orm";
import { screeningSuggestions, screenings } from "@/db/schema";
import type { Service, SuggestionStatus, Urgency } from "@/lib/domain/screenings";
import { decideSuggestionSchema } from "@/lib/validation/screening";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { conflict, forbidden, notFound } from "../errors";
import { parseInput } from "../parse";
import { visibleCategories } from "./visibility";

export interface DecidedSuggestion {
  id: string;
  screeningId: string;
  beneficiaryId: string;
  service: Service;
  urgency: Urgency;
  status: SuggestionStatus;
}

/**
 * The caseworker's decision on one suggested service, taken once. Confirming does not refer by
 * itself: the referral is then drafted with its own consent gate. Only someone who may see the
 * screening may decide on what it suggests.
 */
export async function decideSuggestion(
  ctx: DalContext,
  input: unknown,
  now: Date = new Date(),
): Promise<DecidedSuggestion> {
  const scope = authorize(ctx.actor, "screening.decide_suggestion");
  const v = parseInput(decideSuggestionSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [found] = await tx
      .select({ suggestion: screeningSuggestions, screening: screenings })
      .from(screeningSuggestions)
      .innerJoin(screenings, eq(screenings.id, screeningSuggestions.screeningId))
      .where(eq(screeningSuggestions.id, v.suggestionId))
      .for("update", { of: screeningSuggestions });
    if (!found) throw notFound();
    const beneficiary = await findInScope(tx, ctx.actor, scope, found.screening.beneficiaryId);
    if (!beneficiary) throw notFound();
    const visible = await visibleCategories(tx, ctx.actor, beneficiary, [found.screening], now);
    if (!visible(found.screening)) throw forbidden();
    if (found.suggestion.status !== "pending") throw conflict();
    const status: SuggestionStatus = v.decision === "confirm" ? "confirmed" : "dismissed";
    const [updated] = await tx
      .update(screeningSuggestions)
      .set({
        status,
        decidedBy: ctx.actor.id,
        decidedAt: now,
        dismissReason: v.decision === "dismiss" ? v.reason : null,
      })
      .where(
        and(eq(screeningSuggestions.id, found.suggestion.id), eq(screeningSuggestions.status, "pending")),
      )
      .returning({ id: screeningSuggestions.id });
    if (!updated) throw conflict();
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "screening_suggestion",
      entityId: found.suggestion.id,
      detail: { screeningId: found.screening.id, service: found.suggestion.service, status },
    });
    return {
      id: found.suggestion.id,
      screeningId: found.screening.id,
      beneficiaryId: beneficiary.id,
      service: found.suggestion.service,
      urgency: found.suggestion.urgency,
      status,
    };
  });
}
