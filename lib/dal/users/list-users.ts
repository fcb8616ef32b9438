import "server-only";
import { asc, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { toUserDto, type UserDto } from "./dto";

export async function listUsers(ctx: DalContext): Promise<UserDto[]> {
  authorize(ctx.actor, "user.list");
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.select().from(users).orderBy(asc(users.officeCode), asc(users.name));
    return rows.map(toUserDto);
  });
}

export async function getUser(ctx: DalContext, id: string): Promise<UserDto> {
  authorize(ctx.actor, "user.list");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, id));
    if (!row) throw notFound();
    return toUserDto(row);
  });
}
