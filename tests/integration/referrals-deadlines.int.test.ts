import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { referralSettings } from "@/db/schema";
import type { DalContext } from "@/lib/dal/context";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { expireOverdueReferrals } from "@/lib/dal/referrals/expire-overdue-referrals";
import { listCaseReferrals } from "@/lib/dal/referrals/list-case-referrals";
import { listIncomingReferrals } from "@/lib/dal/referrals/list-incoming-referrals";
import { loadReferralQueue } from "@/lib/dal/referrals/supervisor-queue";
import { transitionReferral } from "@/lib/dal/referrals/transition-referral";
import { updateDeadlineSettings } from "@/lib/dal/referrals/update-deadline-settings";
import { makeUser } from "../support/factories";
import { dalError } from "./dal-assert";
import { eventsOf, focalPoint, personWith, referralRow } from "./referrals-support";

const HOUR = 3_600_000;
const T0 = new Date("2025-06-02T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

let caseworker: DalContext;
let supervisor: DalContext;
let benSupervisor: DalContext;
let focal: DalContext;

beforeAll(async () => {
  [caseworker, supervisor, benSupervisor, focal] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("supervisor", "BEN"),
    focalPoint(["health"]),
  ]);
});

async function referral(urgency: "high" | "medium" | "low", when = T0) {
  const p = await personWith(caseworker, ["services"]);
  const r = await createReferral(
    caseworker,
    {
      beneficiaryId: p.id,
      service: "health",
      recipientKind: "internal",
      urgency,
      reason: "Untreated wound, needs a clinic visit.",
    },
    when,
  );
  return { ...r, beneficiaryId: p.id };
}

describe("deadlines and overdue", () => {
  it("sets the deadline from the urgency: 24 hours, 3 days, 7 days", async () => {
    for (const [urgency, hours] of [
      ["high", 24],
      ["medium", 72],
      ["low", 168],
    ] as const) {
      const r = await referral(urgency);
      expect((await referralRow(r.id)).dueAt?.toISOString()).toBe(at(hours).toISOString());
    }
  });

  it("uses the configured deadlines for clocks started after a change", async () => {
    const [settings] = await getDb().select().from(referralSettings).where(eq(referralSettings.id, 1));
    const changed = await updateDeadlineSettings(await makeUser("admin"), {
      version: settings?.version ?? 1,
      highHours: 6,
      mediumHours: 48,
      lowHours: 120,
    });
    try {
      const r = await referral("high");
      expect((await referralRow(r.id)).dueAt?.toISOString()).toBe(at(6).toISOString());
    } finally {
      await getDb()
        .update(referralSettings)
        .set({ highHours: 24, mediumHours: 72, lowHours: 168, version: changed.version + 1 })
        .where(eq(referralSettings.id, 1));
    }
  });

  it("a submitted referral is overdue only after its deadline, and shows on the office's queue only", async () => {
    const r = await referral("high");
    const before = await listCaseReferrals(caseworker, r.beneficiaryId, at(23));
    expect(before.referrals[0]?.overdue).toBe(false);
    const after = await listCaseReferrals(caseworker, r.beneficiaryId, at(25));
    expect(after.referrals[0]?.overdue).toBe(true);
    expect(after.referrals[0]?.state).toBe("submitted");

    const early = await loadReferralQueue(supervisor, {}, at(23));
    expect(early.awaitingApproval.map((x) => x.id)).toContain(r.id);
    expect(early.overdue.map((x) => x.id)).not.toContain(r.id);
    const late = await loadReferralQueue(supervisor, {}, at(25));
    expect(late.overdue.map((x) => x.id)).toContain(r.id);
    const filtered = await loadReferralQueue(supervisor, { urgency: "low" }, at(25));
    expect(filtered.overdue.map((x) => x.id)).not.toContain(r.id);
    const elsewhere = await loadReferralQueue(benSupervisor, {}, at(25));
    expect(elsewhere.overdue.map((x) => x.id)).not.toContain(r.id);
    expect(elsewhere.awaitingApproval.map((x) => x.id)).not.toContain(r.id);
  });

  it("a sent referral not accepted by its deadline is expired on read, stored by the job, then goes to the supervisor", async () => {
    const r = await referral("medium");
    const sent = await transitionReferral(
      supervisor,
      { id: r.id, version: r.version, event: "approve" },
      at(1),
    );
    // Sending restarts the clock: 72 hours from approval.
    expect((await referralRow(r.id)).dueAt?.toISOString()).toBe(at(73).toISOString());
    expect(await expireOverdueReferrals(at(72))).toBe(0);
    expect((await listIncomingReferrals(focal, "open", at(72)))[0]?.state).toBe("sent");

    const seen = await listIncomingReferrals(focal, "all", at(74));
    expect(seen.find((x) => x.id === r.id)?.state).toBe("expired");
    expect(seen.find((x) => x.id === r.id)?.actions).toEqual([]);
    expect((await referralRow(r.id)).state).toBe("sent");
    await dalError(
      transitionReferral(focal, { id: r.id, version: sent.version, event: "accept" }, at(74)),
      "conflict",
    );
    expect((await referralRow(r.id)).state).toBe("sent");

    expect(await expireOverdueReferrals(at(74))).toBeGreaterThanOrEqual(1);
    const row = await referralRow(r.id);
    expect(row.state).toBe("expired");
    const events = await eventsOf(r.id);
    expect(events.at(-1)).toMatchObject({
      fromState: "sent",
      toState: "expired",
      actorId: null,
      actorRole: "system",
    });
    expect(await expireOverdueReferrals(at(80))).toBe(0);

    const queue = await loadReferralQueue(supervisor, {}, at(75));
    expect(queue.awaitingDecision.find((x) => x.id === r.id)?.state).toBe("expired");
    await transitionReferral(
      supervisor,
      { id: r.id, version: row.version, event: "close", note: "Re-referred to a partner clinic instead." },
      at(76),
    );
    const after = await loadReferralQueue(supervisor, {}, at(77));
    expect(after.awaitingDecision.map((x) => x.id)).not.toContain(r.id);
    expect((await referralRow(r.id)).state).toBe("closed");
  });

  it("loading the queue stores the expiry of overdue sent referrals", async () => {
    const r = await referral("high");
    await transitionReferral(supervisor, { id: r.id, version: r.version, event: "approve" }, at(0));
    const queue = await loadReferralQueue(supervisor, {}, at(30));
    expect(queue.awaitingDecision.map((x) => x.id)).toContain(r.id);
    expect((await referralRow(r.id)).state).toBe("expired");
  });
});
