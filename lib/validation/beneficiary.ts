import { z } from "zod";
import { AGE_GROUPS, estimatedDateOfBirth, isChildAt, todayIso } from "../domain/age";
import {
  CASE_STATUSES,
  CONSENT_GIVERS,
  CONSENT_PURPOSES,
  LANGUAGES,
  POPULATION_TYPES,
  SEXES,
  UASC_STATUSES,
  VULNERABILITY_FLAGS,
} from "../domain/beneficiary";
import { isCountryCode } from "../reference/countries";
import { isoDate, optionalText, requiredText, uuid } from "./common";

const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Biodata shared by registration and edit. */
export const biodataSchema = z
  .object({
    familyName: requiredText(100),
    givenNames: requiredText(150),
    nameAr: optionalText(150),
    sex: z.enum(SEXES, { error: "required" }),
    dobMode: z.enum(["exact", "estimated"], { error: "required" }),
    dateOfBirth: z.union([isoDate, z.literal("")]).optional(),
    // "" first: z.coerce would read an empty box as age 0.
    estimatedAge: z.union([z.literal(""), z.coerce.number().int()], { error: "invalidNumber" }).optional(),
    nationality: z.string({ error: "required" }).refine(isCountryCode, "required"),
    populationType: z.enum(POPULATION_TYPES, { error: "required" }),
    languages: z.array(z.enum(LANGUAGES)).max(10, "tooMany").default([]),
    phone: optionalText(20).refine((v) => v === undefined || PHONE.test(v), "invalidPhone"),
    baladiyaPcode: z.string({ error: "required" }).regex(/^LY\d{6}$/, "required"),
    detained: z.boolean().default(false),
    detentionCentre: optionalText(150),
    detainedSince: z.union([isoDate, z.literal("")]).optional(),
    uascStatus: z.union([z.enum(UASC_STATUSES), z.literal("")]).optional(),
    vulnerabilities: z.array(z.enum(VULNERABILITY_FLAGS)).default([]),
  })
  .superRefine((v, ctx) => {
    const today = todayIso();
    let dob: string | undefined;
    if (v.dobMode === "exact") {
      if (!v.dateOfBirth) ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "required" });
      else if (v.dateOfBirth > today)
        ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "futureDate" });
      else if (v.dateOfBirth < "1900-01-01")
        ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "invalidDate" });
      else dob = v.dateOfBirth;
    } else if (v.estimatedAge === undefined || v.estimatedAge === "") {
      ctx.addIssue({ code: "custom", path: ["estimatedAge"], message: "required" });
    } else if (v.estimatedAge < 0 || v.estimatedAge > 110) {
      ctx.addIssue({ code: "custom", path: ["estimatedAge"], message: "ageRange" });
    } else {
      dob = estimatedDateOfBirth(v.estimatedAge, today);
    }
    if (v.detained) {
      if (!v.detentionCentre)
        ctx.addIssue({ code: "custom", path: ["detentionCentre"], message: "required" });
      if (!v.detainedSince) ctx.addIssue({ code: "custom", path: ["detainedSince"], message: "required" });
      else if (v.detainedSince > today)
        ctx.addIssue({ code: "custom", path: ["detainedSince"], message: "futureDate" });
    }
    if (dob && isChildAt(dob, today) && !v.uascStatus) {
      ctx.addIssue({ code: "custom", path: ["uascStatus"], message: "uascRequired" });
    }
    if (dob && !isChildAt(dob, today) && v.uascStatus) {
      ctx.addIssue({ code: "custom", path: ["uascStatus"], message: "uascChildrenOnly" });
    }
    if (v.sex !== "female" && v.vulnerabilities.includes("pregnant")) {
      ctx.addIssue({ code: "custom", path: ["vulnerabilities"], message: "pregnantFemaleOnly" });
    }
  });

export type BiodataInput = z.input<typeof biodataSchema>;
export type Biodata = z.output<typeof biodataSchema>;

