/** Period arithmetic for the roll-up. Dates are ISO `YYYY-MM-DD` strings; periods are inclusive. */

export type PeriodSpec =
  | { kind: "plan" }
  | { kind: "year"; year: number }
  | { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: "month"; year: number; month: number }
  | { kind: "custom"; from: string; to: string };

export interface DateRange {
  start: string;
  end: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const isoOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function ymd(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthStart(date: string): string {
  const [y, m] = ymd(date);
  return isoOf(y, m, 1);
}

export function monthEnd(date: string): string {
  const [y, m] = ymd(date);
  return isoOf(y, m, daysInMonth(y, m));
}

export function addMonths(monthStartDate: string, n: number): string {
  const [y, m] = ymd(monthStartDate);
  const index = y * 12 + (m - 1) + n;
  return isoOf(Math.floor(index / 12), (index % 12) + 1, 1);
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = ymd(date);
  const t = new Date(Date.UTC(y, m - 1, d) + n * 86_400_000);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Days from `start` to `end` inclusive. */
export function daysBetween(start: string, end: string): number {
  const [a, b, c] = ymd(start);
  const [x, y, z] = ymd(end);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / 86_400_000) + 1;
}

/** The dates a period spec stands for, given the plan's own period. */
export function resolvePeriod(spec: PeriodSpec, plan: DateRange): DateRange {
  switch (spec.kind) {
    case "plan":
      return { ...plan };
    case "year":
      return { start: isoOf(spec.year, 1, 1), end: isoOf(spec.year, 12, 31) };
    case "quarter": {
      const first = (spec.quarter - 1) * 3 + 1;
      return {
        start: isoOf(spec.year, first, 1),
        end: isoOf(spec.year, first + 2, daysInMonth(spec.year, first + 2)),
      };
    }
    case "month":
      return {
        start: isoOf(spec.year, spec.month, 1),
        end: isoOf(spec.year, spec.month, daysInMonth(spec.year, spec.month)),
      };
    case "custom":
      return spec.from <= spec.to ? { start: spec.from, end: spec.to } : { start: spec.to, end: spec.from };
  }
}

/** The first day of every month the range touches. */
export function monthsOf(range: DateRange): string[] {
  const months: string[] = [];
  for (let m = monthStart(range.start); m <= range.end; m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * Splits a range into the whole months it covers (read from monthly facts) and the partial days at
 * either edge (read from the service records themselves).
 */
export function splitByWholeMonths(range: DateRange): { whole: DateRange | null; edges: DateRange[] } {
  const firstWhole =
    range.start === monthStart(range.start) ? range.start : addMonths(monthStart(range.start), 1);
  const lastWholeEnd = range.end === monthEnd(range.end) ? range.end : addDays(monthStart(range.end), -1);
  if (firstWhole > lastWholeEnd) return { whole: null, edges: [range] };
  const edges: DateRange[] = [];
  if (range.start < firstWhole) edges.push({ start: range.start, end: addDays(firstWhole, -1) });
  if (lastWholeEnd < range.end) edges.push({ start: addDays(lastWholeEnd, 1), end: range.end });
  return { whole: { start: firstWhole, end: monthStart(lastWholeEnd) }, edges };
}

/** The earlier and the later of two ISO dates (string order is date order for ISO dates). */
export function earlierOf(a: string, b: string): string {
  if (a <= b) return a;
  return b;
}
export function laterOf(a: string, b: string): string {
  if (a >= b) return a;
  return b;
}
