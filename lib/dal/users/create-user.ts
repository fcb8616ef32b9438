import "server-only";
import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { createUserSchema } from "@/lib/validation/user";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { assertPasswordPolicy } from "../auth/password-policy";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { invalid } from "../errors";
import { parseInput } from "../parse";

/** Creates an account with a temporary password that must be changed at first sign-in. */
export async function createUser(ctx: DalContext, input: unknown): Promise<{ id: string }> {
  authorize(ctx.actor, "user.create");
  const v = parseInput(createUserSchema, input);
  assertPasswordPolicy("temporaryPassword", v.temporaryPassword);
  const passwordHash = await hashPassword(v.temporaryPassword);
  return withTransaction(ctx, async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${v.email}`);
    if (existing) throw invalid({ email: ["emailTaken"] });
    const [row] = await tx
      .insert(users)
      .values({
        name: v.name,
        email: v.email,
        role: v.role,
        officeCode: v.officeCode,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "user",
      entityId: row.id,
      detail: { role: v.role, office: v.officeCode },
    });
    return row;
  });
}
