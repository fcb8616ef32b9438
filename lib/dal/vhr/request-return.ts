import "server-only";
import { and, eq } from "drizzle-orm";
import { beneficiaries, countries, referrals, vhrCases } from "@/db/schema";
import { type RequestReturnInput, requestReturnSchema } from "@/lib/validation/vhr";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { DalError, invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { requireVhrUnit } from "./access";
import { appendVhrEvent } from "./events";

/**
 * Step 1: opens a return from a VHR referral the unit accepted, with the person's informed consent
 * to return, the date of the declaration, and the language and interpreter used.
 */
export async function requestReturn(ctx: DalContext, input: RequestReturnInput): Promise<{ id: string }> {
  const data = parseInput(requestReturnSchema, input);
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "vhr.manage");
    const [row] = await tx
      .select({ r: referrals, b: beneficiaries })
      .from(referrals)
      .innerJoin(beneficiaries, eq(beneficiaries.id, referrals.beneficiaryId))
      .where(
        and(
          eq(referrals.id, data.referralId),
          eq(referrals.service, "vhr"),
          eq(referrals.recipientKind, "internal"),
        ),
      )
      .for("update", { of: referrals });
    if (!row) throw notFound();
    if (row.r.state !== "accepted")
      throw new DalError("conflict", { referralId: ["vhr.errors.referralNotAccepted"] });
    if (data.declaredOn < row.r.createdAt.toISOString().slice(0, 10)) {
      throw invalid({ declaredOn: ["vhr.validation.beforeReferral"] });
    }
    const [country] = await tx
      .select({ code: countries.code })
      .from(countries)
      .where(eq(countries.code, data.destinationCountry));
    if (!country) throw invalid({ destinationCountry: ["required"] });
    const inserted = await tx
      .insert(vhrCases)
      .values({
        beneficiaryId: row.b.id,
        referralId: row.r.id,
        destinationCountry: data.destinationCountry,
        informedConsent: data.informedConsent,
        declaredOn: data.declaredOn,
        language: data.language,
        interpreter: data.interpreter ?? null,
        createdBy: ctx.actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: vhrCases.id });
    const created = inserted[0];
    // Either this referral already has its return, or the person has another return in progress.
    if (!created) throw new DalError("conflict", { referralId: ["vhr.errors.alreadyOpen"] });
    await appendVhrEvent(tx, {
      vhrCaseId: created.id,
      event: "request",
      from: null,
      to: "requested",
      actorId: ctx.actor.id,
      detail: { interpreter: Boolean(data.interpreter) },
    });
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "vhr_case",
      entityId: created.id,
      detail: { beneficiaryId: row.b.id, referralId: row.r.id, destinationCountry: data.destinationCountry },
    });
    return created;
  });
}
