import { describe, expect, it } from "vitest";
import { FTT_VALIDITY_HOURS, fitToTravelV1 } from "./v1";

const screenedAt = new Date("2025-03-01T10:00:00Z");
const ctx = { ageAtScreening: 30, screenedOn: "2025-03-01", screenedAt };

const HEALTHY = {
  temperature: 36.8,
  systolic: 120,
  diastolic: 80,
  pulse: 72,
  respiratoryRate: 16,
  spo2: 98,
  pregnant: false,
  tbSymptoms: [],
  acuteIllness: "none",
  medication: "none",
  contraindication: false,
  mobility: "independent",
  escortNeeded: false,
  capacity: "yes",
};

function parse(overrides: Record<string, unknown>) {
  return fitToTravelV1.schema.safeParse({ ...HEALTHY, ...overrides });
}

function run(overrides: Record<string, unknown>) {
  const parsed = parse(overrides);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return fitToTravelV1.evaluate(parsed.data, ctx);
}

const RECHECK = { recheckDate: "2025-03-08" };

describe("fit-to-travel v1", () => {
  it("a healthy traveller is fit, valid until 72 hours after the examination was recorded", () => {
    const result = run({});
    expect(result.outcome).toBe("fit");
    expect(result.conditions).toEqual([]);
    expect(result.reasons).toEqual([{ key: "ftt.noFindings" }]);
    expect(result.validUntil?.toISOString()).toBe("2025-03-04T10:00:00.000Z");
    expect(FTT_VALIDITY_HOURS).toBe(72);
    expect(result.suggestions).toEqual([
      { service: "vhr", urgency: "medium", reasonKey: "ftt.vhrMayProceed" },
    ]);
  });

  it("fever starts at 38.0 °C", () => {
    expect(run({ temperature: 37.9 }).outcome).toBe("fit");
    const result = run({ temperature: 38, ...RECHECK });
    expect(result.outcome).toBe("temporarily_unfit");
    expect(result.reasons).toEqual([{ key: "ftt.fever", values: { temperature: 38 } }]);
    expect(result.recheckDate).toBe("2025-03-08");
    expect(result.validUntil).toBeUndefined();
    expect(result.suggestions).toEqual([
      { service: "health", urgency: "medium", reasonKey: "ftt.temporarily_unfitCare" },
    ]);
  });

  it("temporarily unfit needs a re-check date, and only then", () => {
    const missing = parse({ temperature: 38.5 });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["recheckDate", "screenings.validation.recheckDateRequired"],
    ]);
    const stray = parse({ ...RECHECK });
    expect(stray.success).toBe(false);
    expect(stray.error?.issues[0]?.message).toBe("screenings.validation.notApplicable");
  });

  it("the re-check date must come after the screening", () => {
    const answers = parse({ temperature: 39, recheckDate: "2025-03-01" });
    expect(answers.success).toBe(true);
    expect(fitToTravelV1.contextIssues?.(answers.data, ctx)).toEqual([
      { key: "recheckDate", message: "screenings.validation.recheckDateAfterScreening" },
    ]);
    expect(fitToTravelV1.contextIssues?.(parse({ temperature: 39, ...RECHECK }).data, ctx)).toEqual([]);
  });

  it("any TB symptom postpones travel", () => {
    expect(run({ tbSymptoms: ["cough_2_weeks"], ...RECHECK }).outcome).toBe("temporarily_unfit");
  });

  it("pregnancy: fit below 28 weeks, medical form from 28, temporarily unfit from 36", () => {
    expect(run({ pregnant: true, pregnancyWeeks: 27 }).outcome).toBe("fit");
    const at28 = run({ pregnant: true, pregnancyWeeks: 28 });
    expect(at28.outcome).toBe("fit_with_conditions");
    expect(at28.conditions).toEqual(["medical_form"]);
    expect(run({ pregnant: true, pregnancyWeeks: 35 }).conditions).toEqual(["medical_form"]);
    expect(run({ pregnant: true, pregnancyWeeks: 36, ...RECHECK }).outcome).toBe("temporarily_unfit");
  });

  it("pregnancy weeks are required when pregnant and refused otherwise", () => {
    expect(parse({ pregnant: true }).error?.issues[0]?.path).toEqual(["pregnancyWeeks"]);
    expect(parse({ pregnant: false, pregnancyWeeks: 20 }).error?.issues[0]?.message).toBe(
      "screenings.validation.notApplicable",
    );
  });

  it("oxygen saturation: 92 fit, 85-91 needs oxygen, below 85 postpones", () => {
    expect(run({ spo2: 92 }).outcome).toBe("fit");
    expect(run({ spo2: 91 }).conditions).toEqual(["oxygen"]);
    expect(run({ spo2: 85 }).conditions).toEqual(["oxygen"]);
    expect(run({ spo2: 84, ...RECHECK }).outcome).toBe("temporarily_unfit");
  });

  it("blood pressure and pulse limits", () => {
    expect(run({ systolic: 179, diastolic: 109 }).outcome).toBe("fit");
    expect(run({ systolic: 180, ...RECHECK }).outcome).toBe("temporarily_unfit");
    expect(run({ diastolic: 110, ...RECHECK }).outcome).toBe("temporarily_unfit");
    expect(run({ systolic: 90 }).outcome).toBe("fit");
    expect(run({ systolic: 89, ...RECHECK }).outcome).toBe("temporarily_unfit");
    expect(run({ pulse: 120 }).outcome).toBe("fit");
    expect(run({ pulse: 121, ...RECHECK }).outcome).toBe("temporarily_unfit");
    expect(run({ pulse: 39, ...RECHECK }).outcome).toBe("temporarily_unfit");
  });

  it("collects every condition for a traveller who needs several, in a fixed order", () => {
    const result = run({
      spo2: 90,
      mobility: "wheelchair_full",
      medication: "injectable_or_controlled",
    });
    expect(result.outcome).toBe("fit_with_conditions");
    expect(result.conditions).toEqual(["escort", "wheelchair", "oxygen", "medical_form"]);
    expect(result.validUntil?.getTime()).toBe(screenedAt.getTime() + 72 * 3_600_000);
  });

  it("a wheelchair for the steps needs no escort; a guardian's consent needs one", () => {
    expect(run({ mobility: "wheelchair_steps" }).conditions).toEqual(["wheelchair"]);
    expect(run({ capacity: "guardian" }).conditions).toEqual(["escort"]);
    expect(run({ escortNeeded: true }).conditions).toEqual(["escort"]);
    expect(run({ mobility: "walking_aid" }).outcome).toBe("fit");
  });

  it("unfit outranks everything: stretcher, no capacity to consent, or a contraindication", () => {
    for (const overrides of [{ mobility: "stretcher" }, { capacity: "no" }, { contraindication: true }]) {
      const result = run({ ...overrides, spo2: 90 });
      expect(result.outcome).toBe("unfit");
      expect(result.conditions).toEqual([]);
      expect(result.validUntil).toBeUndefined();
      expect(result.suggestions).toEqual([
        { service: "health", urgency: "high", reasonKey: "ftt.unfitCare" },
      ]);
    }
    // Unfit and a reason to postpone together: unfit, and no re-check date is asked for.
    expect(run({ capacity: "no", temperature: 39 }).outcome).toBe("unfit");
  });

  it("a postponement outranks conditions but keeps them for the next examination", () => {
    const result = run({ temperature: 38.2, mobility: "wheelchair_steps", ...RECHECK });
    expect(result.outcome).toBe("temporarily_unfit");
    expect(result.conditions).toEqual(["wheelchair"]);
  });

  it("rejects impossible vitals and over-precise temperatures", () => {
    expect(parse({ temperature: 45 }).success).toBe(false);
    expect(parse({ temperature: 36.75 }).success).toBe(false);
    expect(parse({ spo2: 101 }).success).toBe(false);
    expect(parse({ pulse: 72.5 }).success).toBe(false);
  });

  it("outcome and conditions stay visible to logistics; the rest is health data", () => {
    expect(fitToTravelV1.outcomeAlwaysVisible).toBe(true);
    expect(fitToTravelV1.sensitiveCategory(HEALTHY)).toBe("health");
  });
});
