import { z } from "zod";
import { ROLES } from "../authz/roles";

/** A six-digit authenticator code or a recovery code; its shape is checked where it is used. */
export const secondFactorCodeSchema = z.object({
  code: z.string({ error: "required" }).trim().min(1, "required").max(40, "tooLong"),
});
export type SecondFactorCodeInput = z.input<typeof secondFactorCodeSchema>;

export const roleSecurityPolicySchema = z.object({
  role: z.enum(ROLES, { error: "required" }),
  requireTotp: z.boolean(),
});
export type RoleSecurityPolicyInput = z.input<typeof roleSecurityPolicySchema>;
