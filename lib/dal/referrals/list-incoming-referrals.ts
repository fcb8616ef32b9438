import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { beneficiaries, consents, referrals } from "@/db/schema";
import { ageAt, todayIso } from "@/lib/domain/age";
import type { Sex } from "@/lib/domain/beneficiary";
import { assistanceLinkFor } from "@/lib/domain/referrals/assistance-link";
import {
  effectiveState,
  isOverdue,
  RECEIVED_STATES,
  type ReferralService,
  type ReferralState,
  type Urgency,
} from "@/lib/domain/referrals/catalogue";
import { availableEvents, type ReferralEvent } from "@/lib/domain/referrals/state-machine";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { servicesOf } from "./access";

/**
 * What a receiving service sees of a referral: the reason the referrer wrote, the urgency and the
 * minimal biodata to find and serve the person. Never the case, screenings, notes or other referrals;
 * the phone only when the referrer chose to share it and the person consented to sharing.
 */
export interface IncomingReferral {
  id: string;
  version: number;
  service: ReferralService;
  urgency: Urgency;
  reason: string;
  state: ReferralState;
  overdue: boolean;
  dueAt: string | null;
  person: {
    caseNumber: string;
    name: string;
    sex: Sex;
    age: number;
    nationality: string;
    phone: string | null;
  };
  actions: ReferralEvent[];
  /** After completion, where to record the assistance it led to — only for roles that may. */
  assistanceHref: string | null;
}

export const INCOMING_FILTERS = ["open", "all"] as const;
export type IncomingFilter = (typeof INCOMING_FILTERS)[number];

/** The focal point's queue: referrals sent to the services the user is tied to. */
export async function listIncomingReferrals(
  ctx: DalContext,
  filter: IncomingFilter = "open",
  now: Date = new Date(),
): Promise<IncomingReferral[]> {
  authorize(ctx.actor, "referral.respond");
  return withTransaction(ctx, async (tx) => {
    const services = await servicesOf(tx, ctx.actor.id);
    if (services.length === 0) return [];
    const states: ReferralState[] = filter === "open" ? ["sent", "accepted"] : [...RECEIVED_STATES];
    const rows = await tx
      .select({ r: referrals, b: beneficiaries, sharingConsent: consents.granted })
      .from(referrals)
      .innerJoin(beneficiaries, eq(beneficiaries.id, referrals.beneficiaryId))
      .leftJoin(
        consents,
        and(
          eq(consents.beneficiaryId, referrals.beneficiaryId),
          eq(consents.purpose, "sharing"),
          isNull(consents.supersededAt),
        ),
      )
      .where(
        and(
          eq(referrals.recipientKind, "internal"),
          inArray(referrals.service, services),
          inArray(referrals.state, states),
        ),
      )
      .orderBy(asc(referrals.dueAt), asc(referrals.id));
    const today = todayIso(now);
    const list = rows.map(({ r, b, sharingConsent }) => {
      const facts = { state: r.state, recipientKind: r.recipientKind, dueAt: r.dueAt };
      const actor = {
        kind: "user" as const,
        role: ctx.actor.role,
        isReferrer: false,
        supervisesCase: false,
        focalPointOfService: true,
      };
      return {
        id: r.id,
        version: r.version,
        service: r.service,
        urgency: r.urgency,
        reason: r.reason,
        state: effectiveState(facts, now),
        overdue: isOverdue(facts, now),
        dueAt: r.dueAt?.toISOString() ?? null,
        person: {
          caseNumber: b.caseNumber,
          name: `${b.familyName}, ${b.givenNames}`,
          sex: b.sex,
          age: ageAt(b.dateOfBirth, today),
          nationality: b.nationality,
          phone: r.sharePhone && sharingConsent === true ? b.phone : null,
        },
        actions: availableEvents(facts, actor, now),
        assistanceHref:
          r.state === "completed" ? assistanceLinkFor(ctx.actor.role, b.id, r.id, r.service) : null,
      } satisfies IncomingReferral;
    });
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "referrals_incoming",
      detail: { count: list.length, referralIds: list.map((x) => x.id) },
    });
    return list;
  });
}
