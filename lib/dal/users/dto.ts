import "server-only";
import type { users } from "@/db/schema";

export interface UserDto {
  id: string;
  name: string;
  email: string;
  role: (typeof users.$inferSelect)["role"];
  officeCode: string;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  version: number;
}

export interface UserDetailDto extends UserDto {
  /** "setting_up": a secret was issued but never confirmed with a code. */
  twoFactor: "off" | "setting_up" | "on";
}

export function toUserDto(u: typeof users.$inferSelect): UserDto {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    officeCode: u.officeCode,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    version: u.version,
  };
}
