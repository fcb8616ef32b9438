import { z } from "zod";
import type { PeriodSpec } from "@/lib/domain/rollup/period";

export const OFFICE_CODE = /^[A-Z]{3}$/;
export const MANTIKA_PCODE = /^LY\d{4}$/;

/** Dashboard filters as they arrive in the URL; anything malformed falls back to the whole plan. */
export const dashboardParamsSchema = z.object({
  period: z.enum(["plan", "year", "quarter", "month", "custom"]).catch("plan"),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  quarter: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  month: z.coerce.number().int().min(1).max(12).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  office: z.string().regex(OFFICE_CODE).optional().catch(undefined),
  mantika: z.string().regex(MANTIKA_PCODE).optional().catch(undefined),
  indicator: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .optional()
    .catch(undefined),
});
export type DashboardParams = z.output<typeof dashboardParamsSchema>;

export interface DashboardFilters {
  period: PeriodSpec;
  officeCode: string | null;
  mantikaPcode: string | null;
  indicatorCode: string | null;
}

/** The period a set of params names; a year (or quarter, month) without its parts is the plan's first. */
export function filtersFromParams(
  raw: Record<string, string | string[] | undefined>,
  planYear: number,
): DashboardFilters {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const p = dashboardParamsSchema.parse(flat);
  const year = p.year ?? planYear;
  let period: PeriodSpec;
  switch (p.period) {
    case "year":
      period = { kind: "year", year };
      break;
    case "quarter":
      period = { kind: "quarter", year, quarter: (p.quarter ?? 1) as 1 | 2 | 3 | 4 };
      break;
    case "month":
      period = { kind: "month", year, month: p.month ?? 1 };
      break;
    case "custom":
      period = p.from && p.to ? { kind: "custom", from: p.from, to: p.to } : { kind: "plan" };
      break;
    default:
      period = { kind: "plan" };
  }
  return {
    period,
    officeCode: p.office ?? null,
    mantikaPcode: p.mantika ?? null,
    indicatorCode: p.indicator ?? null,
  };
}

/** The same filters back as URL params, for links and exports. */
export function paramsOf(f: DashboardFilters): Record<string, string> {
  const out: Record<string, string> = { period: f.period.kind };
  if (f.period.kind === "year" || f.period.kind === "quarter" || f.period.kind === "month")
    out.year = String(f.period.year);
  if (f.period.kind === "quarter") out.quarter = String(f.period.quarter);
  if (f.period.kind === "month") out.month = String(f.period.month);
  if (f.period.kind === "custom") {
    out.from = f.period.from;
    out.to = f.period.to;
  }
  if (f.officeCode) out.office = f.officeCode;
  if (f.mantikaPcode) out.mantika = f.mantikaPcode;
  if (f.indicatorCode) out.indicator = f.indicatorCode;
  return out;
}
