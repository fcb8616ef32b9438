import "server-only";
import type { Action } from "@/lib/authz";
import { authorize } from "../authorize";
import type { Actor, Tx } from "../context";
import { forbidden } from "../errors";
import { servicesOf } from "../referrals/access";

/**
 * The VHR unit's work is for the focal points tied to the VHR service (the movement officers):
 * their "own" scope is the whole pipeline and every movement, whatever the office, because the unit
 * runs returns for the mission. The tie is read from the database on every use case.
 */
export async function requireVhrUnit(tx: Tx, actor: Actor, action: Action): Promise<void> {
  const scope = authorize(actor, action);
  if (scope === "all") return;
  const services = await servicesOf(tx, actor.id);
  if (!services.includes("vhr")) throw forbidden();
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
