import type { CountryOption } from "@/lib/reference/countries";

export type { CountryOption } from "@/lib/reference/countries";

/** Reference data the beneficiary forms need, passed from the server page. */
export interface FormReference {
  mantikas: Array<{ pcode: string; nameEn: string; nameAr: string | null }>;
  baladiyas: Array<{ pcode: string; mantikaPcode: string; nameEn: string; nameAr: string | null }>;
}

/** What the biodata fields need: places, and country names already sorted in the reader's language. */
export interface BiodataReference extends FormReference {
  countries: CountryOption[];
}

export function placeName(p: { nameEn: string; nameAr: string | null }, locale: string): string {
  return locale === "ar" && p.nameAr ? p.nameAr : p.nameEn;
}
