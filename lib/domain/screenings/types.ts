import type { z } from "zod";
import { REFERRAL_SERVICES } from "../referrals/catalogue";
import type { SensitiveCategory } from "../sensitive";

/**
 * Screening instruments. MHPSS distress is screened with either K10 or PHQ-9, each its own
 * instrument id because their items and scoring differ.
 */
export const INSTRUMENTS = [
  "vulnerability",
  "counter_trafficking",
  "fit_to_travel",
  "k10",
  "phq9",
  "child_protection",
] as const;
export type InstrumentId = (typeof INSTRUMENTS)[number];

export function isInstrument(value: unknown): value is InstrumentId {
  return typeof value === "string" && (INSTRUMENTS as readonly string[]).includes(value);
}

/** A suggestion becomes a referral of that service, so the keys are the referral catalogue's. */
export const SERVICES = REFERRAL_SERVICES;
export type Service = (typeof SERVICES)[number];

export const URGENCIES = ["high", "medium", "low"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The shortest reason a dismissed suggestion may be given. */
export const MIN_DISMISS_REASON = 10;

export const SUGGESTION_STATUSES = ["pending", "confirmed", "dismissed"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue | undefined>;

/** Shown only when the answer to `key` is one of `in`; a hidden item must stay unanswered. */
export interface ShowIf {
  key: string;
  in: ReadonlyArray<string | number | boolean>;
}

interface ItemBase {
  key: string;
  required: boolean;
  showIf?: ShowIf;
}

export type Item =
  | (ItemBase & { type: "choice"; options: readonly string[]; optionSet: string })
  | (ItemBase & { type: "multi"; options: readonly string[]; optionSet: string })
  | (ItemBase & { type: "scale"; options: readonly number[]; optionSet: string })
  | (ItemBase & { type: "boolean" })
  | (ItemBase & { type: "number"; min: number; max: number; step: 1 | 0.1; unit?: string })
  | (ItemBase & { type: "date" })
  | (ItemBase & { type: "text"; maxLength: number; multiline: boolean });

export interface Section {
  key: string;
  items: readonly Item[];
}

/** A message key (under `screenings.reasons.`) with the values it interpolates. */
export interface Reason {
  key: string;
  values?: Record<string, string | number>;
}

export interface Suggestion {
  service: Service;
  urgency: Urgency;
  /** Under `screenings.reasons.`. */
  reasonKey: string;
}

export interface EvaluationContext {
  /** Whole years on the screening date. */
  ageAtScreening: number;
  /** ISO date the screening took place. */
  screenedOn: string;
  /** When the screening was recorded; fit-to-travel validity runs from here. */
  screenedAt: Date;
}

export interface Evaluation {
  outcome: string;
  reasons: Reason[];
  flags: string[];
  suggestions: Suggestion[];
  /** Fit-to-travel: what the journey needs (escort, wheelchair, oxygen, medical form). */
  conditions?: string[];
  /** Fit-to-travel, temporarily unfit: when to examine again. */
  recheckDate?: string;
  /** Fit-to-travel, fit: the clearance lapses at this instant. */
  validUntil?: Date;
}

export interface Definition<S extends z.ZodType = z.ZodType> {
  id: InstrumentId;
  version: number;
  /** Subtree of `screenings.items` holding this version's item labels. */
  messages: string;
  sections: readonly Section[];
  outcomes: readonly string[];
  schema: S;
  /** Pure: the same answers and context always give the same evaluation. */
  evaluate(answers: z.output<S>, context: EvaluationContext): Evaluation;
  /** Checks that need the screening's date or the person's age; each names the item at fault. */
  contextIssues?(answers: z.output<S>, context: EvaluationContext): Array<{ key: string; message: string }>;
  /** Which sensitive category the answers fall under, if any. */
  sensitiveCategory(answers: z.output<S>): SensitiveCategory | null;
  /** Whether the outcome and conditions stay visible to users who may not see the answers. */
  outcomeAlwaysVisible: boolean;
  /** Only for people under 18 at the screening date. */
  childrenOnly: boolean;
}