/** The date of birth a biodata form stands for, and whether it is estimated. */
export function resolveDateOfBirth(
  v: Biodata,
  today = todayIso(),
): { dateOfBirth: string; dobEstimated: boolean } {
  if (v.dobMode === "exact" && v.dateOfBirth) return { dateOfBirth: v.dateOfBirth, dobEstimated: false };
  return { dateOfBirth: estimatedDateOfBirth(Number(v.estimatedAge), today), dobEstimated: true };
}

export const consentSchema = z
  .object({
    obtained: z.enum(["yes", "no"], { error: "required" }),
    givenBy: z.union([z.enum(CONSENT_GIVERS), z.literal("")]).optional(),
    givenOn: z.union([isoDate, z.literal("")]).optional(),
    purposes: z.array(z.enum(CONSENT_PURPOSES)).default([]),
    vitalInterestReason: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.obtained === "yes") {
      if (!v.givenBy) ctx.addIssue({ code: "custom", path: ["givenBy"], message: "required" });
      if (!v.givenOn) ctx.addIssue({ code: "custom", path: ["givenOn"], message: "required" });
      else if (v.givenOn > todayIso())
        ctx.addIssue({ code: "custom", path: ["givenOn"], message: "futureDate" });
      if (v.purposes.length === 0)
        ctx.addIssue({ code: "custom", path: ["purposes"], message: "consentPurposeRequired" });
    } else if (!v.vitalInterestReason || v.vitalInterestReason.length < 10) {
      ctx.addIssue({ code: "custom", path: ["vitalInterestReason"], message: "reasonTooShort" });
    }
  });

export type ConsentInput = z.input<typeof consentSchema>;

export const registrationSchema = z.object({
  biodata: biodataSchema,
  consent: consentSchema,
  /** Filled when the caseworker saw likely duplicates and confirms this is a different person. */
  duplicateOverrideReason: optionalText(500),
});

export type RegistrationInput = z.input<typeof registrationSchema>;
export type Registration = z.output<typeof registrationSchema>;

export const updateBeneficiarySchema = z.object({
  id: uuid,
  version: z.coerce.number().int().positive(),
  biodata: biodataSchema,
});
export type UpdateBeneficiaryInput = z.input<typeof updateBeneficiarySchema>;

export const reassignSchema = z.object({
  id: uuid,
  version: z.coerce.number().int().positive(),
  ownerId: uuid,
});

export const duplicateCheckSchema = z.object({
  familyName: requiredText(100),
  givenNames: requiredText(150),
  nameAr: optionalText(150),
  sex: z.enum(SEXES),
  dateOfBirth: isoDate,
  nationality: z.string().refine(isCountryCode, "required"),
});
export type DuplicateCheckInput = z.input<typeof duplicateCheckSchema>;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.literal("")])
    .optional()
    .transform((v) => (v ? v : undefined));

export const SORTS = ["registered_desc", "registered_asc", "name_asc"] as const;

/** Case list query from the URL; anything malformed falls back to no filter. */
export const caseListQuerySchema = z.object({
  q: optionalText(100),
  populationType: optionalEnum(POPULATION_TYPES).catch(undefined),
  sex: optionalEnum(SEXES).catch(undefined),
  ageGroup: optionalEnum(AGE_GROUPS).catch(undefined),
  nationality: z
    .string()
    .optional()
    .transform((v) => (v && isCountryCode(v) ? v : undefined))
    .catch(undefined),
  mantika: z
    .string()
    .regex(/^LY\d{4}$/)
    .optional()
    .catch(undefined),
  baladiya: z
    .string()
    .regex(/^LY\d{6}$/)
    .optional()
    .catch(undefined),
  detained: optionalEnum(["yes", "no"] as const).catch(undefined),
  uasc: optionalEnum(UASC_STATUSES).catch(undefined),
  status: optionalEnum(CASE_STATUSES).catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  sort: z.enum(SORTS).default("registered_desc").catch("registered_desc"),
  after: z.string().max(200).optional().catch(undefined),
});
export type CaseListQuery = z.output<typeof caseListQuerySchema>;
