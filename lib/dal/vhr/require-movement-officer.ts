import "server-only";
import type { Action } from "@/lib/authz";
import { type DalContext, withTransaction } from "../context";
import { requireVhrUnit } from "./access";

/** For pages that show a form before any record exists: the same check every VHR use case makes. */
export async function requireMovementOfficer(
  ctx: DalContext,
  action: Action = "movement.manage",
): Promise<void> {
  await withTransaction(ctx, (tx) => requireVhrUnit(tx, ctx.actor, action));
}
