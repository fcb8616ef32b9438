import "server-only";
import { and, eq } from "drizzle-orm";
import { beneficiaries, caseAssignments, referrals, userServices } from "@/db/schema";
import { scopeOf } from "@/lib/authz";
import { RECEIVED_STATES, type ReferralService } from "@/lib/domain/referrals/catalogue";
import type { TransitionActor } from "@/lib/domain/referrals/state-machine";
import type { Actor, Tx } from "../context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ReferralRow = typeof referrals.$inferSelect;
type BeneficiaryRow = typeof beneficiaries.$inferSelect;

export interface ReferralAccess {
  referral: ReferralRow;
  beneficiary: BeneficiaryRow;
  actor: TransitionActor;
  /** "case": through the case (referrer, supervisor); "receiver": only as the service's focal point. */
  via: "case" | "receiver";
}

export async function servicesOf(tx: Tx, userId: string): Promise<ReferralService[]> {
  const rows = await tx
    .select({ service: userServices.service })
    .from(userServices)
    .where(eq(userServices.userId, userId));
  return rows.map((r) => r.service);
}

/** Whether the case is within the actor's referral scope, and how the actor relates to it. */
export async function caseRelation(
  tx: Tx,
  actor: Actor,
  beneficiary: BeneficiaryRow,
  createdBy: string | null,
) {
  const scope = scopeOf(actor.role, "referral.read");
  if (!scope) return { inScope: false, isReferrer: false, supervisesCase: false };
  let assigned = false;
  if (beneficiary.ownerId !== actor.id) {
    const [row] = await tx
      .select({ userId: caseAssignments.userId })
      .from(caseAssignments)
      .where(and(eq(caseAssignments.beneficiaryId, beneficiary.id), eq(caseAssignments.userId, actor.id)));
    assigned = Boolean(row);
  }
  const involved = beneficiary.ownerId === actor.id || assigned;
  const inScope =
    scope === "all" || (scope === "office" ? beneficiary.officeCode === actor.officeCode : involved);
  return {
    inScope,
    isReferrer: inScope && (involved || createdBy === actor.id),
    supervisesCase: inScope && actor.role === "supervisor" && beneficiary.officeCode === actor.officeCode,
  };
}

/**
 * Loads a referral only for someone with a reason to see it: through the case in scope, or as a
 * focal point of its service once it has been sent. Anyone else gets nothing, the same as a
 * referral that does not exist.
 */
export async function loadReferralAccess(
  tx: Tx,
  actor: Actor,
  id: string,
): Promise<ReferralAccess | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await tx
    .select({ referral: referrals, beneficiary: beneficiaries })
    .from(referrals)
    .innerJoin(beneficiaries, eq(beneficiaries.id, referrals.beneficiaryId))
    .where(eq(referrals.id, id));
  if (!row) return undefined;
  const { referral, beneficiary } = row;
  const relation = await caseRelation(tx, actor, beneficiary, referral.createdBy);
  const focalPointOfService =
    actor.role === "focal_point" &&
    scopeOf(actor.role, "referral.respond") !== null &&
    referral.recipientKind === "internal" &&
    (RECEIVED_STATES as readonly string[]).includes(referral.state) &&
    (await servicesOf(tx, actor.id)).includes(referral.service);
  if (!relation.inScope && !focalPointOfService) return undefined;
  return {
    referral,
    beneficiary,
    via: relation.inScope ? "case" : "receiver",
    actor: {
      kind: "user",
      role: actor.role,
      isReferrer: relation.isReferrer,
      supervisesCase: relation.supervisesCase,
      focalPointOfService,
    },
  };
}
