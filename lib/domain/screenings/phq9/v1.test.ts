import { describe, expect, it } from "vitest";
import { phq9Band, phq9V1 } from "./v1";

const ctx = { ageAtScreening: 30, screenedOn: "2025-03-01", screenedAt: new Date("2025-03-01T10:00:00Z") };

/** Nine answers summing to `total`, with item 9 fixed to `q9`. */
function answersFor(total: number, q9 = 0): Record<string, number> {
  const out: Record<string, number> = { q9 };
  let rest = total - q9;
  for (let i = 1; i <= 8; i++) {
    const v = Math.min(3, rest);
    out[`q${i}`] = v;
    rest -= v;
  }
  if (rest !== 0) throw new Error("total out of reach");
  return out;
}

function run(total: number, q9 = 0) {
  return phq9V1.evaluate(phq9V1.schema.parse(answersFor(total, q9)), ctx);
}

describe("PHQ-9 v1", () => {
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately_severe"],
    [19, "moderately_severe"],
    [20, "severe"],
    [24, "severe"],
  ])("a total of %i is %s", (total, band) => {
    expect(phq9Band(total)).toBe(band);
    expect(run(total).outcome).toBe(band);
    expect(run(total).reasons[0]).toEqual({ key: `phq9.${band}`, values: { total } });
  });

  it("reaches 27 only with item 9 answered", () => {
    expect(run(27, 3).outcome).toBe("severe");
  });

  it("grades the MHPSS suggestion by band when item 9 is 0", () => {
    expect(run(4).suggestions).toEqual([]);
    expect(run(9).suggestions).toEqual([]);
    expect(run(10).suggestions).toEqual([{ service: "mhpss", urgency: "low", reasonKey: "phq9.focused" }]);
    expect(run(15).suggestions).toEqual([{ service: "mhpss", urgency: "medium", reasonKey: "phq9.focused" }]);
    expect(run(19).suggestions).toEqual([{ service: "mhpss", urgency: "medium", reasonKey: "phq9.focused" }]);
    expect(run(20).suggestions).toEqual([{ service: "mhpss", urgency: "high", reasonKey: "phq9.urgent" }]);
    expect(run(19).flags).toEqual([]);
    expect(run(20).flags).toEqual(["urgent"]);
  });

  it("item 9 above 0 is urgent whatever the total", () => {
    const result = run(1, 1);
    expect(result.outcome).toBe("minimal");
    expect(result.flags).toEqual(["urgent", "self_harm"]);
    expect(result.suggestions).toEqual([{ service: "mhpss", urgency: "high", reasonKey: "phq9.urgent" }]);
    expect(result.reasons).toContainEqual({ key: "phq9.selfHarm", values: { score: 1 } });
    expect(run(1, 0).flags).toEqual([]);
  });

  it("rejects answers outside 0-3", () => {
    const ok = answersFor(5);
    expect(phq9V1.schema.safeParse({ ...ok, q1: 4 }).success).toBe(false);
    expect(phq9V1.schema.safeParse({ ...ok, q1: -1 }).success).toBe(false);
    expect(phq9V1.schema.safeParse({ ...ok, q10: 1 }).success).toBe(false);
  });
});
