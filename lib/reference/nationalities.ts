/**
 * The nationality lists the pickers need, apart from the country code table
 * (lib/reference/countries.ts), so that a client component can import them without it.
 */

/** Nationalities most often met in the mission, listed first in pickers. */
export const COMMON_NATIONALITIES: readonly string[] = [
  "NER",
  "TCD",
  "SDN",
  "NGA",
  "EGY",
  "GHA",
  "MLI",
  "BGD",
  "CIV",
  "SEN",
  "GIN",
  "ERI",
  "SOM",
  "LBY",
];

/** An extra code for people whose nationality is not established. */
export const STATELESS_OR_UNKNOWN = "XXX";

/**
 * A person's nationality as a reader sees it: `stateless` (the message enums.stateless) for one
 * not established, otherwise the country's name from `nameOf`. Pages name countries with
 * countryName (lib/reference/countries.ts); a client component, with the names the server gave it.
 */
export function nationalityLabel(code: string, stateless: string, nameOf: (code: string) => string): string {
  return code === STATELESS_OR_UNKNOWN ? stateless : nameOf(code);
}
