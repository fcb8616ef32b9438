import { z } from "zod";
import { ROLES } from "../authz/roles";
import { OFFICES } from "../domain/beneficiary";
import { requiredText, uuid } from "./common";

export const PASSWORD_MIN_LENGTH = 12;

export const passwordSchema = z
  .string({ error: "required" })
  .min(PASSWORD_MIN_LENGTH, "passwordTooShort")
  .max(200, "tooLong");

export const email = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "invalidEmail" }));

export const createUserSchema = z.object({
  name: requiredText(120),
  email,
  role: z.enum(ROLES, { error: "required" }),
  officeCode: z.enum(OFFICES, { error: "required" }),
  temporaryPassword: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: uuid,
  version: z.coerce.number().int().positive(),
  role: z.enum(ROLES, { error: "required" }),
  officeCode: z.enum(OFFICES, { error: "required" }),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const setActiveSchema = z.object({
  id: uuid,
  version: z.coerce.number().int().positive(),
  active: z.boolean(),
});

/** An administrator's reset of a user's two-factor authentication, with the reason for the audit. */
export const resetTwoFactorSchema = z.object({
  id: uuid,
  version: z.coerce.number().int().positive(),
  reason: requiredText(500).pipe(z.string().min(10, "reasonTooShort")),
});
export type ResetTwoFactorInput = z.input<typeof resetTwoFactorSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "required").max(200),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "required").max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1, "required"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "passwordsDiffer",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "passwordUnchanged",
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
