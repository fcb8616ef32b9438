import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, caseAssignments, screeningSuggestions } from "@/db/schema";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import { decideSuggestion } from "@/lib/dal/screenings/decide-suggestion";
import { getScreening } from "@/lib/dal/screenings/get-screening";
import { listScreenings } from "@/lib/dal/screenings/list-screenings";
import { recordScreening } from "@/lib/dal/screenings/record-screening";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

let owner: DalContext;
let assigned: DalContext; // same office, assigned to the case, no sensitive category
let supervisor: DalContext;
let otherOfficeCw: DalContext;
let otherOfficeSup: DalContext;
let person: { id: string };
let k10Id: string;
let fttId: string;
let cpId: string;

const NOW = new Date("2025-03-01T10:00:00Z");
const FTT = {
  temperature: 36.6,
  systolic: 118,
  diastolic: 76,
  pulse: 70,
  respiratoryRate: 14,
  spo2: 90,
  pregnant: true,
  pregnancyWeeks: 30,
  tbSymptoms: [],
  acuteIllness: "none",
  medication: "none",
  contraindication: false,
  mobility: "independent",
  escortNeeded: false,
  capacity: "yes",
};

function withCategories(ctx: DalContext, categories: SensitiveCategory[]): DalContext {
  return { ...ctx, actor: { ...ctx.actor, categories } };
}

beforeAll(async () => {
  [owner, assigned, supervisor, otherOfficeCw, otherOfficeSup] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("caseworker", "BEN"),
    makeUser("supervisor", "BEN"),
  ]);
  person = await registerBeneficiary(
    owner,
    registration({
      familyName: "Bashir",
      givenNames: "Halima",
      sex: "female",
      nationality: "SDN",
      dateOfBirth: "2009-06-01",
      uascStatus: "separated",
    }),
  );
  await getDb()
    .insert(caseAssignments)
    .values({ beneficiaryId: person.id, userId: assigned.actor.id, assignedBy: supervisor.actor.id });
  const base = { beneficiaryId: person.id, version: 1, screenedOn: "2025-03-01" };
  k10Id = (
    await recordScreening(
      owner,
      {
        ...base,
        instrument: "k10",
        answers: { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, q8: 2, q9: 2, q10: 2 },
      },
      NOW,
    )
  ).id;
  fttId = (await recordScreening(owner, { ...base, instrument: "fit_to_travel", answers: FTT }, NOW)).id;
  cpId = (
    await recordScreening(
      owner,
      {
        ...base,
        instrument: "child_protection",
        answers: {
          status: "separated",
          separationCause: "migration_journey",
          careArrangement: "peers",
          tracingStatus: "requested",
          concerns: ["gbv"],
          riskLevel: "high",
        },
      },
      NOW,
    )
  ).id;
});

async function byId(ctx: DalContext) {
  const list = await listScreenings(ctx, person.id, NOW);
  return new Map(list.map((s) => [s.id, s]));
}

describe("sensitive screenings", () => {
  it("an assigned caseworker without the category sees only that each screening exists", async () => {
    const seen = await byId(assigned);
    expect(seen.size).toBe(3);
    const k10 = seen.get(k10Id);
    expect(k10).toMatchObject({ restricted: true, instrument: "k10", clearance: null });
    expect(k10).not.toHaveProperty("answers");
    expect(k10).not.toHaveProperty("outcome");
    expect(k10).not.toHaveProperty("suggestions");
    expect(seen.get(cpId)).toMatchObject({ restricted: true, clearance: null });
    expect(JSON.stringify([...seen.values()])).not.toContain("gbv");
  });

  it("fit-to-travel: without health access, the outcome and conditions only, never the medical detail", async () => {
    const ftt = (await byId(assigned)).get(fttId);
    expect(ftt).toEqual({
      id: fttId,
      beneficiaryId: person.id,
      instrument: "fit_to_travel",
      version: 1,
      screenedOn: "2025-03-01",
      createdAt: NOW.toISOString(),
      recordedByName: owner.actor.name,
      restricted: true,
      clearance: {
        outcome: "fit_with_conditions",
        conditions: ["oxygen", "medical_form"],
        recheckDate: null,
        validUntil: "2025-03-04T10:00:00.000Z",
      },
    });
  });

  it("the category opens exactly its own screenings", async () => {
    const health = await byId(withCategories(assigned, ["health"]));
    expect(health.get(k10Id)).toMatchObject({ restricted: false, outcome: "moderate", answers: { q1: 2 } });
    expect(health.get(fttId)).toMatchObject({ restricted: false, answers: { pregnancyWeeks: 30 } });
    expect(health.get(cpId)?.restricted).toBe(true);
    const gbv = await byId(withCategories(assigned, ["gbv"]));
    expect(gbv.get(cpId)).toMatchObject({ restricted: false, outcome: "high" });
    expect(gbv.get(k10Id)?.restricted).toBe(true);
  });

  it("the case owner and the office supervisor see everything", async () => {
    for (const ctx of [owner, supervisor]) {
      const seen = await byId(ctx);
      for (const id of [k10Id, fttId, cpId]) expect(seen.get(id)?.restricted).toBe(false);
      const cp = seen.get(cpId);
      if (cp?.restricted !== false) throw new Error("expected visible");
      expect(cp.suggestions.map((s) => s.service).sort()).toEqual([
        "bid",
        "child_protection",
        "health",
        "mhpss",
      ]);
    }
  });

  it("another office gets not_found for the list, a screening and a suggestion", async () => {
    for (const ctx of [otherOfficeCw, otherOfficeSup]) {
      await dalError(listScreenings(ctx, person.id, NOW), "not_found");
      await dalError(getScreening(ctx, { beneficiaryId: person.id, screeningId: k10Id }, NOW), "not_found");
    }
    const [suggestion] = await getDb()
      .select()
      .from(screeningSuggestions)
      .where(eq(screeningSuggestions.screeningId, cpId));
    await dalError(
      decideSuggestion(otherOfficeCw, { suggestionId: suggestion?.id, decision: "confirm" }, NOW),
      "not_found",
    );
  });

  it("get-screening applies the same rule and records the read with the restriction", async () => {
    const restricted = await getScreening(assigned, { beneficiaryId: person.id, screeningId: k10Id }, NOW);
    expect(restricted.restricted).toBe(true);
    const open = await getScreening(owner, { beneficiaryId: person.id, screeningId: k10Id }, NOW);
    expect(open.restricted).toBe(false);
    const reads = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, k10Id), eq(auditEvents.action, "read")));
    const details = reads.map((r) => [r.actorId, r.detail]);
    expect(details).toContainEqual([assigned.actor.id, { instrument: "k10", restricted: true }]);
    expect(details).toContainEqual([owner.actor.id, { instrument: "k10", restricted: false }]);
    await dalError(getScreening(owner, { beneficiaryId: person.id, screeningId: "nope" }, NOW), "not_found");
  });
});

