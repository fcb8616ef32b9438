import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, screeningSuggestions, screenings } from "@/db/schema";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import { recordScreening } from "@/lib/dal/screenings/record-screening";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

let owner: DalContext;
let otherOffice: DalContext;
let manager: DalContext;
let adult: { id: string };
let child: { id: string };

const NOW = new Date("2025-03-01T10:00:00Z");
const K10_VERY_HIGH = { q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3, q8: 3, q9: 3, q10: 3 }; // 30
const K10_LOW = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 1, q10: 1 }; // 10

beforeAll(async () => {
  [owner, otherOffice, manager] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "BEN"),
    makeUser("programme_manager", "TIP"),
  ]);
  adult = await registerBeneficiary(
    owner,
    registration({ familyName: "Abakar", givenNames: "Idriss", nationality: "TCD" }),
  );
  child = await registerBeneficiary(
    owner,
    registration({
      familyName: "Yusuf",
      givenNames: "Amina",
      sex: "female",
      nationality: "SDN",
      dateOfBirth: "2010-01-20",
      uascStatus: "unaccompanied",
    }),
  );
});

async function countFor(beneficiaryId: string) {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(screenings)
    .where(eq(screenings.beneficiaryId, beneficiaryId));
  return row?.n ?? 0;
}

function k10(answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    beneficiaryId: adult.id,
    instrument: "k10",
    version: 1,
    screenedOn: "2025-03-01",
    answers,
    ...extra,
  };
}

