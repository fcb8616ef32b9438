import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { COUNTRY_ALPHA2 } from "../../lib/reference/countries";
import { STATELESS_OR_UNKNOWN } from "../../lib/reference/nationalities";
import type { Database } from "../client";
import { baladiyas, countries, mantikas, offices, regions } from "../schema";
import { seedProgrammes } from "./programmes";

const CSV = fileURLToPath(new URL("./data/libya-admin-areas.csv", import.meta.url));

export const OFFICE_ROWS = [
  { code: "TIP", nameEn: "Tripoli", nameAr: "طرابلس", baladiyaPcode: "LY021104" },
  { code: "BEN", nameEn: "Benghazi", nameAr: "بنغازي", baladiyaPcode: "LY010304" },
  { code: "SEB", nameEn: "Sabha", nameAr: "سبها", baladiyaPcode: "LY031901" },
  { code: "MRA", nameEn: "Misrata", nameAr: "مصراتة", baladiyaPcode: "LY021401" },
  { code: "ZWA", nameEn: "Zwara", nameAr: "زوارة", baladiyaPcode: "LY021503" },
  { code: "TUN", nameEn: "Tunis", nameAr: "تونس", baladiyaPcode: null },
];

export function readAdminAreas() {
  const lines = readFileSync(CSV, "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [regionPcode, regionEn, regionAr, mantikaPcode, mantikaEn, mantikaAr, baladiyaPcode, baladiyaEn] =
      line.split(",");
    if (!baladiyaEn) throw new Error(`Malformed admin-area line: ${line}`);
    return {
      regionPcode,
      regionEn,
      regionAr,
      mantikaPcode,
      mantikaEn,
      mantikaAr,
      baladiyaPcode,
      baladiyaEn,
    } as Record<string, string>;
  });
}

/** Idempotent: reference rows are inserted once and left alone afterwards. */
export async function seedReference(db: Database): Promise<void> {
  const areas = readAdminAreas();
  const uniq = <T>(items: T[], key: (t: T) => string) => [...new Map(items.map((i) => [key(i), i])).values()];
  await db
    .insert(regions)
    .values(
      uniq(areas, (a) => a.regionPcode as string).map((a) => ({
        pcode: a.regionPcode as string,
        nameEn: a.regionEn as string,
        nameAr: a.regionAr ?? null,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(mantikas)
    .values(
      uniq(areas, (a) => a.mantikaPcode as string).map((a) => ({
        pcode: a.mantikaPcode as string,
        regionPcode: a.regionPcode as string,
        nameEn: a.mantikaEn as string,
        nameAr: a.mantikaAr ?? null,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(baladiyas)
    .values(
      areas.map((a) => ({
        pcode: a.baladiyaPcode as string,
        mantikaPcode: a.mantikaPcode as string,
        nameEn: a.baladiyaEn as string,
        nameAr: null,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(countries)
    .values([
      ...Object.entries(COUNTRY_ALPHA2).map(([code, alpha2]) => ({ code, alpha2 })),
      { code: STATELESS_OR_UNKNOWN, alpha2: null },
    ])
    .onConflictDoNothing();
  await db.insert(offices).values(OFFICE_ROWS).onConflictDoNothing();
  await seedProgrammes(db);
}
