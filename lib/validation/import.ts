import { z } from "zod";
import {
  IMPORT_FIELD_KEYS,
  IMPORT_MODES,
  type ImportField,
  VALUE_MAPPED_FIELDS,
} from "../domain/import/fields";
import { optionalText, requiredText, uuid } from "./common";

const header = z.string().trim().min(1).max(200);

export const columnMappingSchema = z
  .record(z.string(), z.union([header, z.literal("")]).optional())
  .transform((raw, ctx) => {
    const out: Partial<Record<ImportField, string>> = {};
    for (const [field, column] of Object.entries(raw)) {
      if (!IMPORT_FIELD_KEYS.includes(field as ImportField)) {
        ctx.addIssue({ code: "custom", message: "invalid" });
        return z.NEVER;
      }
      if (column) out[field as ImportField] = column;
    }
    return out;
  });

export const valueSynonymsSchema = z
  .partialRecord(z.enum(VALUE_MAPPED_FIELDS), z.record(z.string().max(100), z.string().max(50)))
  .default({});

export const mappingSpecSchema = z.object({
  columns: columnMappingSchema,
  values: valueSynonymsSchema,
});
export type MappingSpecInput = z.input<typeof mappingSpecSchema>;

export const saveMappingSchema = z.object({
  name: requiredText(80),
  mapping: mappingSpecSchema,
});
export type SaveMappingInput = z.input<typeof saveMappingSchema>;

export const MIN_IMPORT_OVERRIDE_REASON = 10;

/** What the supervisor chose on the run screen; the file itself travels beside it. */
export const importOptionsSchema = z
  .object({
    mode: z.enum(IMPORT_MODES, { error: "required" }),
    mapping: mappingSpecSchema,
    /** Import likely duplicates anyway, with one reason for the whole file. */
    allowDuplicates: z.boolean().default(false),
    duplicateReason: optionalText(500),
    /** Owner of the created cases; the supervisor by default. */
    ownerId: z.union([uuid, z.literal("")]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.allowDuplicates && (v.duplicateReason ?? "").length < MIN_IMPORT_OVERRIDE_REASON) {
      ctx.addIssue({ code: "custom", path: ["duplicateReason"], message: "reasonTooShort" });
    }
  });
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;
export type ImportOptions = z.output<typeof importOptionsSchema>;

export const importFileSchema = z.object({
  fileName: z.string().trim().min(1, "required").max(255, "tooLong"),
  bytes: z.instanceof(Uint8Array, { error: "required" }),
});
