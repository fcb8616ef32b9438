import { describe, expect, it } from "vitest";
import { buildExportRows, EXPORT_HXL, exportMatrix, topNationalities } from "./export-table";
import type { IndicatorCounts } from "./types";

const counts: IndicatorCounts = {
  total: 40,
  bySexAge: [
    { key: "female|18-59", count: 17 },
    { key: "male|12-17", count: 3 },
    { key: "male|18-59", count: 20 },
  ],
  byPopulation: [{ key: "migrant", count: 40 }],
  byNationality: [
    { key: "NER", count: 37 },
    { key: "TCD", count: 3 },
  ],
  byDetention: [{ key: "community", count: 40 }],
  byRegion: [{ key: "LY02", count: 40 }],
  byMantika: [
    { key: "LY0211", count: 38 },
    { key: "LY0214", count: 4 },
  ],
  byBaladiya: [{ key: "LY021104", count: 40 }],
  byOffice: [{ key: "TIP", count: 40 }],
  byDonorProject: [{ key: "none", count: 40 }],
  newByMonth: [{ key: "2020-01-01", count: 40 }],
};

const input = (mode: "internal" | "external") => ({
  view: { start: "2020-01-01", end: "2020-12-31" },
  mode,
  threshold: 5,
  mission: 40,
  programmes: [
    { code: "DA", reached: 40, indicators: [{ code: "da_migrants", reached: 40, target: 120_000 }] },
  ],
  selected: {
    programmeCode: "DA",
    indicatorCode: "da_migrants",
    target: 120_000,
    counts,
    trend: [{ month: "2020-01-01", cumulative: 40, expected: 100 }],
    mantikaOf: { LY021104: "LY0211" },
  },
});

describe("export table", () => {
  it("has a header row then the HXL hashtag row", () => {
    const m = exportMatrix(buildExportRows(input("internal")), "internal", 5);
    expect(m[1]).toEqual([...EXPORT_HXL]);
    for (const tag of [
      "#sector",
      "#indicator+code",
      "#adm1+code",
      "#adm2+code",
      "#gender",
      "#age+group",
      "#reached",
      "#targeted",
      "#date+start",
      "#date+end",
    ]) {
      expect(m[1]).toContain(tag);
    }
  });

  it("external: small cells and their complements are blank and marked; internal shows everything", () => {
    const ext = buildExportRows(input("external"));
    const cell = (b: string, f: (r: (typeof ext)[number]) => boolean) =>
      ext.find((r) => r.breakdown === b && f(r));
    expect(cell("sex_age", (r) => r.gender === "male" && r.ageGroup === "12-17")).toMatchObject({
      reached: null,
      suppressed: true,
    });
    // The male row holds 3 and 20: 20 is hidden too, or 23 - 20 would give the 3 away.
    expect(cell("sex_age", (r) => r.gender === "male" && r.ageGroup === "18-59")?.suppressed).toBe(true);
    expect(cell("nationality", (r) => r.category === "TCD")).toMatchObject({
      reached: null,
      suppressed: true,
    });
    expect(cell("nationality", (r) => r.category === "NER")?.suppressed).toBe(true);
    expect(cell("mantika", (r) => r.adm1 === "LY0214")?.suppressed).toBe(true);
    expect(cell("total", () => true)).toMatchObject({ reached: 40, suppressed: false });
    const matrix = exportMatrix(ext, "external", 5);
    expect(matrix.slice(2).every((row) => String(row.at(-1)).startsWith("external"))).toBe(true);
    const int = buildExportRows(input("internal"));
    expect(int.some((r) => r.suppressed)).toBe(false);
    expect(int.find((r) => r.breakdown === "nationality" && r.category === "TCD")?.reached).toBe(3);
  });

  it("keeps the top ten nationalities and sums the rest", () => {
    const list = Array.from({ length: 12 }, (_, i) => ({
      key: `N${String(i).padStart(2, "0")}`,
      count: 20 - i,
    }));
    const top = topNationalities(list);
    expect(top).toHaveLength(11);
    expect(top.at(-1)).toEqual({ key: "OTHER", count: 10 + 9 }); // the 11th and 12th
  });
});