describe("recordScreening", () => {
  it("computes the outcome on the server and ignores one sent by the client", async () => {
    const result = await recordScreening(owner, k10(K10_VERY_HIGH, { outcome: "low", flags: [] }), NOW);
    expect(result.outcome).toBe("very_high");
    const [row] = await getDb().select().from(screenings).where(eq(screenings.id, result.id));
    expect(row?.outcome).toBe("very_high");
    expect(row?.instrument).toBe("k10");
    expect(row?.version).toBe(1);
    expect(row?.answers).toEqual(K10_VERY_HIGH);
    expect(row?.sensitiveCategory).toBe("health");
    expect(row?.outcomeDetail).toEqual({
      reasons: [{ key: "k10.very_high", values: { total: 30 } }],
      flags: ["urgent"],
    });
    const suggestions = await getDb()
      .select()
      .from(screeningSuggestions)
      .where(eq(screeningSuggestions.screeningId, result.id));
    expect(suggestions.map((s) => [s.service, s.urgency, s.status])).toEqual([["mhpss", "high", "pending"]]);
    const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, result.id));
    expect(audit.map((a) => [a.action, a.entity])).toEqual([["create", "screening"]]);
  });

  it("an answer the client smuggles into the answers is refused, not stored", async () => {
    const before = await countFor(adult.id);
    const error = await dalError(recordScreening(owner, k10({ ...K10_LOW, outcome: "low" }), NOW), "invalid");
    expect(error.fieldErrors?._form).toEqual(["screenings.validation.unknownAnswer"]);
    expect(await countFor(adult.id)).toBe(before);
  });

  it("bad answers are invalid per item and write nothing", async () => {
    const before = await countFor(adult.id);
    const auditsBefore = await getDb().select().from(auditEvents).where(eq(auditEvents.entity, "screening"));
    const error = await dalError(
      recordScreening(owner, k10({ ...K10_LOW, q2: 7, q10: undefined }), NOW),
      "invalid",
    );
    expect(error.fieldErrors).toEqual({
      "answers.q2": ["screenings.validation.outOfRange"],
      "answers.q10": ["required"],
    });
    expect(await countFor(adult.id)).toBe(before);
    const audits = await getDb().select().from(auditEvents).where(eq(auditEvents.entity, "screening"));
    expect(audits).toHaveLength(auditsBefore.length);
  });

  it("refuses an unknown instrument, an unreleased version, a future date and a date before birth", async () => {
    await dalError(recordScreening(owner, k10(K10_LOW, { instrument: "gad7" }), NOW), "invalid");
    const version = await dalError(recordScreening(owner, k10(K10_LOW, { version: 2 }), NOW), "invalid");
    expect(version.fieldErrors?._form).toEqual(["screenings.validation.outdatedVersion"]);
    const future = await dalError(
      recordScreening(owner, k10(K10_LOW, { screenedOn: "2025-03-02" }), NOW),
      "invalid",
    );
    expect(future.fieldErrors).toEqual({ screenedOn: ["futureDate"] });
    const early = await dalError(
      recordScreening(owner, k10(K10_LOW, { screenedOn: "1990-01-01" }), NOW),
      "invalid",
    );
    expect(early.fieldErrors).toEqual({ screenedOn: ["screenings.validation.beforeBirth"] });
  });

  it("uses the age at the screening date: a child needs no means for trafficking", async () => {
    const answers = { acts: ["recruitment"], purposes: ["forced_labour"], basis: "reasonable_grounds" };
    const asChild = await recordScreening(
      owner,
      {
        beneficiaryId: child.id,
        instrument: "counter_trafficking",
        version: 1,
        screenedOn: "2025-03-01",
        answers,
      },
      NOW,
    );
    expect(asChild.outcome).toBe("presumed_victim");
    const asAdult = await recordScreening(
      owner,
      {
        beneficiaryId: adult.id,
        instrument: "counter_trafficking",
        version: 1,
        screenedOn: "2025-03-01",
        answers,
      },
      NOW,
    );
    expect(asAdult.outcome).toBe("not_victim_vulnerable");
  });

  it("child protection only for children at the screening date", async () => {
    const answers = { status: "accompanied", careArrangement: "relatives", riskLevel: "low" };
    const error = await dalError(
      recordScreening(
        owner,
        {
          beneficiaryId: adult.id,
          instrument: "child_protection",
          version: 1,
          screenedOn: "2025-03-01",
          answers,
        },
        NOW,
      ),
      "invalid",
    );
    expect(error.fieldErrors?._form).toEqual(["screenings.validation.childrenOnly"]);
  });

  it("fit-to-travel: valid for 72 hours from recording; a re-check must come after the screening", async () => {
    const healthy = {
      temperature: 36.6,
      systolic: 118,
      diastolic: 76,
      pulse: 70,
      respiratoryRate: 14,
      spo2: 98,
      pregnant: false,
      acuteIllness: "none",
      medication: "none",
      contraindication: false,
      mobility: "wheelchair_steps",
      escortNeeded: false,
      capacity: "yes",
    };
    const base = {
      beneficiaryId: adult.id,
      instrument: "fit_to_travel",
      version: 1,
      screenedOn: "2025-03-01",
    };
    const fit = await recordScreening(owner, { ...base, answers: healthy }, NOW);
    expect(fit.outcome).toBe("fit_with_conditions");
    expect(fit.conditions).toEqual(["wheelchair"]);
    expect(fit.validUntil).toBe("2025-03-04T10:00:00.000Z");
    const [row] = await getDb().select().from(screenings).where(eq(screenings.id, fit.id));
    expect(row?.validUntil?.toISOString()).toBe("2025-03-04T10:00:00.000Z");

    const sameDay = await dalError(
      recordScreening(
        owner,
        { ...base, answers: { ...healthy, temperature: 38.4, recheckDate: "2025-03-01" } },
        NOW,
      ),
      "invalid",
    );
    expect(sameDay.fieldErrors).toEqual({
      "answers.recheckDate": ["screenings.validation.recheckDateAfterScreening"],
    });
    const noDate = await dalError(
      recordScreening(owner, { ...base, answers: { ...healthy, temperature: 38.4 } }, NOW),
      "invalid",
    );
    expect(noDate.fieldErrors).toEqual({
      "answers.recheckDate": ["screenings.validation.recheckDateRequired"],
    });
    const later = await recordScreening(
      owner,
      { ...base, answers: { ...healthy, temperature: 38.4, recheckDate: "2025-03-05" } },
      NOW,
    );
    expect(later.outcome).toBe("temporarily_unfit");
    expect(later.recheckDate).toBe("2025-03-05");
    expect(later.validUntil).toBeNull();
  });

  it("out of scope is not_found; roles without the action are forbidden", async () => {
    await dalError(recordScreening(otherOffice, k10(K10_LOW), NOW), "not_found");
    await dalError(recordScreening(owner, k10(K10_LOW, { beneficiaryId: randomUUID() }), NOW), "not_found");
    await dalError(recordScreening(manager, k10(K10_LOW), NOW), "forbidden");
  });

  it("a saved screening cannot be changed or deleted, even by SQL", async () => {
    const saved = await recordScreening(owner, k10(K10_LOW), NOW);
    await expect(
      getDb().update(screenings).set({ outcome: "very_high" }).where(eq(screenings.id, saved.id)),
    ).rejects.toThrow();
    await expect(getDb().delete(screenings).where(eq(screenings.id, saved.id))).rejects.toThrow();
    const [row] = await getDb().select().from(screenings).where(eq(screenings.id, saved.id));
    expect(row?.outcome).toBe("low");
  });
});
