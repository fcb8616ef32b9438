import { describe, expect, it } from "vitest";
import { monthsOf, resolvePeriod, splitByWholeMonths } from "./period";
import { proratedTarget, straightLineTrajectory } from "./trajectory";

const PLAN = { start: "2019-01-01", end: "2021-12-31" };

describe("periods", () => {
  it("resolves the plan, a year, a quarter, a month (leap February) and a custom range", () => {
    expect(resolvePeriod({ kind: "plan" }, PLAN)).toEqual(PLAN);
    expect(resolvePeriod({ kind: "year", year: 2020 }, PLAN)).toEqual({
      start: "2020-01-01",
      end: "2020-12-31",
    });
    expect(resolvePeriod({ kind: "quarter", year: 2020, quarter: 3 }, PLAN)).toEqual({
      start: "2020-07-01",
      end: "2020-09-30",
    });
    expect(resolvePeriod({ kind: "month", year: 2020, month: 2 }, PLAN)).toEqual({
      start: "2020-02-01",
      end: "2020-02-29",
    });
    expect(resolvePeriod({ kind: "custom", from: "2020-05-09", to: "2020-01-02" }, PLAN)).toEqual({
      start: "2020-01-02",
      end: "2020-05-09",
    });
  });

  it("splits a range into whole months and partial edges", () => {
    expect(splitByWholeMonths({ start: "2020-01-01", end: "2020-12-31" })).toEqual({
      whole: { start: "2020-01-01", end: "2020-12-01" },
      edges: [],
    });
    expect(splitByWholeMonths({ start: "2019-12-31", end: "2020-03-15" })).toEqual({
      whole: { start: "2020-01-01", end: "2020-02-01" },
      edges: [
        { start: "2019-12-31", end: "2019-12-31" },
        { start: "2020-03-01", end: "2020-03-15" },
      ],
    });
    expect(splitByWholeMonths({ start: "2020-03-02", end: "2020-03-30" })).toEqual({
      whole: null,
      edges: [{ start: "2020-03-02", end: "2020-03-30" }],
    });
    expect(monthsOf({ start: "2019-12-31", end: "2020-02-01" })).toEqual([
      "2019-12-01",
      "2020-01-01",
      "2020-02-01",
    ]);
  });
});

describe("straight-line trajectory", () => {
  it("reaches the target on the plan's last day and is proportional to days elapsed", () => {
    const line = straightLineTrajectory(1096, PLAN, PLAN);
    expect(line).toHaveLength(36);
    expect(line[0]).toEqual({ month: "2019-01-01", expected: 31 });
    expect(line.at(-1)).toEqual({ month: "2021-12-01", expected: 1096 });
    expect(proratedTarget(60_000, PLAN, { start: "2020-01-01", end: "2020-12-31" })).toBe(20_036);
    expect(proratedTarget(60_000, PLAN, { start: "2018-01-01", end: "2018-12-31" })).toBe(0);
  });
});
