import { COUNTRY_ALPHA2 } from "../../reference/countries";
import { STATELESS_OR_UNKNOWN } from "../../reference/nationalities";
import {
  CONSENT_GIVERS,
  CONSENT_PURPOSES,
  LANGUAGES,
  POPULATION_TYPES,
  SEXES,
  UASC_STATUSES,
  VULNERABILITY_FLAGS,
} from "../beneficiary";
import type { ValueMappedField, ValueSynonyms } from "./fields";

/** Synonyms met in Kobo/ODK exports and paper forms, in English, French and Arabic. Keys are lower-case. */
const BUILT_IN: Record<ValueMappedField, Record<string, string>> = {
  sex: {
    m: "male",
    male: "male",
    man: "male",
    h: "male",
    homme: "male",
    masculin: "male",
    ذكر: "male",
    f: "female",
    female: "female",
    woman: "female",
    femme: "female",
    feminin: "female",
    féminin: "female",
    أنثى: "female",
    انثى: "female",
    u: "unknown",
    unknown: "unknown",
    inconnu: "unknown",
    "غير معروف": "unknown",
  },
  populationType: {
    internally_displaced: "idp",
    "internally displaced": "idp",
    displaced: "idp",
    deplace: "idp",
    déplacé: "idp",
    نازح: "idp",
    مهاجر: "migrant",
    لاجئ: "refugee",
    عائد: "returnee",
    host_community: "host",
    "host community": "host",
  },
  uascStatus: { uasc: "unaccompanied", uac: "unaccompanied", sc: "separated" },
  consentGivenBy: {
    beneficiary: "self",
    himself: "self",
    herself: "self",
    mother: "parent",
    father: "parent",
  },
  detained: {},
  consentObtained: {},
};

const YES = new Set(["yes", "y", "1", "true", "oui", "o", "نعم"]);
const NO = new Set(["no", "n", "0", "false", "non", "لا"]);

const ENUMS: Record<Exclude<ValueMappedField, "detained" | "consentObtained">, readonly string[]> = {
  sex: SEXES,
  populationType: POPULATION_TYPES,
  uascStatus: UASC_STATUSES,
  consentGivenBy: CONSENT_GIVERS,
};

export type Converted<T> = { ok: true; value: T } | { ok: false; key: string };
const fail = (key: string) => ({ ok: false as const, key });

const lower = (raw: string) => raw.trim().toLowerCase();

/** yes/no as Kobo writes it ("yes"/"no", "1"/"0", "true"/"false") and in French or Arabic. */
export function toYesNo(raw: string, custom?: Record<string, string>): Converted<boolean> {
  const v = lower(raw);
  const mapped = custom?.[v] ?? v;
  if (YES.has(mapped)) return { ok: true, value: true };
  if (NO.has(mapped)) return { ok: true, value: false };
  return fail("import.errors.yesNo");
}

export function toEnum(field: keyof typeof ENUMS, raw: string, synonyms?: ValueSynonyms): Converted<string> {
  const v = lower(raw);
  const values = ENUMS[field];
  const mapped = synonyms?.[field]?.[v] ?? BUILT_IN[field][v] ?? v;
  return values.includes(mapped) ? { ok: true, value: mapped } : fail("import.errors.unknownValue");
}

/**
 * Dates as YYYY-MM-DD, the Kobo export format, or a Kobo datetime (its date part).
 * Day/month orders are refused: 03/04/1990 means two different days depending on who typed it.
 */
export function toIsoDate(raw: string): Converted<string> {
  const v = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (!m) return fail("import.errors.dateFormat");
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    return fail("import.errors.dateFormat");
  return { ok: true, value: iso };
}

let countryNames: Map<string, string> | undefined;

function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/** English (and French) country names → alpha-3, built once from Intl so no name list is kept here. */
function namesIndex(): Map<string, string> {
  if (countryNames) return countryNames;
  const map = new Map<string, string>();
  for (const locale of ["en", "fr"]) {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    for (const [alpha3, alpha2] of Object.entries(COUNTRY_ALPHA2)) {
      const name = names.of(alpha2);
      if (name && name !== alpha2) map.set(foldName(name), alpha3);
    }
  }
  countryNames = map;
  return map;
}

/** Nationality by ISO alpha-3, alpha-2, or English/French country name. */
export function toCountry(raw: string): Converted<string> {
  const v = raw.trim();
  const upper = v.toUpperCase();
  if (upper === STATELESS_OR_UNKNOWN || Object.hasOwn(COUNTRY_ALPHA2, upper))
    return { ok: true, value: upper };
  if (/^[A-Z]{2}$/.test(upper)) {
    const hit = Object.entries(COUNTRY_ALPHA2).find(([, a2]) => a2 === upper);
    if (hit) return { ok: true, value: hit[0] };
  }
  const byName = namesIndex().get(foldName(v));
  return byName ? { ok: true, value: byName } : fail("import.errors.unknownCountry");
}

/** Lookups from reference data the DAL loads once per import. */
export interface BaladiyaIndex {
  codes: ReadonlySet<string>;
  /** Folded English or Arabic name → P-code, only for names that are unique. */
  byName: ReadonlyMap<string, string>;
}

export function foldPlaceName(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s'’`-]+/g, " ")
    .trim();
}

export function toBaladiya(raw: string, index: BaladiyaIndex): Converted<string> {
  const v = raw.trim();
  const upper = v.toUpperCase();
  if (/^LY\d{6}$/.test(upper))
    return index.codes.has(upper) ? { ok: true, value: upper } : fail("import.errors.unknownBaladiya");
  const code = index.byName.get(foldPlaceName(v));
  return code ? { ok: true, value: code } : fail("import.errors.unknownBaladiya");
}

/** select_multiple as Kobo exports it: space-separated choice names (commas and semicolons tolerated). */
export function toMulti(raw: string, allowed: readonly string[]): Converted<string[]> {
  const items = raw
    .trim()
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const unique = [...new Set(items)];
  return unique.every((i) => allowed.includes(i))
    ? { ok: true, value: unique }
    : fail("import.errors.unknownValue");
}

export const MULTI_VALUES = {
  languages: LANGUAGES,
  vulnerabilities: VULNERABILITY_FLAGS,
  consentPurposes: CONSENT_PURPOSES,
} as const;
