import { describe, expect, it } from "vitest";
import { counterTraffickingV1 } from "./v1";

function ctx(age: number) {
  return { ageAtScreening: age, screenedOn: "2025-03-01", screenedAt: new Date("2025-03-01T10:00:00Z") };
}

function run(answers: Record<string, unknown>, age: number) {
  return counterTraffickingV1.evaluate(counterTraffickingV1.schema.parse(answers), ctx(age));
}

const ACT_PURPOSE = { acts: ["recruitment"], purposes: ["forced_labour"] };

describe("counter-trafficking v1", () => {
  it("an adult needs act, means and purpose", () => {
    const missing = run({ ...ACT_PURPOSE, basis: "corroborated" }, 25);
    expect(missing.outcome).toBe("not_victim_vulnerable");
    expect(missing.reasons).toEqual([{ key: "ct.missingMeans" }]);
    expect(missing.suggestions).toEqual([
      { service: "direct_assistance", urgency: "low", reasonKey: "ct.vulnerable" },
    ]);
    expect(run({ ...ACT_PURPOSE, means: ["deception"], basis: "corroborated" }, 25).outcome).toBe(
      "identified_victim",
    );
  });

  it("a child needs no means: act and purpose suffice", () => {
    const result = run({ ...ACT_PURPOSE, basis: "reasonable_grounds" }, 17);
    expect(result.outcome).toBe("presumed_victim");
    expect(result.reasons).toEqual([{ key: "ct.childElements" }, { key: "ct.reasonableGrounds" }]);
    expect(result.suggestions).toEqual([
      { service: "counter_trafficking", urgency: "high", reasonKey: "ct.victimAssistance" },
      { service: "child_protection", urgency: "high", reasonKey: "ct.childVictim" },
    ]);
    expect(result.flags).toEqual(["trafficking", "child"]);
  });

  it("turning 18 brings the means back: the same answers at 18 are not enough", () => {
    expect(run({ ...ACT_PURPOSE, basis: "corroborated" }, 17).outcome).toBe("identified_victim");
    expect(run({ ...ACT_PURPOSE, basis: "corroborated" }, 18).outcome).toBe("not_victim_vulnerable");
  });

  it("corroborated elements identify a victim; reasonable grounds presume one", () => {
    const full = { ...ACT_PURPOSE, means: ["force"] };
    expect(run({ ...full, basis: "corroborated" }, 30).outcome).toBe("identified_victim");
    expect(run({ ...full, basis: "reasonable_grounds" }, 30).outcome).toBe("presumed_victim");
    expect(run({ ...full, basis: "reasonable_grounds" }, 30).suggestions).toEqual([
      { service: "counter_trafficking", urgency: "high", reasonKey: "ct.victimAssistance" },
    ]);
  });

  it("names each missing element, and for a child never the means", () => {
    expect(run({ basis: "reasonable_grounds" }, 30).reasons).toEqual([
      { key: "ct.missingAct" },
      { key: "ct.missingMeans" },
      { key: "ct.missingPurpose" },
    ]);
    expect(run({ basis: "reasonable_grounds" }, 12).reasons).toEqual([
      { key: "ct.missingAct" },
      { key: "ct.missingPurpose" },
    ]);
  });

  it("rejects options outside the Palermo lists and repeated options", () => {
    const schema = counterTraffickingV1.schema;
    expect(schema.safeParse({ acts: ["kidnap"], basis: "corroborated" }).success).toBe(false);
    expect(schema.safeParse({ acts: ["receipt", "receipt"], basis: "corroborated" }).success).toBe(false);
    expect(schema.safeParse({ acts: [] }).success).toBe(false);
  });

  it("is trafficking data", () => {
    expect(counterTraffickingV1.sensitiveCategory({ acts: [], means: [], purposes: [] })).toBe("trafficking");
  });
});
