import { sql } from "drizzle-orm";
import { char, check, pgTable, text, varchar } from "drizzle-orm/pg-core";

export const regions = pgTable("regions", {
  pcode: varchar("pcode", { length: 4 }).primaryKey(),
  nameEn: text("name_en").notNull(),
  nameAr: text("name_ar"),
});

// A mantika's P-code and an office's code share the scope column of the dashboard's maintained
// counts (rollup_cells): their shapes keep them apart.
export const mantikas = pgTable(
  "mantikas",
  {
    pcode: varchar("pcode", { length: 6 }).primaryKey(),
    regionPcode: varchar("region_pcode", { length: 4 })
      .notNull()
      .references(() => regions.pcode),
    nameEn: text("name_en").notNull(),
    nameAr: text("name_ar"),
  },
  (t) => [check("mantikas_pcode_shape", sql`${t.pcode} ~ '^LY[0-9]{4}$'`)],
);

export const baladiyas = pgTable("baladiyas", {
  pcode: varchar("pcode", { length: 8 }).primaryKey(),
  mantikaPcode: varchar("mantika_pcode", { length: 6 })
    .notNull()
    .references(() => mantikas.pcode),
  nameEn: text("name_en").notNull(),
  nameAr: text("name_ar"),
});

export const countries = pgTable("countries", {
  code: char("code", { length: 3 }).primaryKey(),
  alpha2: char("alpha2", { length: 2 }),
});

export const offices = pgTable(
  "offices",
  {
    code: varchar("code", { length: 3 }).primaryKey(),
    nameEn: text("name_en").notNull(),
    nameAr: text("name_ar").notNull(),
    baladiyaPcode: varchar("baladiya_pcode", { length: 8 }).references(() => baladiyas.pcode),
  },
  (t) => [check("offices_code_shape", sql`${t.code} ~ '^[A-Z]{3}$'`)],
);
