import { describe, expect, it } from "vitest";
import { k10Band, k10V1 } from "./v1";

const ctx = { ageAtScreening: 30, screenedOn: "2025-03-01", screenedAt: new Date("2025-03-01T10:00:00Z") };

/** Ten answers summing to `total` (10-50). */
function answersFor(total: number): Record<string, number> {
  const out: Record<string, number> = {};
  let rest = total - 10;
  for (let i = 1; i <= 10; i++) {
    const extra = Math.min(4, rest);
    out[`q${i}`] = 1 + extra;
    rest -= extra;
  }
  return out;
}

function run(total: number) {
  return k10V1.evaluate(k10V1.schema.parse(answersFor(total)), ctx);
}

describe("K10 v1", () => {
  it.each([
    [10, "low"],
    [15, "low"],
    [16, "moderate"],
    [21, "moderate"],
    [22, "high"],
    [29, "high"],
    [30, "very_high"],
    [50, "very_high"],
  ])("a total of %i is %s distress", (total, band) => {
    expect(k10Band(total)).toBe(band);
    const result = run(total);
    expect(result.outcome).toBe(band);
    expect(result.reasons).toEqual([{ key: `k10.${band}`, values: { total } }]);
  });

  it("suggests nothing for low distress", () => {
    expect(run(15).suggestions).toEqual([]);
    expect(run(15).flags).toEqual([]);
  });

  it("suggests focused MHPSS for moderate (low urgency) and high (medium urgency) distress", () => {
    expect(run(16).suggestions).toEqual([{ service: "mhpss", urgency: "low", reasonKey: "k10.focused" }]);
    expect(run(21).suggestions).toEqual([{ service: "mhpss", urgency: "low", reasonKey: "k10.focused" }]);
    expect(run(22).suggestions).toEqual([{ service: "mhpss", urgency: "medium", reasonKey: "k10.focused" }]);
    expect(run(29).suggestions).toEqual([{ service: "mhpss", urgency: "medium", reasonKey: "k10.focused" }]);
  });

  it("flags 30 and above as urgent with an urgent MHPSS suggestion, 29 not", () => {
    expect(run(30).flags).toEqual(["urgent"]);
    expect(run(30).suggestions).toEqual([{ service: "mhpss", urgency: "high", reasonKey: "k10.urgent" }]);
    expect(run(29).flags).toEqual([]);
  });

  it("rejects answers outside 1-5, missing items, fractions and unknown keys", () => {
    const ok = answersFor(20);
    expect(k10V1.schema.safeParse(ok).success).toBe(true);
    expect(k10V1.schema.safeParse({ ...ok, q3: 0 }).success).toBe(false);
    expect(k10V1.schema.safeParse({ ...ok, q3: 6 }).success).toBe(false);
    expect(k10V1.schema.safeParse({ ...ok, q3: 2.5 }).success).toBe(false);
    expect(k10V1.schema.safeParse({ ...ok, q3: "3" }).success).toBe(false);
    const { q10: _, ...nine } = ok;
    const missing = k10V1.schema.safeParse(nine);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(["q10"]);
    expect(k10V1.schema.safeParse({ ...ok, outcome: "low" }).success).toBe(false);
  });

  it("is health data", () => {
    expect(k10V1.sensitiveCategory(answersFor(10))).toBe("health");
  });
});
