import "server-only";
import { beneficiaries, consents } from "@/db/schema";
import { CONSENT_PURPOSES } from "@/lib/domain/beneficiary";
import { formatCaseNumber, nameKey } from "@/lib/domain/names";
import type { ConsentInput } from "@/lib/validation/beneficiary";
import { type Biodata, registrationSchema, resolveDateOfBirth } from "@/lib/validation/beneficiary";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { DalError, invalid } from "../errors";
import { parseInput } from "../parse";
import { findDuplicatesTx } from "./find-duplicates";

export const MIN_OVERRIDE_REASON = 10;

function newCaseNumber(): string {
  return formatCaseNumber(new Date().getUTCFullYear(), crypto.getRandomValues(new Uint8Array(6)));
}

/** Column values for a biodata form, shared by registration and edit. */
export function biodataColumns(v: Biodata) {
  const { dateOfBirth, dobEstimated } = resolveDateOfBirth(v);
  return {
    familyName: v.familyName,
    givenNames: v.givenNames,
    nameAr: v.nameAr ?? null,
    nameKey: nameKey(v.familyName, v.givenNames, v.nameAr),
    sex: v.sex,
    dateOfBirth,
    dobEstimated,
    nationality: v.nationality,
    populationType: v.populationType,
    languages: v.languages,
    phone: v.phone ?? null,
    baladiyaPcode: v.baladiyaPcode,
    detained: v.detained,
    detentionCentre: v.detained ? (v.detentionCentre ?? null) : null,
    detainedSince: v.detained && v.detainedSince ? v.detainedSince : null,
    uascStatus: v.uascStatus ? v.uascStatus : null,
    vulnerabilities: v.vulnerabilities,
  };
}

export function consentRows(beneficiaryId: string, recordedBy: string, consent: ConsentInput) {
  return CONSENT_PURPOSES.map((purpose) =>
    consent.obtained === "yes"
      ? {
          beneficiaryId,
          recordedBy,
          purpose,
          granted: (consent.purposes ?? []).includes(purpose),
          givenBy: consent.givenBy || null,
          givenOn: consent.givenOn || null,
        }
      : {
          beneficiaryId,
          recordedBy,
          purpose,
          granted: false,
          vitalInterestReason: purpose === "services" ? (consent.vitalInterestReason ?? null) : null,
        },
  );
}

/**
 * Registers a person. Likely duplicates are checked again here, whatever the browser did:
 * when there are any, the caseworker must confirm with a reason that this is someone else.
 */
export async function registerBeneficiary(
  ctx: DalContext,
  input: unknown,
): Promise<{ id: string; caseNumber: string }> {
  authorize(ctx.actor, "beneficiary.register");
  const v = parseInput(registrationSchema, input);
  const columns = biodataColumns(v.biodata);
  return withTransaction(ctx, async (tx) => {
    const matches = await findDuplicatesTx(tx, ctx, {
      familyName: v.biodata.familyName,
      givenNames: v.biodata.givenNames,
      nameAr: v.biodata.nameAr,
      sex: v.biodata.sex,
      dateOfBirth: columns.dateOfBirth,
      nationality: v.biodata.nationality,
    });
    const reason = v.duplicateOverrideReason;
    if (matches.length > 0 && !reason) throw new DalError("duplicates", undefined, matches);
    if (matches.length > 0 && reason && reason.length < MIN_OVERRIDE_REASON) {
      throw invalid({ duplicateOverrideReason: ["reasonTooShort"] });
    }
    // A random case number is taken by the insert itself: one that is already used (rare) skips
    // the row, and the next candidate is tried.
    let caseNumber = "";
    let row: { id: string } | undefined;
    for (let attempt = 0; attempt < 8 && !row; attempt++) {
      caseNumber = newCaseNumber();
      [row] = await tx
        .insert(beneficiaries)
        .values({
          ...columns,
          caseNumber,
          officeCode: ctx.actor.officeCode,
          ownerId: ctx.actor.id,
          createdBy: ctx.actor.id,
          duplicateOverrideReason: matches.length > 0 ? (reason ?? null) : null,
          duplicateCandidates:
            matches.length > 0
              ? matches.map((m) => (m.inScope ? m.caseNumber : `office:${m.officeCode}`))
              : null,
        })
        .onConflictDoNothing({ target: beneficiaries.caseNumber })
        .returning({ id: beneficiaries.id });
    }
    if (!row) throw new Error("could not allocate a case number");
    await tx.insert(consents).values(consentRows(row.id, ctx.actor.id, v.consent));
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "beneficiary",
      entityId: row.id,
      detail: { duplicateOverride: matches.length > 0 },
    });
    return { id: row.id, caseNumber };
  });
}
