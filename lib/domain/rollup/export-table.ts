import { AGE_GROUPS } from "../age";
import { SEXES } from "../beneficiary";
import type { DateRange } from "./period";
import { earlierOf, monthEnd } from "./period";
import {
  type SuppressedCell,
  suppressBreakdown,
  suppressCells,
  suppressCumulative,
  suppressTwoWay,
} from "./suppression";
import { type IndicatorCounts, type KeyCount, sexAgeKey } from "./types";

/** The flat, HXL-tagged table every dashboard export is made of. No names, no case numbers: counts. */
export const EXPORT_HEADERS = [
  "Breakdown",
  "Category",
  "Sector",
  "Indicator",
  "Mantika P-code",
  "Baladiya P-code",
  "Sex",
  "Age group",
  "Reached",
  "Target",
  "Period start",
  "Period end",
  "Suppressed",
  "Disclosure",
] as const;

export const EXPORT_HXL = [
  "#meta+breakdown",
  "#meta+category",
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
  "#meta+suppressed",
  "#meta+disclosure",
] as const;

export type ExportMode = "internal" | "external";

export interface ExportRow {
  breakdown: string;
  category: string;
  sector: string;
  indicator: string;
  adm1: string;
  adm2: string;
  gender: string;
  ageGroup: string;
  reached: number | null;
  target: number | null;
  start: string;
  end: string;
  suppressed: boolean;
}

export interface ExportInput {
  view: DateRange;
  mode: ExportMode;
  threshold: number;
  mission: number;
  programmes: Array<{
    code: string;
    reached: number;
    indicators: Array<{ code: string; reached: number; target: number | null }>;
  }>;
  selected: {
    programmeCode: string;
    indicatorCode: string;
    target: number | null;
    counts: IndicatorCounts;
    trend: Array<{ month: string; cumulative: number; expected: number | null }>;
    /** Mantika of each baladiya, for the adm1 column of baladiya rows. */
    mantikaOf: Record<string, string>;
  } | null;
}

export function disclosureNote(mode: ExportMode, threshold: number): string {
  return mode === "external"
    ? `external: counts from 1 to ${threshold - 1} suppressed, with complementary cells`
    : "internal: unsuppressed, not for sharing outside the organisation";
}

const countOf = (list: readonly KeyCount[], key: string) => list.find((k) => k.key === key)?.count ?? 0;

/** Top ten nationalities by people reached (ties by code), the rest as OTHER. */
export function topNationalities(list: readonly KeyCount[], n = 10): KeyCount[] {
  const sorted = [...list].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const top = sorted.slice(0, n);
  const rest = sorted.slice(n).reduce((s, k) => s + k.count, 0);
  return rest > 0 ? [...top, { key: "OTHER", count: rest }] : top;
}

