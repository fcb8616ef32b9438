import type { Answers, AnswerValue, Item, Section } from "./types";

/*
 * What the screening forms need of an instrument's items, without zod: the browser renders and
 * shows or hides items with these, and loads the schemas (build-schema.ts) only to validate.
 */

/** Validation messages of the screening schemas, beside the shared plain keys (`required`, `tooLong`…). */
export const SCREENING_VALIDATION = {
  outOfRange: "screenings.validation.outOfRange",
  notApplicable: "screenings.validation.notApplicable",
  unknownAnswer: "screenings.validation.unknownAnswer",
  evidenceRequired: "screenings.validation.evidenceRequired",
  recheckDateRequired: "screenings.validation.recheckDateRequired",
  recheckDateAfterScreening: "screenings.validation.recheckDateAfterScreening",
  rationaleTooShort: "screenings.validation.rationaleTooShort",
} as const;

export function isVisible(item: Item, answers: Answers): boolean {
  if (!item.showIf) return true;
  const value = answers[item.showIf.key];
  return value !== undefined && !Array.isArray(value) && item.showIf.in.includes(value);
}

export function allItems(sections: readonly Section[]): Item[] {
  return sections.flatMap((s) => s.items);
}

/** Every option value an item can hold, for rendering and for message-catalogue checks. */
export function optionsOf(item: Item): readonly AnswerValue[] {
  return "options" in item ? item.options : [];
}
