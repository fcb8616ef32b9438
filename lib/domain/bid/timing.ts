import { ageAt } from "../age";

const DAY = 86_400_000;

/**
 * A panel member reaches a case's report from the publication of the agenda until `days` after the
 * panel's decision on it; before publication or after the window it does not exist for them.
 */
export function panelWindowOpen(
  item: { publishedAt: Date | null; decidedAt: Date | null },
  days: number,
  now: Date,
): boolean {
  if (!item.publishedAt || now < item.publishedAt) return false;
  if (!item.decidedAt) return true;
  return now.getTime() <= item.decidedAt.getTime() + days * DAY;
}

/** The date a child turns 18 (someone born on 29 February comes of age on 28 February in common years). */
export function eighteenthBirthday(dateOfBirth: string): string {
  const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const year = y + 18;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * A child who will be an adult before the panel can decide loses the procedure meant for them: flag
 * them when the 18th birthday falls on or before the session date, or, with no session yet, within
 * `horizonDays` of today. Already 18 is flagged too.
 */
export function agesOutBeforeDecision(
  dateOfBirth: string,
  today: string,
  sessionDate: string | null,
  horizonDays: number,
): boolean {
  if (ageAt(dateOfBirth, today) >= 18) return true;
  const horizon = sessionDate && sessionDate > today ? sessionDate : addDays(today, horizonDays);
  return eighteenthBirthday(dateOfBirth) <= horizon;
}
