import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressBreakdown, suppressCells, suppressCumulative, suppressTwoWay } from "./suppression";

const hidden = (cells: Array<{ suppressed: boolean }>) => cells.map((c) => c.suppressed);

describe("primary suppression", () => {
  it("hides counts from 1 to threshold-1, publishes zero and counts at the threshold", () => {
    expect(hidden(suppressCells([0, 1, 4, 5, 12], [], 5))).toEqual([false, true, true, false, false]);
    expect(hidden(suppressCells([2, 3], [], 3))).toEqual([true, false]);
  });
});

describe("complementary suppression", () => {
  it("hides a second cell when one hidden cell could be recovered from the total", () => {
    // 40 = 3 + 20 + 17: with 3 hidden alone, 40 - 20 - 17 gives it back.
    const { total, parts } = suppressBreakdown(40, [3, 20, 17], 5);
    expect(total.suppressed).toBe(false);
    expect(hidden(parts)).toEqual([true, false, true]); // the smallest other non-zero cell
  });

  it("needs nothing more when two cells are already hidden", () => {
    const { parts } = suppressBreakdown(30, [3, 2, 25], 5);
    expect(hidden(parts)).toEqual([true, true, false]);
  });

  it("prefers a non-zero companion over a zero", () => {
    const { parts } = suppressBreakdown(23, [3, 0, 20], 5);
    expect(hidden(parts)).toEqual([true, false, true]);
  });

  it("hides a total below the threshold with its parts", () => {
    const { total, parts } = suppressBreakdown(3, [3, 0], 5);
    expect(total.suppressed).toBe(true);
    expect(hidden(parts)).toEqual([true, false]);
  });

  it("in a two-way table no row or column is left with a single hidden cell", () => {
    const grid = [
      [2, 10, 30],
      [8, 12, 40],
    ];
    const out = suppressTwoWay(grid, 5);
    // 2 is hidden; its row needs a companion (8? no — same row: 10), its column needs one (8).
    const flags = out.grid.map(hidden);
    expect(flags[0]?.[0]).toBe(true);
    const rows = out.grid.map((r, i) => [...r, out.rowTotals[i]]);
    const cols = out.columnTotals.map((total, j) => [...out.grid.map((r) => r[j]), total]);
    const lines = [...rows, ...cols, [...out.rowTotals, out.total], [...out.columnTotals, out.total]];
    for (const line of lines) expect(line.filter((c) => c?.suppressed).length).not.toBe(1);
    expect(out.total).toEqual({ value: 102, suppressed: false });
  });

  it("property: in every equation, a hidden cell never stands alone and no small count is shown", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(30), { minLength: 5, maxLength: 5 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 2, max: 11 }),
        (grid, k) => {
          const out = suppressTwoWay(grid, k);
          const all = [...out.grid.flat(), ...out.rowTotals, ...out.columnTotals, out.total];
          for (const c of all) if (c.value > 0 && c.value < k) expect(c.suppressed).toBe(true);
          const rows = out.grid.map((r, i) => [...r, out.rowTotals[i]]);
          const cols = out.columnTotals.map((t, j) => [...out.grid.map((r) => r[j]), t]);
          for (const line of [
            ...rows,
            ...cols,
            [...out.rowTotals, out.total],
            [...out.columnTotals, out.total],
          ]) {
            const n = line.filter((c) => c?.suppressed).length;
            expect(n === 0 || n >= 2).toBe(true);
          }
        },
      ),
    );
  });
});

describe("cumulative series", () => {
  it("hides a month whose step from the last published value is a small count", () => {
    const out = suppressCumulative([0, 3, 6, 8, 20, 20], 5);
    expect(hidden(out)).toEqual([false, true, false, true, false, false]);
  });
});
