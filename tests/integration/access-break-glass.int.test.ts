import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { BREAK_GLASS_HOURS, breakGlass } from "@/lib/dal/access/break-glass";
import { canSeeCategory } from "@/lib/dal/access/can-see-category";
import { getCaseAccess } from "@/lib/dal/access/get-case-access";
import { listBreakGlass } from "@/lib/dal/access/list-break-glass";
import { reviewBreakGlass } from "@/lib/dal/access/review-break-glass";
import { getCategoryGrants, setCategoryGrant } from "@/lib/dal/access/set-category-grant";
import { listCaseHistory } from "@/lib/dal/audit/list-case-history";
import { searchAudit } from "@/lib/dal/audit/search-audit";
import { loadActor } from "@/lib/dal/auth/load-actor";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import { setCaseAssignment } from "../../lib/dal/beneficiaries/set-case-assignment";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

let owner: DalContext;
/** Assigned to the case by the supervisor: reaches the case, but not its sensitive categories. */
let caseworker: DalContext;
let supervisor: DalContext;
let otherSupervisor: DalContext;
let admin: DalContext;
let caseId: string;

const see = (ctx: DalContext, at?: Date) =>
  getDb().transaction((tx) => canSeeCategory(tx, ctx.actor, caseId, "trafficking", at));

beforeAll(async () => {
  [owner, caseworker, supervisor, otherSupervisor, admin] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("supervisor", "BEN"),
    makeUser("admin", "TIP"),
  ]);
  ({ id: caseId } = await registerBeneficiary(
    owner,
    registration({ familyName: `Bg${randomUUID().slice(0, 6)}` }),
  ));
  await setCaseAssignment(supervisor, { id: caseId, userId: caseworker.actor.id, assigned: true });
});

