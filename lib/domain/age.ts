/** Age rules. Dates are ISO `YYYY-MM-DD` strings so that no time zone can move a birthday. */

export const AGE_GROUPS = ["0-4", "5-11", "12-17", "18-59", "60+"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

const AGE_GROUP_BOUNDS: Record<AgeGroup, readonly [number, number | null]> = {
  "0-4": [0, 4],
  "5-11": [5, 11],
  "12-17": [12, 17],
  "18-59": [18, 59],
  "60+": [60, null],
};

function parts(iso: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whole years completed on `onDate`; someone born on 29 February has a birthday on 28 February in common years. */
export function ageAt(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = parts(dateOfBirth);
  const [y, m, d] = parts(onDate);
  const birthdayDay = bm === 2 && bd === 29 && !isLeap(y) ? 28 : bd;
  let age = y - by;
  if (m < bm || (m === bm && d < birthdayDay)) age -= 1;
  return age;
}

export function ageGroupOf(age: number): AgeGroup {
  for (const group of AGE_GROUPS) {
    const [min, max] = AGE_GROUP_BOUNDS[group];
    if (age >= min && (max === null || age <= max)) return group;
  }
  return "0-4";
}

export function isChildAt(dateOfBirth: string, onDate: string): boolean {
  return ageAt(dateOfBirth, onDate) < 18;
}

function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const target = y + years;
  const day = m === 2 && d === 29 && !isLeap(target) ? 28 : d;
  return iso(target, m, day);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * An estimated age becomes a date of birth: 1 July of the year that gives that age on `onDate`,
 * the convention that keeps the error within six months either way.
 */
export function estimatedDateOfBirth(age: number, onDate: string): string {
  const [y, m] = parts(onDate);
  const year = m >= 7 ? y - age : y - age - 1;
  return iso(year, 7, 1);
}

/**
 * The range of dates of birth that puts a person in `group` on `onDate`, inclusive, for index-friendly
 * filtering: `dob BETWEEN from AND to`.
 */
export function dateOfBirthRangeFor(group: AgeGroup, onDate: string): { from: string | null; to: string } {
  const [min, max] = AGE_GROUP_BOUNDS[group];
  // Start from the calendar arithmetic, then step over the 29 February cases so that the range
  // agrees with ageAt() exactly.
  let to = addYears(onDate, -min);
  while (ageAt(to, onDate) < min) to = addDays(to, -1);
  while (ageAt(addDays(to, 1), onDate) >= min) to = addDays(to, 1);
  if (max === null) return { from: null, to };
  let from = addDays(addYears(onDate, -(max + 1)), 1);
  while (ageAt(from, onDate) > max) from = addDays(from, 1);
  while (ageAt(addDays(from, -1), onDate) <= max) from = addDays(from, -1);
  return { from, to };
}

export function todayIso(now: Date = new Date()): string {
  return iso(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}
