import "server-only";
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { partnerOrganisations, referrals, users } from "@/db/schema";
import { can } from "@/lib/authz";
import {
  effectiveState,
  isOverdue,
  type RecipientKind,
  type ReferralService,
  type ReferralState,
  SERVICE_CATEGORY,
  type Urgency,
} from "@/lib/domain/referrals/catalogue";
import { availableEvents, type ReferralEvent } from "@/lib/domain/referrals/state-machine";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import { categoryAccess } from "../access/can-see-category";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { caseRelation } from "./access";
import { historyOf, type ReferralHistoryEntry } from "./history";

export interface CaseReferral {
  id: string;
  version: number;
  service: ReferralService;
  recipientKind: RecipientKind;
  organisationName: string | null;
  urgency: Urgency;
  /** Empty when the service reveals a sensitive category this user may not see. */
  reason: string;
  restricted: boolean;
  sharePhone: boolean;
  state: ReferralState;
  overdue: boolean;
  dueAt: string | null;
  createdAt: string;
  createdByName: string;
  consentOverride: { reason: string; byName: string | null; at: string } | null;
  sourceScreeningId: string | null;
  history: ReferralHistoryEntry[];
  /** What this user may do now, from the state machine. */
  actions: ReferralEvent[];
}

/** The case's referrals tab: every referral of the person with its history and the actions open to this user. */
export async function listCaseReferrals(
  ctx: DalContext,
  beneficiaryId: string,
  now: Date = new Date(),
): Promise<{ referrals: CaseReferral[]; canCreate: boolean; caseNumber: string; name: string }> {
  const scope = authorize(ctx.actor, "referral.read");
  return withTransaction(ctx, async (tx) => {
    const beneficiary = await findInScope(tx, ctx.actor, scope, beneficiaryId);
    if (!beneficiary) throw notFound();
    const creator = alias(users, "creator");
    const overrider = alias(users, "overrider");
    const rows = await tx
      .select({
        r: referrals,
        organisationName: partnerOrganisations.name,
        createdByName: creator.name,
        overrideByName: overrider.name,
      })
      .from(referrals)
      .innerJoin(creator, eq(creator.id, referrals.createdBy))
      .leftJoin(overrider, eq(overrider.id, referrals.consentOverrideBy))
      .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, referrals.organisationId))
      .where(eq(referrals.beneficiaryId, beneficiary.id))
      .orderBy(desc(referrals.createdAt), desc(referrals.id));
    const history = await historyOf(
      tx,
      rows.map((x) => x.r.id),
    );
    const categories = [
      ...new Set(rows.flatMap((x) => (SERVICE_CATEGORY[x.r.service] ? [SERVICE_CATEGORY[x.r.service]] : []))),
    ] as SensitiveCategory[];
    const access = await categoryAccess(tx, ctx.actor, beneficiary.id, categories, now);
    const list: CaseReferral[] = [];
    for (const { r, organisationName, createdByName, overrideByName } of rows) {
      const relation = await caseRelation(tx, ctx.actor, beneficiary, r.createdBy);
      const actor = {
        kind: "user" as const,
        role: ctx.actor.role,
        isReferrer: relation.isReferrer,
        supervisesCase: relation.supervisesCase,
        focalPointOfService: false,
      };
      const category = SERVICE_CATEGORY[r.service];
      // The referrer wrote the reason; others need the category.
      const restricted =
        category !== undefined && access[category] === "restricted" && r.createdBy !== ctx.actor.id;
      const entries = history.get(r.id) ?? [];
      list.push({
        id: r.id,
        version: r.version,
        service: r.service,
        recipientKind: r.recipientKind,
        organisationName,
        urgency: r.urgency,
        reason: restricted ? "" : r.reason,
        restricted,
        sharePhone: r.sharePhone,
        state: effectiveState(r, now),
        overdue: isOverdue(r, now),
        dueAt: r.dueAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        createdByName,
        consentOverride:
          r.consentOverrideReason && r.consentOverrideAt
            ? {
                reason: restricted ? "" : r.consentOverrideReason,
                byName: overrideByName,
                at: r.consentOverrideAt.toISOString(),
              }
            : null,
        sourceScreeningId: r.sourceScreeningId,
        history: restricted ? entries.map((e) => ({ ...e, note: null })) : entries,
        actions: availableEvents(r, actor, now),
      });
    }
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "referrals",
      entityId: beneficiary.id,
      detail: { count: list.length },
    });
    return {
      referrals: list,
      canCreate: can(ctx.actor.role, "referral.create") && beneficiary.status !== "closed",
      caseNumber: beneficiary.caseNumber,
      name: `${beneficiary.familyName}, ${beneficiary.givenNames}`,
    };
  });
}
