import "server-only";
import { auditEvents, beneficiaries, consents } from "@/db/schema";
import { CONSENT_PURPOSES } from "@/lib/domain/beneficiary";
import { formatCaseNumber, nameKey } from "@/lib/domain/names";
import type { ConsentInput } from "@/lib/validation/beneficiary";
import { type Biodata, registrationSchema, resolveDateOfBirth } from "@/lib/validation/beneficiary";
import { auditRowFor } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, type Queryable, withOneStatement } from "../context";
import { DalError, invalid, violatesUnique } from "../errors";
import { parseInput } from "../parse";
import { placeholderRow, reusable } from "../prepared";
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

/** The four consent rows of a consent form; each has the same columns, set or null. */
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
          vitalInterestReason: null,
        }
      : {
          beneficiaryId,
          recordedBy,
          purpose,
          granted: false,
          givenBy: null,
          givenOn: null,
          vitalInterestReason: purpose === "services" ? (consent.vitalInterestReason ?? null) : null,
        },
  );
}

/**
 * Registers a person. Likely duplicates are checked again here, whatever the browser did:
 * when there are any, the caseworker must confirm with a reason that this is someone else.
 *
 * The check is one read and the person, their consents and the audit row one statement, so the
 * registration costs two round trips to the database after the actor's: see withOneStatement.
 * Two people registered at the same moment do not see each other in the check, as before, when
 * the check ran inside the transaction under read committed.
 */
export async function registerBeneficiary(
  ctx: DalContext,
  input: unknown,
): Promise<{ id: string; caseNumber: string }> {
  authorize(ctx.actor, "beneficiary.register");
  const v = parseInput(registrationSchema, input);
  const columns = biodataColumns(v.biodata);
  return withOneStatement(ctx, async (db) => {
    const matches = await findDuplicatesTx(db, ctx, {
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
    for (let attempt = 1; ; attempt++) {
      // The id is made here so that the consents and the audit row can name it in the same statement.
      const id = crypto.randomUUID();
      const caseNumber = newCaseNumber();
      const person = placeholderRow(beneficiaries, "p_", {
        id,
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
      });
      const consent = consentRows(id, ctx.actor.id, v.consent).map((row, i) =>
        placeholderRow(consents, `c${i}_`, row),
      );
      const audit = placeholderRow(
        auditEvents,
        "a_",
        auditRowFor(ctx, {
          action: "create",
          entity: "beneficiary",
          entityId: id,
          detail: { duplicateOverride: matches.length > 0 },
        }),
      );
      const values = Object.assign({}, person.values, ...consent.map((c) => c.values), audit.values);
      // One statement, so atomic: the consents' foreign keys are checked at its end, when the
      // person's row is there. Its SQL is the same for every registration: built once (reusable).
      const write = (q: Queryable) =>
        reusable(q, "beneficiaries/register-beneficiary", (q) => {
          const personInsert = q.$with("person").as(q.insert(beneficiaries).values(person.columns()));
          const consentInsert = q
            .$with("consent")
            .as(q.insert(consents).values(consent.map((c) => c.columns())));
          return q.with(personInsert, consentInsert).insert(auditEvents).values(audit.columns());
        }).execute(values);
      try {
        // Within another use case's transaction, in a savepoint: a taken case number must not
        // abort that transaction.
        await (ctx.tx ? ctx.tx.transaction(write) : write(db));
        return { id, caseNumber };
      } catch (error) {
        // A random case number that is already taken (rare): nothing was written; draw another.
        if (!violatesUnique(error, "beneficiaries_case_number_key")) throw error;
        // Not the query error as the cause: its message holds the person's details.
        if (attempt === 8) throw new Error("could not allocate a case number");
      }
    }
  });
}
