import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { DalContext } from "@/lib/dal/context";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { overrideConsent } from "@/lib/dal/referrals/override-consent";
import { transitionReferral } from "@/lib/dal/referrals/transition-referral";
import { makeUser } from "../support/factories";
import { dalError } from "./dal-assert";
import { eventsOf, partner, personWith, referralRow } from "./referrals-support";

let caseworker: DalContext;
let supervisor: DalContext;
let otherSupervisor: DalContext;
let unicef: string;

beforeAll(async () => {
  [caseworker, supervisor, otherSupervisor] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("supervisor", "BEN"),
  ]);
  unicef = await partner("UNICEFT", ["child_protection", "mhpss"]);
});

const external = (beneficiaryId: string, extra: Record<string, unknown> = {}) => ({
  beneficiaryId,
  service: "child_protection",
  recipientKind: "external",
  organisationId: unicef,
  urgency: "medium",
  reason: "Needs a best interests assessment by the partner.",
  ...extra,
});

describe("consent gate", () => {
  it("refuses to submit to a partner without sharing consent, with a field error, and keeps nothing", async () => {
    const p = await personWith(caseworker, ["services"]);
    const error = await dalError(createReferral(caseworker, external(p.id)), "invalid");
    expect(error.fieldErrors?.consent).toEqual(["referrals.validation.noConsent"]);
    const { referrals } = await import("@/db/schema");
    const rows = await getDb().select().from(referrals).where(eq(referrals.beneficiaryId, p.id));
    expect(rows).toEqual([]);
  });

  it("accepts an internal referral on services consent alone, but not without it", async () => {
    const withServices = await personWith(caseworker, ["services"]);
    const ok = await createReferral(caseworker, {
      ...external(withServices.id),
      recipientKind: "internal",
      organisationId: "",
    });
    expect(ok.state).toBe("submitted");
    const none = await personWith(caseworker, []);
    const error = await dalError(
      createReferral(caseworker, { ...external(none.id), recipientKind: "internal", organisationId: "" }),
      "invalid",
    );
    expect(error.fieldErrors?.consent).toEqual(["referrals.validation.noConsent"]);
  });

  it("passes with sharing consent", async () => {
    const p = await personWith(caseworker, ["services", "sharing"]);
    const created = await createReferral(caseworker, external(p.id));
    expect(created.state).toBe("submitted");
    const row = await referralRow(created.id);
    expect(row.consentOverrideReason).toBeNull();
    expect(row.dueAt).not.toBeNull();
  });

  it("a caseworker cannot override, even with a good reason", async () => {
    const p = await personWith(caseworker, ["services"]);
    await dalError(
      createReferral(
        caseworker,
        external(p.id, { consentOverrideReason: "Risk to life: needs urgent protection." }),
      ),
      "forbidden",
    );
  });

  it("a supervisor of the case overrides with a reason of at least 10 characters", async () => {
    const p = await personWith(caseworker, ["services"]);
    const short = await dalError(
      createReferral(supervisor, external(p.id, { consentOverrideReason: "urgent" })),
      "invalid",
    );
    expect(short.fieldErrors?.consentOverrideReason).toEqual(["referrals.validation.reasonTooShort"]);
    const created = await createReferral(
      supervisor,
      external(p.id, { consentOverrideReason: "Risk to life: the child is in immediate danger." }),
    );
    expect(created.state).toBe("submitted");
    const row = await referralRow(created.id);
    expect(row.consentOverrideReason).toBe("Risk to life: the child is in immediate danger.");
    expect(row.consentOverrideBy).toBe(supervisor.actor.id);
    const audit = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, "referral.consent_override")));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.detail)).not.toContain("danger");
  });

  it("a supervisor of another office sees nothing to override", async () => {
    const p = await personWith(caseworker, ["services"]);
    await dalError(
      createReferral(
        otherSupervisor,
        external(p.id, { consentOverrideReason: "Risk to life: urgent case here." }),
      ),
      "not_found",
    );
  });

  it("a draft saved without consent is submitted by the caseworker once the supervisor recorded an override", async () => {
    const p = await personWith(caseworker, ["services"]);
    const draft = await createReferral(caseworker, external(p.id, { submit: false }));
    expect(draft.state).toBe("draft");
    const refused = await dalError(
      transitionReferral(caseworker, { id: draft.id, version: draft.version, event: "submit" }),
      "invalid",
    );
    expect(refused.fieldErrors?.consent).toEqual(["referrals.validation.noConsent"]);
    await dalError(
      transitionReferral(caseworker, {
        id: draft.id,
        version: draft.version,
        event: "submit",
        consentOverrideReason: "I think it is fine to share.",
      }),
      "forbidden",
    );
    await dalError(
      overrideConsent(caseworker, { id: draft.id, version: draft.version, reason: "Risk to life: urgent." }),
      "forbidden",
    );
    const overridden = await overrideConsent(supervisor, {
      id: draft.id,
      version: draft.version,
      reason: "Vital interest: no way to reach the guardian today.",
    });
    await dalError(
      overrideConsent(otherSupervisor, {
        id: draft.id,
        version: overridden.version,
        reason: "Other office tries.",
      }),
      "not_found",
    );
    const submitted = await transitionReferral(caseworker, {
      id: draft.id,
      version: overridden.version,
      event: "submit",
    });
    expect(submitted.state).toBe("submitted");
    const events = await eventsOf(draft.id);
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([
      [null, "draft"],
      ["draft", "submitted"],
    ]);
  });

  it("refuses an organisation that does not take the service", async () => {
    const p = await personWith(caseworker, ["services", "sharing"]);
    const error = await dalError(createReferral(caseworker, external(p.id, { service: "vhr" })), "invalid");
    expect(error.fieldErrors?.organisationId).toEqual(["referrals.validation.organisationUnavailable"]);
  });
});
