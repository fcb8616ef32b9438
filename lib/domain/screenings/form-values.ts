import { allItems, isVisible } from "./items";
import type { Answers, AnswerValue, Definition, Item } from "./types";

/** What an HTML form holds for each item: text for single values, a list for ticked options. */
export type RawAnswers = Record<string, string | string[] | boolean | undefined>;

function convert(item: Item, raw: RawAnswers[string]): AnswerValue | undefined {
  if (item.type === "multi") return Array.isArray(raw) ? raw : [];
  if (typeof raw !== "string") return undefined;
  const value = raw.trim();
  if (value === "") return undefined;
  switch (item.type) {
    case "scale":
    case "number":
      return Number(value);
    case "boolean":
      return value === "yes" ? true : value === "no" ? false : undefined;
    default:
      return value;
  }
}

/** The typed answers a form's values stand for, without the items its other answers hide. */
export function toAnswers(definition: Pick<Definition, "sections">, raw: RawAnswers): Answers {
  const items = allItems(definition.sections);
  const converted: Answers = {};
  for (const item of items) converted[item.key] = convert(item, raw[item.key]);
  const out: Answers = {};
  for (const item of items) {
    const value = converted[item.key];
    if (value !== undefined && isVisible(item, converted)) out[item.key] = value;
  }
  return out;
}

export function emptyRawAnswers(definition: Pick<Definition, "sections">): RawAnswers {
  return Object.fromEntries(allItems(definition.sections).map((i) => [i.key, i.type === "multi" ? [] : ""]));
}
