import "server-only";
import { asc, eq } from "drizzle-orm";
import { users, userTotp } from "@/db/schema";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { toUserDto, type UserDetailDto, type UserDto } from "./dto";

export async function listUsers(ctx: DalContext): Promise<UserDto[]> {
  authorize(ctx.actor, "user.list");
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.select().from(users).orderBy(asc(users.officeCode), asc(users.name));
    return rows.map(toUserDto);
  });
}

/** One user, with whether their two-factor authentication is on (never the secret). */
export async function getUser(ctx: DalContext, id: string): Promise<UserDetailDto> {
  authorize(ctx.actor, "user.list");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, id));
    if (!row) throw notFound();
    const [totp] = await tx
      .select({ enabledAt: userTotp.enabledAt })
      .from(userTotp)
      .where(eq(userTotp.userId, id));
    return {
      ...toUserDto(row),
      twoFactor: !totp ? "off" : totp.enabledAt ? "on" : "setting_up",
    };
  });
}
