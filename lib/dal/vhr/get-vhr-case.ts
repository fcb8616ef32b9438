import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import {
  beneficiaries,
  movementBookings,
  movements,
  partnerOrganisations,
  partnerServices,
  referrals,
  users,
  vhrCases,
  vhrEvents,
} from "@/db/schema";
import { todayIso } from "@/lib/domain/age";
import type { TravelDocumentType, VhrEvent, VhrStage } from "@/lib/domain/vhr/constants";
import { nextEvents, type VhrTransition } from "@/lib/domain/vhr/pipeline";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, type Tx, withTransaction } from "../context";
import { notFound } from "../errors";
import { requireVhrUnit, UUID } from "./access";
import { clearanceDto, type TravelClearanceDto, type TravelPerson, travelPerson } from "./dto";
import { type ChildFacts, childFacts, latestFitToTravel } from "./facts";

export interface VhrHistoryEntry {
  event: VhrEvent;
  fromStage: VhrStage | null;
  toStage: VhrStage;
  at: string;
  actorName: string;
  movementReference: string | null;
  detail: Record<string, unknown>;
}

export interface VhrCaseDetail {
  id: string;
  version: number;
  stage: VhrStage;
  person: TravelPerson;
  destinationCountry: string;
  request: { informedConsent: boolean; declaredOn: string; language: string; interpreter: string | null };
  counselledOn: string | null;
  nationalityVerifiedOn: string | null;
  interviewedOn: string | null;
  travelDocument: { type: TravelDocumentType; number: string; issuedOn: string; expiry: string } | null;
  arrivedOn: string | null;
  withdrawal: { at: string; reason: string } | null;
  handoff: { referralId: string; organisation: string; state: string } | null;
  fitToTravel: TravelClearanceDto | null;
  child: ChildFacts;
  booking: { id: string; movementId: string; reference: string; departsAt: string } | null;
  history: VhrHistoryEntry[];
  nextEvents: Array<VhrTransition["event"]>;
  /** Missions in countries of origin that take reintegration referrals, for the hand-off. */
  handoffOrganisations: Array<{ id: string; name: string }>;
}

export async function loadVhrCase(tx: Tx, id: string, lock = false) {
  if (!UUID.test(id)) return undefined;
  const q = tx
    .select({ c: vhrCases, b: beneficiaries })
    .from(vhrCases)
    .innerJoin(beneficiaries, eq(beneficiaries.id, vhrCases.beneficiaryId))
    .where(eq(vhrCases.id, id));
  const [row] = lock ? await q.for("update", { of: vhrCases }) : await q;
  return row;
}

export async function getVhrCase(ctx: DalContext, id: string): Promise<VhrCaseDetail> {
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "vhr.read");
    const row = await loadVhrCase(tx, id);
    if (!row) throw notFound();
    const { c, b } = row;
    const today = todayIso();
    const ftt = await latestFitToTravel(tx, [b.id]);
    const child = await childFacts(tx, b, today);
    const [booking] = await tx
      .select({
        id: movementBookings.id,
        movementId: movements.id,
        reference: movements.reference,
        departsAt: movements.departsAt,
      })
      .from(movementBookings)
      .innerJoin(movements, eq(movements.id, movementBookings.movementId))
      .where(and(eq(movementBookings.vhrCaseId, c.id), eq(movementBookings.status, "booked")));
    const history = await tx
      .select({ e: vhrEvents, actorName: users.name, reference: movements.reference })
      .from(vhrEvents)
      .innerJoin(users, eq(users.id, vhrEvents.actorId))
      .leftJoin(movements, eq(movements.id, vhrEvents.movementId))
      .where(eq(vhrEvents.vhrCaseId, c.id))
      .orderBy(desc(vhrEvents.at), desc(vhrEvents.id));
    let handoff: VhrCaseDetail["handoff"] = null;
    if (c.handoffReferralId) {
      const [h] = await tx
        .select({ id: referrals.id, state: referrals.state, organisation: partnerOrganisations.name })
        .from(referrals)
        .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, referrals.organisationId))
        .where(eq(referrals.id, c.handoffReferralId));
      if (h) handoff = { referralId: h.id, organisation: h.organisation, state: h.state };
    }
    const organisations = await tx
      .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
      .from(partnerOrganisations)
      .innerJoin(partnerServices, eq(partnerServices.organisationId, partnerOrganisations.id))
      .where(and(eq(partnerServices.service, "reintegration"), eq(partnerOrganisations.active, true)))
      .orderBy(asc(partnerOrganisations.name));
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "vhr_case",
      entityId: c.id,
      detail: { beneficiaryId: b.id },
    });
    return {
      id: c.id,
      version: c.version,
      stage: c.stage,
      person: travelPerson(b, today),
      destinationCountry: c.destinationCountry,
      request: {
        informedConsent: c.informedConsent,
        declaredOn: c.declaredOn,
        language: c.language,
        interpreter: c.interpreter,
      },
      counselledOn: c.counselledOn,
      nationalityVerifiedOn: c.nationalityVerifiedOn,
      interviewedOn: c.interviewedOn,
      travelDocument:
        c.travelDocumentType && c.travelDocumentNumber && c.travelDocumentIssuedOn && c.travelDocumentExpiry
          ? {
              type: c.travelDocumentType,
              number: c.travelDocumentNumber,
              issuedOn: c.travelDocumentIssuedOn,
              expiry: c.travelDocumentExpiry,
            }
          : null,
      arrivedOn: c.arrivedOn,
      withdrawal: c.withdrawnAt
        ? { at: c.withdrawnAt.toISOString(), reason: c.withdrawalReason ?? "" }
        : null,
      handoff,
      fitToTravel: clearanceDto(ftt.get(b.id)),
      child,
      booking: booking ? { ...booking, departsAt: booking.departsAt.toISOString() } : null,
      history: history.map(({ e, actorName, reference }) => ({
        event: e.event,
        fromStage: e.fromStage,
        toStage: e.toStage,
        at: e.at.toISOString(),
        actorName,
        movementReference: reference,
        detail: e.detail as Record<string, unknown>,
      })),
      // Booking and departure outcomes happen on a movement, not on the case page.
      nextEvents: nextEvents(c.stage).filter(
        (e) => !["book", "cancel_booking", "depart", "no_show", "offload"].includes(e),
      ),
      handoffOrganisations: organisations,
    };
  });
}