describe("sensitive categories and break-glass", () => {
  it("the case owner and the office's supervisor see the categories as the case team", async () => {
    expect(await see(owner)).toBe(true);
    expect((await getCaseAccess(owner, caseId)).categories.trafficking).toBe("case_team");
    expect((await getCaseAccess(supervisor, caseId)).categories.trafficking).toBe("case_team");
  });

  it("without the grant the category is restricted; with it, visible", async () => {
    expect(await see(caseworker)).toBe(false);
    expect((await getCaseAccess(caseworker, caseId)).categories.trafficking).toBe("restricted");
    const granted = { ...caseworker, actor: { ...caseworker.actor, categories: ["trafficking" as const] } };
    expect(await see(granted)).toBe(true);
    expect((await getCaseAccess(granted, caseId)).categories.trafficking).toBe("granted");
  });

  it("refuses break-glass without a real reason, and on cases out of scope", async () => {
    const error = await dalError(breakGlass(caseworker, caseId, "trafficking", "because"), "invalid");
    expect(error.fieldErrors?.reason).toEqual(["access.validation.reasonTooShort"]);
    const stranger = await makeUser("caseworker", "TIP");
    await dalError(
      breakGlass(stranger, caseId, "trafficking", "The person disclosed exploitation today"),
      "not_found",
    );
    await dalError(
      breakGlass(otherSupervisor, caseId, "trafficking", "The person disclosed exploitation today"),
      "not_found",
    );
    await dalError(
      breakGlass(admin, caseId, "trafficking", "The person disclosed exploitation today"),
      "forbidden",
    );
    expect(await see(stranger)).toBe(false);
  });

  it("opens the category for this user and case until it expires, logged and flagged", async () => {
    const now = new Date("2026-03-01T08:00:00Z");
    const result = await breakGlass(
      caseworker,
      caseId,
      "trafficking",
      "Urgent protection referral needs the history",
      now,
    );
    expect(new Date(result.expiresAt).getTime() - now.getTime()).toBe(BREAK_GLASS_HOURS * 3_600_000);
    expect(await see(caseworker, new Date("2026-03-01T15:59:00Z"))).toBe(true);
    expect(await see(caseworker, new Date("2026-03-01T16:00:01Z"))).toBe(false);
    // Only that category.
    expect(
      await getDb().transaction((tx) =>
        canSeeCategory(tx, caseworker.actor, caseId, "gbv", new Date("2026-03-01T09:00:00Z")),
      ),
    ).toBe(false);
    // Opening again while open reuses the grant and writes no second flag.
    const again = await breakGlass(
      caseworker,
      caseId,
      "trafficking",
      "Second look at the same section",
      new Date("2026-03-01T09:00:00Z"),
    );
    expect(again.grantId).toBe(result.grantId);
    const events = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, caseId), eq(auditEvents.action, "break_glass")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: caseworker.actor.id, flagged: true, ip: "127.0.0.1" });
    expect(events[0]?.detail).toMatchObject({ category: "trafficking", grantId: result.grantId });
    expect(JSON.stringify(events[0]?.detail)).not.toContain("Urgent protection");
  });

  it("shows the flag to the office's supervisor, who reviews it; not to another office", async () => {
    const queue = await listBreakGlass(supervisor, { unreviewedOnly: true });
    const item = queue.find((i) => i.beneficiaryId === caseId);
    expect(item).toMatchObject({
      category: "trafficking",
      userName: caseworker.actor.name,
      reviewedAt: null,
    });
    expect(item?.reason).toBe("Urgent protection referral needs the history");
    expect((await listBreakGlass(otherSupervisor)).find((i) => i.beneficiaryId === caseId)).toBeUndefined();
    await dalError(listBreakGlass(caseworker), "forbidden");
    const history = await listCaseHistory(supervisor, caseId);
    expect(history.find((e) => e.action === "break_glass")).toMatchObject({
      flagged: true,
      actorName: caseworker.actor.name,
    });
    await dalError(listCaseHistory(otherSupervisor, caseId), "not_found");
    await dalError(listCaseHistory(caseworker, caseId), "forbidden");
    if (!item) throw new Error("no item");
    await reviewBreakGlass(supervisor, item.id);
    await dalError(reviewBreakGlass(supervisor, item.id), "conflict");
    expect(
      (await listBreakGlass(supervisor, { unreviewedOnly: true })).find((i) => i.id === item.id),
    ).toBeUndefined();
  });

  it("the administrator finds the break-glass in the log by user, record and action", async () => {
    const byRecord = await searchAudit(admin, { record: caseId, action: "break_glass" });
    expect(byRecord.events).toHaveLength(1);
    const byUser = await searchAudit(admin, { user: caseworker.actor.email, action: "break_glass" });
    expect(byUser.events.map((e) => e.entityId)).toEqual([caseId]);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await searchAudit(admin, { record: caseId, from: today, to: today })).events.length,
    ).toBeGreaterThan(0);
    expect((await searchAudit(admin, { record: caseId, to: "2000-01-01" })).events).toHaveLength(0);
    await dalError(searchAudit(admin, { from: "2026-02-01", to: "2026-01-01" }), "invalid");
    await dalError(searchAudit(supervisor, {}), "forbidden");
  });

  it("the administrator grants and revokes a category; the actor carries it at the next load", async () => {
    expect(
      await setCategoryGrant(admin, { userId: caseworker.actor.id, category: "gbv", granted: true }),
    ).toEqual(["gbv"]);
    expect((await loadActor(caseworker.actor.id, 1))?.categories).toEqual(["gbv"]);
    expect(
      await setCategoryGrant(admin, { userId: caseworker.actor.id, category: "gbv", granted: false }),
    ).toEqual([]);
    expect(await getCategoryGrants(admin, caseworker.actor.id)).toEqual([]);
    await dalError(
      setCategoryGrant(supervisor, { userId: caseworker.actor.id, category: "gbv", granted: true }),
      "forbidden",
    );
    const log = await searchAudit(admin, { record: caseworker.actor.id });
    expect(log.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["category_granted", "category_revoked"]),
    );
  });
});
