import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { screenings } from "@/db/schema";
import type { DalContext } from "@/lib/dal/context";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { transitionReferral } from "@/lib/dal/referrals/transition-referral";
import { updateReferral } from "@/lib/dal/referrals/update-referral";
import { INSTRUMENTS } from "@/lib/domain/screenings/types";
import { makeUser } from "../support/factories";
import { dalError } from "./dal-assert";
import { eventsOf, partner, personWith, referralRow } from "./referrals-support";

let caseworker: DalContext;
let colleague: DalContext;
let supervisor: DalContext;
let wfp: string;

beforeAll(async () => {
  [caseworker, colleague, supervisor] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
  ]);
  wfp = await partner("WFPT", ["direct_assistance"]);
});

describe("returned by the supervisor, corrected and resubmitted", () => {
  it("keeps the history and only the referrer edits", async () => {
    const p = await personWith(caseworker, ["services", "sharing"]);
    const r = await createReferral(caseworker, {
      beneficiaryId: p.id,
      service: "direct_assistance",
      recipientKind: "external",
      organisationId: wfp,
      urgency: "low",
      reason: "Food.",
    });
    await dalError(
      transitionReferral(supervisor, { id: r.id, version: r.version, event: "return", note: "ok" }),
      "invalid",
    );
    const returned = await transitionReferral(supervisor, {
      id: r.id,
      version: r.version,
      event: "return",
      note: "Say how many people in the household and since when without food.",
    });
    expect(returned.state).toBe("returned");
    await dalError(
      updateReferral(colleague, { id: r.id, version: returned.version, urgency: "medium", reason: "x" }),
      "not_found",
    );
    await dalError(
      updateReferral(supervisor, { id: r.id, version: returned.version, urgency: "medium", reason: "x" }),
      "forbidden",
    );
    const edited = await updateReferral(caseworker, {
      id: r.id,
      version: returned.version,
      urgency: "medium",
      reason: "Household of five, no food for three days.",
    });
    await dalError(
      updateReferral(caseworker, { id: r.id, version: returned.version, urgency: "high", reason: "stale" }),
      "conflict",
    );
    const resubmitted = await transitionReferral(caseworker, {
      id: r.id,
      version: edited.version,
      event: "submit",
    });
    expect(resubmitted.state).toBe("submitted");
    await dalError(
      updateReferral(caseworker, {
        id: r.id,
        version: resubmitted.version,
        urgency: "high",
        reason: "Too late.",
      }),
      "conflict",
    );
    const row = await referralRow(r.id);
    expect(row.reason).toBe("Household of five, no food for three days.");
    expect(row.urgency).toBe("medium");
    expect((await eventsOf(r.id)).map((e) => e.toState)).toEqual([
      "draft",
      "submitted",
      "returned",
      "submitted",
    ]);
    expect((await eventsOf(r.id))[2]?.note).toBe(
      "Say how many people in the household and since when without food.",
    );
  });

  it("the partner's reply is recorded by the referrer for an external referral", async () => {
    const p = await personWith(caseworker, ["services", "sharing"]);
    const r = await createReferral(caseworker, {
      beneficiaryId: p.id,
      service: "direct_assistance",
      recipientKind: "external",
      organisationId: wfp,
      urgency: "high",
      reason: "Household of three, no food for two days.",
    });
    const sent = await transitionReferral(supervisor, { id: r.id, version: r.version, event: "approve" });
    await dalError(
      transitionReferral(colleague, { id: r.id, version: sent.version, event: "accept" }),
      "not_found",
    );
    const accepted = await transitionReferral(caseworker, {
      id: r.id,
      version: sent.version,
      event: "accept",
    });
    const notDone = await transitionReferral(caseworker, {
      id: r.id,
      version: accepted.version,
      event: "not_complete",
      note: "The family moved before the distribution.",
    });
    expect(notDone.state).toBe("not_completed");
  });
});

describe("the screening a referral comes from", () => {
  async function screeningOf(beneficiaryId: string) {
    const [row] = await getDb()
      .insert(screenings)
      .values({
        beneficiaryId,
        instrument: INSTRUMENTS[0],
        version: 1,
        answers: {},
        outcome: "high",
        outcomeDetail: {},
        screenedOn: "2025-01-10",
        createdBy: caseworker.actor.id,
      })
      .returning({ id: screenings.id });
    if (!row) throw new Error("no screening");
    return row.id;
  }

  it("is stored when it is this person's, refused when it is another's or does not exist", async () => {
    const p = await personWith(caseworker, ["services"]);
    const other = await personWith(caseworker, ["services"]);
    const own = await screeningOf(p.id);
    const foreign = await screeningOf(other.id);
    const base = {
      beneficiaryId: p.id,
      service: "mhpss",
      recipientKind: "internal",
      urgency: "high",
      reason: "Suggested by the distress screening.",
    };
    for (const id of [foreign, "7f1c8f0e-4a55-4f1e-9a39-1b1d2c3e4f50"]) {
      const e = await dalError(createReferral(caseworker, { ...base, sourceScreeningId: id }), "invalid");
      expect(e.fieldErrors?._form).toEqual(["referrals.validation.screeningMismatch"]);
    }
    const r = await createReferral(caseworker, { ...base, sourceScreeningId: own });
    expect((await referralRow(r.id)).sourceScreeningId).toBe(own);
  });
});
