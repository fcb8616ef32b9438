import "server-only";
import { eq } from "drizzle-orm";
import { userTotp } from "@/db/schema";
import { type DalContext, withTransaction } from "../context";
import { roleRequiresTotp, unusedRecoveryCodes } from "./second-factor";

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  /** The actor's role requires TOTP (role_security_policies). */
  required: boolean;
  recoveryCodesLeft: number;
}

/** The actor's own two-factor state; nothing about the secret leaves the DAL. */
export async function getTwoFactorStatus(ctx: DalContext): Promise<TwoFactorStatus> {
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select({ enabledAt: userTotp.enabledAt })
      .from(userTotp)
      .where(eq(userTotp.userId, ctx.actor.id));
    const enabledAt = row?.enabledAt ?? null;
    return {
      enabled: enabledAt !== null,
      enabledAt: enabledAt?.toISOString() ?? null,
      required: await roleRequiresTotp(tx, ctx.actor.role),
      recoveryCodesLeft: enabledAt ? await unusedRecoveryCodes(tx, ctx.actor.id) : 0,
    };
  });
}
