import { ageAt } from "./age";

/**
 * Record categories with their own retention period, counted in days from a case's closure.
 * child_case: unaccompanied or separated children, kept longer for later tracing and reunification.
 */
export const RETENTION_CATEGORIES = ["case", "child_case"] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

export const DEFAULT_RETENTION_DAYS: Record<RetentionCategory, number> = {
  case: 7 * 365,
  child_case: 10 * 365,
};

export const ANONYMISED = "Anonymised";

export function retentionCategoryOf(person: { uascStatus: string | null }): RetentionCategory {
  return person.uascStatus === "unaccompanied" || person.uascStatus === "separated" ? "child_case" : "case";
}

/** Whether a case closed on `closedAt` is past its period on `today`. */
export function pastRetention(closedAt: Date, days: number, today: Date): boolean {
  return today.getTime() - closedAt.getTime() >= days * 86_400_000;
}

/**
 * A coarser date of birth that gives the same age at every date in `dates` (the services counted
 * by the roll-up), so counts by age and age group do not move: the first of January of the birth
 * year if it works, else the first of July, else the first of the birth month, else the date itself.
 */
export function coarsenDateOfBirth(dateOfBirth: string, dates: readonly string[]): string {
  const [year, month] = dateOfBirth.split("-");
  const candidates = [`${year}-01-01`, `${year}-07-01`, `${year}-${month}-01`];
  for (const candidate of candidates) {
    if (candidate > dateOfBirth) continue;
    if (dates.every((d) => ageAt(candidate, d) === ageAt(dateOfBirth, d))) return candidate;
  }
  return dateOfBirth;
}

export function isRetentionCategory(value: string): value is RetentionCategory {
  return (RETENTION_CATEGORIES as readonly string[]).includes(value);
}
