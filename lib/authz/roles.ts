export const ROLES = [
  "admin",
  "caseworker",
  "supervisor",
  "bid_panel",
  "programme_manager",
  "focal_point",
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