export function buildExportRows(input: ExportInput): ExportRow[] {
  const k = input.threshold;
  const external = input.mode === "external";
  const primary = (value: number): SuppressedCell => ({
    value,
    suppressed: external && value > 0 && value < k,
  });
  const base = {
    category: "",
    sector: "",
    indicator: "",
    adm1: "",
    adm2: "",
    gender: "",
    ageGroup: "",
    target: null,
  };
  const period = { start: input.view.start, end: input.view.end };
  const rows: ExportRow[] = [];
  const push = (c: SuppressedCell, fields: Partial<ExportRow> & { breakdown: string }) =>
    rows.push({
      ...base,
      ...period,
      ...fields,
      reached: c.suppressed ? null : c.value,
      suppressed: c.suppressed,
    });

  push(primary(input.mission), { breakdown: "mission" });
  for (const p of input.programmes) {
    push(primary(p.reached), { breakdown: "programme", sector: p.code });
    for (const i of p.indicators) {
      push(primary(i.reached), {
        breakdown: "indicator",
        sector: p.code,
        indicator: i.code,
        target: i.target,
      });
    }
  }
  const s = input.selected;
  if (!s) return rows;
  const tag = { sector: s.programmeCode, indicator: s.indicatorCode };
  const c = s.counts;
  const keep = (cells: SuppressedCell[]) =>
    external ? cells : cells.map((x) => ({ ...x, suppressed: false }));

  const grid = SEXES.map((sex) => AGE_GROUPS.map((g) => countOf(c.bySexAge, sexAgeKey(sex, g))));
  const two = suppressTwoWay(grid, k);
  const total = keep([two.total])[0] as SuppressedCell;
  push(total, { ...tag, breakdown: "total", target: s.target });
  SEXES.forEach((sex, r) => {
    push(keep([two.rowTotals[r] as SuppressedCell])[0] as SuppressedCell, {
      ...tag,
      breakdown: "sex",
      gender: sex,
    });
    AGE_GROUPS.forEach((g, col) => {
      push(keep([two.grid[r]?.[col] as SuppressedCell])[0] as SuppressedCell, {
        ...tag,
        breakdown: "sex_age",
        gender: sex,
        ageGroup: g,
      });
    });
  });
  AGE_GROUPS.forEach((g, col) => {
    push(keep([two.columnTotals[col] as SuppressedCell])[0] as SuppressedCell, {
      ...tag,
      breakdown: "age_group",
      ageGroup: g,
    });
  });

  const additive = (
    breakdown: string,
    list: readonly KeyCount[],
    fields: (key: string) => Partial<ExportRow> = () => ({}),
  ) => {
    const { parts } = suppressBreakdown(
      c.total,
      list.map((x) => x.count),
      k,
    );
    keep(parts).forEach((p, i) => {
      const key = (list[i] as KeyCount).key;
      push(p, { ...tag, breakdown, category: key, ...fields(key) });
    });
  };
  additive("population", c.byPopulation);
  additive("nationality", topNationalities(c.byNationality));
  additive("detention", c.byDetention);
  // Place and project counts overlap (a person counts in each place), so no sum binds them; hiding the
  // smallest companion of a lone hidden cell anyway costs little and guards against near-sums.
  const overlapping = (
    breakdown: string,
    list: readonly KeyCount[],
    fields: (key: string) => Partial<ExportRow>,
  ) => {
    const values = list.map((x) => x.count);
    const cells = suppressCells(values, [values.map((_, i) => i)], k);
    keep(cells).forEach((p, i) => {
      push(p, { ...tag, breakdown, ...fields((list[i] as KeyCount).key) });
    });
  };
  overlapping("region", c.byRegion, (key) => ({ category: key }));
  overlapping("mantika", c.byMantika, (key) => ({ adm1: key }));
  overlapping("baladiya", c.byBaladiya, (key) => ({ adm1: s.mantikaOf[key] ?? "", adm2: key }));
  overlapping("office", c.byOffice, (key) => ({ category: key }));
  overlapping("donor_project", c.byDonorProject, (key) => ({ category: key }));

  const cumulative = keep(
    suppressCumulative(
      s.trend.map((t) => t.cumulative),
      k,
    ),
  );
  s.trend.forEach((t, i) => {
    const end = earlierOf(monthEnd(t.month), input.view.end);
    rows.push({
      ...base,
      ...tag,
      breakdown: "trend_cumulative",
      start: input.view.start,
      end,
      target: t.expected,
      reached: cumulative[i]?.suppressed ? null : t.cumulative,
      suppressed: cumulative[i]?.suppressed ?? false,
    });
  });
  return rows;
}

/** The rows as the cells of a sheet: header, HXL hashtags, then data. */
export function exportMatrix(
  rows: readonly ExportRow[],
  mode: ExportMode,
  threshold: number,
): Array<Array<string | number>> {
  const note = disclosureNote(mode, threshold);
  return [
    [...EXPORT_HEADERS],
    [...EXPORT_HXL],
    ...rows.map((r) => [
      r.breakdown,
      r.category,
      r.sector,
      r.indicator,
      r.adm1,
      r.adm2,
      r.gender,
      r.ageGroup,
      r.reached ?? "",
      r.target ?? "",
      r.start,
      r.end,
      r.suppressed ? "yes" : "",
      note,
    ]),
  ];
}
