import "server-only";
import { and, asc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { beneficiaries, partnerOrganisations, referrals, users } from "@/db/schema";
import {
  AWAITING_DECISION_STATES,
  CLOCKED_STATES,
  isReferralService,
  type RecipientKind,
  type ReferralService,
  type ReferralState,
  URGENCIES,
  type Urgency,
} from "@/lib/domain/referrals/catalogue";
import { availableEvents, type ReferralEvent } from "@/lib/domain/referrals/state-machine";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { expireOverdueReferrals } from "./expire-overdue-referrals";
import { historyOf } from "./history";

export interface QueueReferral {
  id: string;
  version: number;
  beneficiaryId: string;
  caseNumber: string;
  personName: string;
  service: ReferralService;
  recipientKind: RecipientKind;
  organisationName: string | null;
  urgency: Urgency;
  state: ReferralState;
  dueAt: string | null;
  referrerName: string;
  consentOverridden: boolean;
  /** The receiver's or the last actor's note: why it was declined or not completed. */
  lastNote: string | null;
  actions: ReferralEvent[];
}

export interface QueueFilters {
  service?: string;
  urgency?: string;
}

export interface ReferralQueue {
  awaitingApproval: QueueReferral[];
  overdue: QueueReferral[];
  awaitingDecision: QueueReferral[];
  filters: { service: ReferralService | null; urgency: Urgency | null };
}

/**
 * The referral sections of the supervisor's queue for the supervisor's office. Loading it first
 * stores the expiry of sent referrals whose deadline passed, so they appear as awaiting decision.
 */
export async function loadReferralQueue(
  ctx: DalContext,
  filters: QueueFilters = {},
  now: Date = new Date(),
): Promise<ReferralQueue> {
  authorize(ctx.actor, "referral.queue");
  const service = isReferralService(filters.service) ? filters.service : null;
  const urgency = (URGENCIES as readonly string[]).includes(filters.urgency ?? "")
    ? (filters.urgency as Urgency)
    : null;
  return withTransaction(ctx, async (tx) => {
    await expireOverdueReferrals(now, { tx });
    const referrer = alias(users, "referrer");
    const select = (where: SQL) =>
      tx
        .select({
          r: referrals,
          caseNumber: beneficiaries.caseNumber,
          familyName: beneficiaries.familyName,
          givenNames: beneficiaries.givenNames,
          organisationName: partnerOrganisations.name,
          referrerName: referrer.name,
          ownerId: beneficiaries.ownerId,
        })
        .from(referrals)
        .innerJoin(beneficiaries, eq(beneficiaries.id, referrals.beneficiaryId))
        .innerJoin(referrer, eq(referrer.id, referrals.createdBy))
        .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, referrals.organisationId))
        .where(
          and(
            eq(beneficiaries.officeCode, ctx.actor.officeCode),
            service ? eq(referrals.service, service) : undefined,
            urgency ? eq(referrals.urgency, urgency) : undefined,
            where,
          ),
        )
        .orderBy(asc(referrals.dueAt), asc(referrals.createdAt))
        .limit(200);
    const approval = await select(eq(referrals.state, "submitted"));
    const overdue = await select(
      and(inArray(referrals.state, [...CLOCKED_STATES]), lt(referrals.dueAt, now)) as SQL,
    );
    const decision = await select(inArray(referrals.state, [...AWAITING_DECISION_STATES]));
    const history = await historyOf(
      tx,
      decision.map((x) => x.r.id),
    );
    const toDto = (row: (typeof approval)[number]): QueueReferral => ({
      id: row.r.id,
      version: row.r.version,
      beneficiaryId: row.r.beneficiaryId,
      caseNumber: row.caseNumber,
      personName: `${row.familyName}, ${row.givenNames}`,
      service: row.r.service,
      recipientKind: row.r.recipientKind,
      organisationName: row.organisationName,
      urgency: row.r.urgency,
      state: row.r.state,
      dueAt: row.r.dueAt?.toISOString() ?? null,
      referrerName: row.referrerName,
      consentOverridden: row.r.consentOverrideReason !== null,
      lastNote: history.get(row.r.id)?.findLast((e) => e.note)?.note ?? null,
      // Every row is of the supervisor's own office: the supervisor supervises each of these cases.
      actions: availableEvents(
        row.r,
        {
          kind: "user",
          role: ctx.actor.role,
          isReferrer: row.r.createdBy === ctx.actor.id || row.ownerId === ctx.actor.id,
          supervisesCase: true,
          focalPointOfService: false,
        },
        now,
      ),
    });
    const queue = {
      awaitingApproval: approval.map(toDto),
      overdue: overdue.map(toDto),
      awaitingDecision: decision.map(toDto),
      filters: { service, urgency },
    };
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "referral_queue",
      detail: {
        awaitingApproval: queue.awaitingApproval.length,
        overdue: queue.overdue.length,
        awaitingDecision: queue.awaitingDecision.length,
      },
    });
    return queue;
  });
}
