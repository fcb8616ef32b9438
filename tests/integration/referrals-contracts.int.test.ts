import { beforeAll, describe, expect, it } from "vitest";
import type { DalContext } from "@/lib/dal/context";
import { withTransaction } from "@/lib/dal/context";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { openReferralCount } from "@/lib/dal/referrals/open-referral-count";
import { transitionReferral } from "@/lib/dal/referrals/transition-referral";
import { withdrawReferralsForConsent } from "@/lib/dal/referrals/withdraw-for-consent";
import { makeUser } from "../support/factories";
import { eventsOf, focalPoint, partner, personWith, referralRow } from "./referrals-support";

let caseworker: DalContext;
let supervisor: DalContext;
let focal: DalContext;
let irc: string;

beforeAll(async () => {
  [caseworker, supervisor, focal] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    focalPoint(["legal"]),
  ]);
  irc = await partner("IRCT", ["legal"]);
});

const input = (
  beneficiaryId: string,
  kind: "internal" | "external",
  extra: Record<string, unknown> = {},
) => ({
  beneficiaryId,
  service: "legal",
  recipientKind: kind,
  organisationId: kind === "external" ? irc : "",
  urgency: "low",
  reason: "Lost documents; needs legal counselling.",
  ...extra,
});

const count = (id: string) => withTransaction({}, (tx) => openReferralCount(tx, id));

describe("openReferralCount", () => {
  it("counts every referral not completed, withdrawn or closed", async () => {
    const p = await personWith(caseworker, ["services", "sharing"]);
    expect(await count(p.id)).toBe(0);
    const draft = await createReferral(caseworker, input(p.id, "internal", { submit: false }));
    const a = await createReferral(caseworker, input(p.id, "internal"));
    const b = await createReferral(caseworker, input(p.id, "internal"));
    expect(await count(p.id)).toBe(3);
    await transitionReferral(caseworker, {
      id: draft.id,
      version: draft.version,
      event: "withdraw",
      note: "Duplicate draft.",
    });
    expect(await count(p.id)).toBe(2);
    const sentA = await transitionReferral(supervisor, { id: a.id, version: a.version, event: "approve" });
    const declined = await transitionReferral(focal, {
      id: a.id,
      version: sentA.version,
      event: "decline",
      note: "Outside our mandate.",
    });
    // Declined waits for the supervisor's decision: still open.
    expect(await count(p.id)).toBe(2);
    await transitionReferral(supervisor, {
      id: a.id,
      version: declined.version,
      event: "close",
      note: "Referred to a partner instead.",
    });
    expect(await count(p.id)).toBe(1);
    const sentB = await transitionReferral(supervisor, { id: b.id, version: b.version, event: "approve" });
    const acc = await transitionReferral(focal, { id: b.id, version: sentB.version, event: "accept" });
    await transitionReferral(focal, {
      id: b.id,
      version: acc.version,
      event: "complete",
      note: "Documents replaced.",
    });
    expect(await count(p.id)).toBe(0);
  });
});

describe("withdrawReferralsForConsent", () => {
  it("withdraws the pending referrals that relied on that purpose, with a note, and leaves the rest", async () => {
    const p = await personWith(caseworker, ["services", "sharing"]);
    const external = await createReferral(caseworker, input(p.id, "external"));
    const externalSent = await createReferral(caseworker, input(p.id, "external"));
    await transitionReferral(supervisor, {
      id: externalSent.id,
      version: externalSent.version,
      event: "approve",
    });
    const internal = await createReferral(caseworker, input(p.id, "internal"));
    const draft = await createReferral(caseworker, input(p.id, "external", { submit: false }));

    const n = await withTransaction({}, (tx) => withdrawReferralsForConsent(tx, caseworker, p.id, "sharing"));
    expect(n).toBe(2);
    for (const id of [external.id, externalSent.id]) {
      expect((await referralRow(id)).state).toBe("withdrawn");
      const last = (await eventsOf(id)).at(-1);
      expect(last).toMatchObject({
        event: "withdraw_consent",
        toState: "withdrawn",
        actorId: caseworker.actor.id,
      });
      expect(last?.note).toContain("sharing");
    }
    expect((await referralRow(internal.id)).state).toBe("submitted");
    expect((await referralRow(draft.id)).state).toBe("draft");

    expect(
      await withTransaction({}, (tx) => withdrawReferralsForConsent(tx, caseworker, p.id, "services")),
    ).toBe(1);
    expect((await referralRow(internal.id)).state).toBe("withdrawn");
    expect(
      await withTransaction({}, (tx) => withdrawReferralsForConsent(tx, caseworker, p.id, "services")),
    ).toBe(0);
  });
});
