import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, auditEventValues, consents } from "@/db/schema";
import { updateConsent } from "@/lib/dal/consent/update-consent";
import type { DalContext } from "@/lib/dal/context";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { makeUser } from "../support/factories";
import { dalError } from "./dal-assert";
import { partner, personWith, referralRow } from "./referrals-support";

let caseworker: DalContext;
let otherOffice: DalContext;
let org: string;

beforeAll(async () => {
  [caseworker, otherOffice] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "BEN"),
  ]);
  org = await partner("CONSENTW", ["child_protection", "mhpss"]);
});

const referralTo = (beneficiaryId: string, recipientKind: "external" | "internal") => ({
  beneficiaryId,
  service: "child_protection",
  recipientKind,
  organisationId: recipientKind === "external" ? org : "",
  urgency: "medium",
  reason: "Needs a best interests assessment by the partner.",
});

describe("consent withdrawal", () => {
  it("supersedes the consent row, withdraws the pending referrals that relied on it, and stops new ones", async () => {
    const person = await personWith(caseworker, ["services", "sharing"]);
    const external = await createReferral(caseworker, referralTo(person.id, "external"));
    const internal = await createReferral(caseworker, referralTo(person.id, "internal"));
    const result = await updateConsent(caseworker, {
      beneficiaryId: person.id,
      purpose: "sharing",
      granted: false,
    });
    expect(result).toEqual({ withdrawn: true, referralsWithdrawn: 1 });
    expect((await referralRow(external.id)).state).toBe("withdrawn");
    // The internal referral relies on "services", which still stands.
    expect((await referralRow(internal.id)).state).not.toBe("withdrawn");

    const history = await getDb()
      .select()
      .from(consents)
      .where(and(eq(consents.beneficiaryId, person.id), eq(consents.purpose, "sharing")))
      .orderBy(consents.recordedAt);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ granted: true, givenBy: "self" });
    expect(history[0]?.supersededAt).not.toBeNull();
    expect(history[1]).toMatchObject({ granted: false, supersededAt: null, recordedBy: caseworker.actor.id });

    await dalError(createReferral(caseworker, referralTo(person.id, "external")), "invalid");

    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, person.id), eq(auditEvents.action, "consent_withdrawn")));
    expect(event?.detail).toMatchObject({
      purpose: "sharing",
      referralsWithdrawn: 1,
      changedFields: expect.arrayContaining(["granted"]),
    });
    const [values] = await getDb()
      .select()
      .from(auditEventValues)
      .where(eq(auditEventValues.eventId, event?.id ?? -1));
    expect(values?.changes).toMatchObject({ granted: { before: true, after: false } });
  });

  it("granting again records who and when, and does not touch referrals", async () => {
    const person = await personWith(caseworker, ["services"]);
    const error = await dalError(
      updateConsent(caseworker, { beneficiaryId: person.id, purpose: "sharing", granted: true }),
      "invalid",
    );
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(expect.arrayContaining(["givenBy", "givenOn"]));
    const result = await updateConsent(caseworker, {
      beneficiaryId: person.id,
      purpose: "sharing",
      granted: true,
      givenBy: "self",
      givenOn: "2025-01-02",
    });
    expect(result).toEqual({ withdrawn: false, referralsWithdrawn: 0 });
    const [current] = await getDb()
      .select()
      .from(consents)
      .where(
        and(
          eq(consents.beneficiaryId, person.id),
          eq(consents.purpose, "sharing"),
          isNull(consents.supersededAt),
        ),
      );
    expect(current).toMatchObject({ granted: true, givenOn: "2025-01-02" });
  });

  it("is refused outside the caseworker's scope", async () => {
    const person = await personWith(caseworker, ["services"]);
    await dalError(
      updateConsent(otherOffice, { beneficiaryId: person.id, purpose: "services", granted: false }),
      "not_found",
    );
  });
});
