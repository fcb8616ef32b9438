import { char, pgTable, text, varchar } from "drizzle-orm/pg-core";

export const regions = pgTable("regions", {
  pcode: varchar("pcode", { length: 4 }).primaryKey(),
  nameEn: text("name_en").notNull(),
  nameAr: text("name_ar"),
});

export const mantikas = pgTable("mantikas", {
  pcode: varchar("pcode", { length: 6 }).primaryKey(),
  regionPcode: varchar("region_pcode", { length: 4 })
    .notNull()
    .references(() => regions.pcode),
  nameEn: text("name_en").notNull(),
  nameAr: text("name_ar"),
});

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

export const offices = pgTable("offices", {
  code: varchar("code", { length: 3 }).primaryKey(),
  nameEn: text("name_en").notNull(),
  nameAr: text("name_ar").notNull(),
  baladiyaPcode: varchar("baladiya_pcode", { length: 8 }).references(() => baladiyas.pcode),
});
