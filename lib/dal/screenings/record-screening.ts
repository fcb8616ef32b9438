import "server-only";
import { screeningSuggestions, screenings } from "@/db/schema";
import { ageAt, todayIso } from "@/lib/domain/age";
import { getDefinition, latestVersion, type Reason, type Suggestion } from "@/lib/domain/screenings";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { recordScreeningSchema } from "@/lib/validation/screening";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import type { OutcomeDetail } from "./dto";

export interface RecordedScreening {
  id: string;
  beneficiaryId: string;
  outcome: string;
  reasons: Reason[];
  flags: string[];
  conditions: string[];
  recheckDate: string | null;
  validUntil: string | null;
  suggestions: Suggestion[];
}

/**
 * Records a completed screening. The answers are validated by the schema of the instrument's
 * current version and the outcome is computed here from them: nothing the browser says about the
 * outcome is used. Bad answers write nothing.
 */
export async function recordScreening(
  ctx: DalContext,
  input: unknown,
  now: Date = new Date(),
): Promise<RecordedScreening> {
  const scope = authorize(ctx.actor, "screening.record");
  const v = parseInput(recordScreeningSchema, input);
  // Old versions stay readable, but new screenings use the current one.
  const definition = getDefinition(v.instrument, v.version);
  if (!definition || v.version !== latestVersion(v.instrument))
    throw invalid({ _form: ["screenings.validation.outdatedVersion"] });
  if (v.screenedOn > todayIso(now)) throw invalid({ screenedOn: ["futureDate"] });
  const parsed = definition.schema.safeParse(v.answers);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    throw invalid(
      Object.fromEntries(Object.entries(errors).map(([k, m]) => [k === "_form" ? k : `answers.${k}`, m])),
    );
  }
  const answers = parsed.data;

  return withTransaction(ctx, async (tx) => {
    const beneficiary = await findInScope(tx, ctx.actor, scope, v.beneficiaryId);
    if (!beneficiary) throw notFound();
    if (v.screenedOn < beneficiary.dateOfBirth)
      throw invalid({ screenedOn: ["screenings.validation.beforeBirth"] });
    const ageAtScreening = ageAt(beneficiary.dateOfBirth, v.screenedOn);
    if (definition.childrenOnly && ageAtScreening >= 18)
      throw invalid({ _form: ["screenings.validation.childrenOnly"] });
    const context = { ageAtScreening, screenedOn: v.screenedOn, screenedAt: now };
    const issues = definition.contextIssues?.(answers, context) ?? [];
    if (issues.length > 0)
      throw invalid(Object.fromEntries(issues.map((i) => [`answers.${i.key}`, [i.message]])));

    const result = definition.evaluate(answers, context);
    const detail: OutcomeDetail = {
      reasons: result.reasons,
      flags: result.flags,
      ...(result.conditions ? { conditions: result.conditions } : {}),
      ...(result.recheckDate ? { recheckDate: result.recheckDate } : {}),
    };
    const [row] = await tx
      .insert(screenings)
      .values({
        beneficiaryId: beneficiary.id,
        instrument: definition.id,
        version: definition.version,
        answers,
        outcome: result.outcome,
        outcomeDetail: detail,
        sensitiveCategory: definition.sensitiveCategory(answers),
        screenedOn: v.screenedOn,
        validUntil: result.validUntil ?? null,
        createdBy: ctx.actor.id,
        createdAt: now,
      })
      .returning({ id: screenings.id });
    if (!row) throw new Error("insert returned no row");
    if (result.suggestions.length > 0) {
      await tx.insert(screeningSuggestions).values(
        result.suggestions.map((s) => ({
          screeningId: row.id,
          service: s.service,
          urgency: s.urgency,
          reasonKey: s.reasonKey,
        })),
      );
    }
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "screening",
      entityId: row.id,
      detail: { instrument: definition.id, version: definition.version, beneficiaryId: beneficiary.id },
    });
    return {
      id: row.id,
      beneficiaryId: beneficiary.id,
      outcome: result.outcome,
      reasons: result.reasons,
      flags: result.flags,
      conditions: result.conditions ?? [],
      recheckDate: result.recheckDate ?? null,
      validUntil: result.validUntil?.toISOString() ?? null,
      suggestions: result.suggestions,
    };
  });
}