describe("decideSuggestion", () => {
  async function suggestionOf(screeningId: string, service: string) {
    const rows = await getDb()
      .select()
      .from(screeningSuggestions)
      .where(eq(screeningSuggestions.screeningId, screeningId));
    const row = rows.find((r) => r.service === service);
    if (!row) throw new Error(`no ${service} suggestion`);
    return row;
  }

  it("confirms once; a second decision is a conflict", async () => {
    const bid = await suggestionOf(cpId, "bid");
    const decided = await decideSuggestion(owner, { suggestionId: bid.id, decision: "confirm" }, NOW);
    expect(decided).toMatchObject({
      status: "confirmed",
      service: "bid",
      urgency: "high",
      beneficiaryId: person.id,
    });
    await dalError(
      decideSuggestion(supervisor, { suggestionId: bid.id, decision: "confirm" }, NOW),
      "conflict",
    );
    await dalError(
      decideSuggestion(
        owner,
        { suggestionId: bid.id, decision: "dismiss", reason: "Changed my mind entirely" },
        NOW,
      ),
      "conflict",
    );
    const row = await suggestionOf(cpId, "bid");
    expect(row.status).toBe("confirmed");
    expect(row.decidedBy).toBe(owner.actor.id);
  });

  it("dismissing needs a reason of at least 10 characters", async () => {
    const mhpss = await suggestionOf(cpId, "mhpss");
    const missing = await dalError(
      decideSuggestion(owner, { suggestionId: mhpss.id, decision: "dismiss" }, NOW),
      "invalid",
    );
    expect(missing.fieldErrors).toEqual({ reason: ["required"] });
    const short = await dalError(
      decideSuggestion(owner, { suggestionId: mhpss.id, decision: "dismiss", reason: "no" }, NOW),
      "invalid",
    );
    expect(short.fieldErrors).toEqual({ reason: ["reasonTooShort"] });
    await decideSuggestion(
      supervisor,
      { suggestionId: mhpss.id, decision: "dismiss", reason: "Already followed by a partner" },
      NOW,
    );
    const row = await suggestionOf(cpId, "mhpss");
    expect(row.status).toBe("dismissed");
    expect(row.dismissReason).toBe("Already followed by a partner");
  });

  it("someone who may not see the screening may not decide on its suggestions", async () => {
    const health = await suggestionOf(cpId, "health");
    await dalError(
      decideSuggestion(assigned, { suggestionId: health.id, decision: "confirm" }, NOW),
      "forbidden",
    );
    expect((await suggestionOf(cpId, "health")).status).toBe("pending");
  });

  it("the database refuses a second decision even outside the DAL", async () => {
    const bid = await suggestionOf(cpId, "bid");
    await expect(
      getDb()
        .update(screeningSuggestions)
        .set({ status: "pending", decidedBy: null, decidedAt: null })
        .where(eq(screeningSuggestions.id, bid.id)),
    ).rejects.toThrow();
  });
});
