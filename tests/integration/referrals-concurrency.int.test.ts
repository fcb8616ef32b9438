import { beforeAll, describe, expect, it } from "vitest";
import type { DalContext } from "@/lib/dal/context";
import { DalError } from "@/lib/dal/errors";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { transitionReferral } from "@/lib/dal/referrals/transition-referral";
import { makeUser } from "../support/factories";
import { eventsOf, focalPoint, personWith, referralRow } from "./referrals-support";

let caseworker: DalContext;
let supervisors: DalContext[];
let focalPoints: DalContext[];

beforeAll(async () => {
  caseworker = await makeUser("caseworker", "TIP");
  supervisors = await Promise.all(Array.from({ length: 4 }, () => makeUser("supervisor", "TIP")));
  focalPoints = await Promise.all(Array.from({ length: 4 }, () => focalPoint(["mhpss"])));
});

async function submitted() {
  const p = await personWith(caseworker, ["services"]);
  return createReferral(caseworker, {
    beneficiaryId: p.id,
    service: "mhpss",
    recipientKind: "internal",
    urgency: "high",
    reason: "Severe distress on the K10; needs specialised support.",
  });
}

/** Runs every attempt at once, each in its own transaction, and sorts the outcomes. */
async function race(attempts: Array<() => Promise<unknown>>) {
  const results = await Promise.allSettled(attempts.map((a) => a()));
  const won = results.filter((r) => r.status === "fulfilled");
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  return { won, lost };
}

describe("two people acting on one referral at the same moment", () => {
  it("20 concurrent approve / return attempts by supervisors: exactly one wins, the rest get conflict", async () => {
    const r = await submitted();
    const attempts = Array.from({ length: 20 }, (_, i) => {
      const who = supervisors[i % supervisors.length] as DalContext;
      return i % 2 === 0
        ? () => transitionReferral(who, { id: r.id, version: r.version, event: "approve" })
        : () =>
            transitionReferral(who, {
              id: r.id,
              version: r.version,
              event: "return",
              note: `Please add the screening results (${i}).`,
            });
    });
    const { won, lost } = await race(attempts);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(DalError);
      expect((l.reason as DalError).code).toBe("conflict");
    }
    const row = await referralRow(r.id);
    const events = await eventsOf(r.id);
    const fromSubmitted = events.filter((e) => e.fromState === "submitted");
    expect(fromSubmitted).toHaveLength(1);
    if (row.state === "returned") {
      expect(row.version).toBe(r.version + 1);
      expect(events).toHaveLength(3);
    } else {
      // approve then the automatic send, both by the one winner
      expect(row.state).toBe("sent");
      expect(row.version).toBe(r.version + 2);
      expect(events.map((e) => e.toState)).toEqual(["draft", "submitted", "approved", "sent"]);
      expect(new Set(events.slice(2).map((e) => e.actorId)).size).toBe(1);
    }
  });

  it("20 concurrent accept / decline attempts by focal points: exactly one wins, one history row", async () => {
    const r = await submitted();
    const sent = await transitionReferral(supervisors[0] as DalContext, {
      id: r.id,
      version: r.version,
      event: "approve",
    });
    const attempts = Array.from({ length: 20 }, (_, i) => {
      const who = focalPoints[i % focalPoints.length] as DalContext;
      return i % 3 === 0
        ? () =>
            transitionReferral(who, {
              id: r.id,
              version: sent.version,
              event: "decline",
              note: "No capacity this week.",
            })
        : () => transitionReferral(who, { id: r.id, version: sent.version, event: "accept" });
    });
    const { won, lost } = await race(attempts);
    expect(won).toHaveLength(1);
    expect(lost.map((l) => (l.reason as DalError).code)).toEqual(Array(19).fill("conflict"));
    const events = await eventsOf(r.id);
    expect(events.filter((e) => e.fromState === "sent")).toHaveLength(1);
    const row = await referralRow(r.id);
    expect(["accepted", "declined"]).toContain(row.state);
    expect(row.version).toBe(sent.version + 1);
  });

  it("a stale version is refused even when nobody is acting at the same moment", async () => {
    const r = await submitted();
    await transitionReferral(supervisors[0] as DalContext, {
      id: r.id,
      version: r.version,
      event: "return",
      note: "Add the consent form.",
    });
    const error = await transitionReferral(supervisors[1] as DalContext, {
      id: r.id,
      version: r.version,
      event: "approve",
    }).catch((e: unknown) => e);
    expect((error as DalError).code).toBe("conflict");
    expect((await referralRow(r.id)).state).toBe("returned");
  });
});
