import { z } from "zod";

/**
 * Error messages in these schemas are message keys under `validation.*` in lib/i18n/messages,
 * so the same schema gives an Arabic message in the browser and from the server action.
 */
export const requiredText = (max: number) =>
  z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

export const isoDate = z.iso.date({ error: "invalidDate" });

export const uuid = z.uuid({ error: "invalid" });

/** Shape of an action's failure, rendered by forms with setError. */
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: FieldErrors; data?: unknown };
