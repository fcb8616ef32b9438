import { ageAt } from "../age";
import type { DetentionFilter } from "../assistance";
import type { PopulationType } from "../beneficiary";

export interface IndicatorRule {
  types: readonly string[];
  /** Empty: any population type. */
  populationTypes: readonly PopulationType[];
  ageMin: number | null;
  ageMax: number | null;
  detention: DetentionFilter;
}

export interface ServiceFacts {
  type: string;
  date: string;
  dateOfBirth: string;
  populationType: PopulationType;
  detained: boolean;
}

/**
 * Whether one service counts for an indicator, judged on the date of the service: a child served at
 * 17 and again at 18 counts for a child indicator through the first service only.
 */
export function qualifies(rule: IndicatorRule, s: ServiceFacts): boolean {
  if (!rule.types.includes(s.type)) return false;
  if (rule.populationTypes.length > 0 && !rule.populationTypes.includes(s.populationType)) return false;
  if (rule.detention === "detained" && !s.detained) return false;
  if (rule.detention === "community" && s.detained) return false;
  if (rule.ageMin !== null || rule.ageMax !== null) {
    const age = ageAt(s.dateOfBirth, s.date);
    if (rule.ageMin !== null && age < rule.ageMin) return false;
    if (rule.ageMax !== null && age > rule.ageMax) return false;
  }
  return true;
}
