import { COUNTRY_CODES, countryName } from "@/lib/reference/countries";

/** Reference data the beneficiary forms need, passed from the server page. */
export interface FormReference {
  mantikas: Array<{ pcode: string; nameEn: string; nameAr: string | null }>;
  baladiyas: Array<{ pcode: string; mantikaPcode: string; nameEn: string; nameAr: string | null }>;
}

export interface CountryOption {
  code: string;
  name: string;
}

/** What the biodata fields need: places, and country names already sorted in the reader's language. */
export interface BiodataReference extends FormReference {
  countries: CountryOption[];
}

export function placeName(p: { nameEn: string; nameAr: string | null }, locale: string): string {
  return locale === "ar" && p.nameAr ? p.nameAr : p.nameEn;
}

/**
 * Every country named and sorted in `locale`. Call it on the server and pass the result down:
 * Node's and the browser's Intl data name and order some countries differently ("Palestinian
 * Territories" / "Palestine", Arabic collation), which would break hydration of the form.
 */
export function countryOptions(locale: string): CountryOption[] {
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
}
