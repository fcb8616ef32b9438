import { z } from "zod";
import { CONSENT_GIVERS, CONSENT_PURPOSES } from "../domain/beneficiary";
import { isoDate, optionalText, uuid } from "./common";

/**
 * A change of one purpose's consent. Granting needs who gave it and when; recording that consent
 * is not (or no longer) given needs no basis, but a vital-interest basis may be stated.
 */
export const updateConsentSchema = z
  .object({
    beneficiaryId: uuid,
    purpose: z.enum(CONSENT_PURPOSES, { error: "required" }),
    granted: z.boolean(),
    givenBy: z.union([z.enum(CONSENT_GIVERS), z.literal("")]).optional(),
    givenOn: z.union([isoDate, z.literal("")]).optional(),
    vitalInterestReason: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (!v.granted) return;
    if (!v.givenBy) ctx.addIssue({ code: "custom", path: ["givenBy"], message: "required" });
    if (!v.givenOn) ctx.addIssue({ code: "custom", path: ["givenOn"], message: "required" });
    else if (v.givenOn > new Date().toISOString().slice(0, 10))
      ctx.addIssue({ code: "custom", path: ["givenOn"], message: "futureDate" });
  });
export type UpdateConsentInput = z.input<typeof updateConsentSchema>;
