import { z } from "zod";
import { ASSISTANCE_TYPES, DETENTION_FILTERS } from "@/lib/domain/assistance";
import { POPULATION_TYPES } from "@/lib/domain/beneficiary";
import { isoDate, requiredText, uuid } from "./common";

const optionalAge = z
  .union([z.null(), z.literal(""), z.coerce.number().int().min(0).max(130)])
  .optional()
  // Null and "" must stay "no bound": coercing them would make a bound of 0.
  .transform((v) => (v === "" || v === undefined || v === null ? null : v));

export const indicatorSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "programmeConfig.validation.code"),
    programmeCode: requiredText(12),
    label: requiredText(200),
    assistanceTypes: z.array(z.enum(ASSISTANCE_TYPES)).min(1, "programmeConfig.validation.types"),
    populationTypes: z.array(z.enum(POPULATION_TYPES)).default([]),
    ageMin: optionalAge,
    ageMax: optionalAge,
    detention: z.enum(DETENTION_FILTERS),
    active: z.boolean(),
  })
  .refine((v) => v.ageMin === null || v.ageMax === null || v.ageMin <= v.ageMax, {
    path: ["ageMax"],
    message: "programmeConfig.validation.ageBand",
  });
export type IndicatorInput = z.input<typeof indicatorSchema>;

export const targetSchema = z.object({
  indicatorCode: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "invalid"),
  periodId: uuid,
  target: z.coerce.number().int().min(0).max(100_000_000),
});
export type TargetInput = z.input<typeof targetSchema>;

export const periodSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]{2,32}$/, "programmeConfig.validation.code"),
    label: requiredText(100),
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((v) => v.startDate <= v.endDate, {
    path: ["endDate"],
    message: "programmeConfig.validation.dates",
  });
export type PeriodInput = z.input<typeof periodSchema>;

export const donorProjectSchema = z.object({
  id: uuid.optional(),
  code: z.string().regex(/^[A-Z0-9-]{2,16}$/, "programmeConfig.validation.code"),
  title: requiredText(300),
  donor: requiredText(120),
  sectors: z.array(z.string().trim().min(1).max(20)).max(20),
  active: z.boolean(),
});
export type DonorProjectInput = z.input<typeof donorProjectSchema>;

export const thresholdSchema = z.object({ threshold: z.coerce.number().int().min(1).max(100) });
