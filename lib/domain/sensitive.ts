/**
 * Sensitive categories of personal data. Seeing them needs an explicit grant per user, on top of
 * access to the case (domain brief, "Roles"). sogi: sexual orientation and gender identity.
 */
export const SENSITIVE_CATEGORIES = ["trafficking", "gbv", "health", "bid", "detention", "sogi"] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export function isSensitiveCategory(value: unknown): value is SensitiveCategory {
  return typeof value === "string" && (SENSITIVE_CATEGORIES as readonly string[]).includes(value);
}
