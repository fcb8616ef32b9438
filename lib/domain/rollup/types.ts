import type { AgeGroup } from "../age";
import type { PopulationType, Sex } from "../beneficiary";

/** What the roll-up is asked: a date range and optional place filters. */
export interface RollupQuery {
  start: string;
  end: string;
  officeCode?: string | null;
  mantikaPcode?: string | null;
}

export interface KeyCount {
  key: string;
  count: number;
}

/** Counts of one indicator. Every list is sorted by key; keys with no people are absent. */
export interface IndicatorCounts {
  total: number;
  /** Who the person is at their first qualifying service in the view: these sum to the total. */
  bySexAge: KeyCount[];
  byPopulation: KeyCount[];
  byNationality: KeyCount[];
  byDetention: KeyCount[];
  /** Where or through whom: a person counts once per place or project, so these can exceed the total. */
  byRegion: KeyCount[];
  byMantika: KeyCount[];
  byBaladiya: KeyCount[];
  byOffice: KeyCount[];
  byDonorProject: KeyCount[];
  /** People first reached in the view, by month of that first service. */
  newByMonth: KeyCount[];
}

export interface RollupOverview {
  /** Distinct people per indicator, per programme (across its indicators) and for the mission. */
  indicators: KeyCount[];
  programmes: KeyCount[];
  mission: number;
}

export const NO_PROJECT = "none";
export const sexAgeKey = (sex: Sex, group: AgeGroup) => `${sex}|${group}`;
export const DETENTION_KEYS = ["community", "detained"] as const;
export type PopulationKey = PopulationType;

/** Code-point order, the same in the browser, the server and the tests (SQL collations differ). */
export function byKey(a: KeyCount, b: KeyCount): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
