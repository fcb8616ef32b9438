import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assistanceRecords, movementBookings, movements, vhrCases, vhrEvents } from "@/db/schema";
import type { DalContext } from "@/lib/dal/context";
import { createReferral } from "@/lib/dal/referrals/create-referral";
import { transitionReferral } from "@/lib/dal/referrals/transition-referral";
import { recordScreening } from "@/lib/dal/screenings/record-screening";
import { createMovement } from "@/lib/dal/vhr/create-movement";
import { recordVhrStep } from "@/lib/dal/vhr/record-vhr-step";
import { requestReturn } from "@/lib/dal/vhr/request-return";
import { todayIso } from "@/lib/domain/age";
import { missionLocal } from "@/lib/domain/vhr/constants";
import { makeUser, type registration } from "../support/factories";
import { focalPoint, personWith } from "./referrals-support";

export interface VhrActors {
  caseworker: DalContext;
  supervisor: DalContext;
  /** A focal point tied to the VHR service: a movement officer. */
  officer: DalContext;
}

export async function vhrActors(): Promise<VhrActors> {
  const [caseworker, supervisor, officer] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    focalPoint(["vhr"]),
  ]);
  return { caseworker, supervisor, officer };
}

export interface DocumentedCase {
  beneficiaryId: string;
  referralId: string;
  vhrCaseId: string;
}

/** Fit-to-travel answers with no findings: outcome "fit", no conditions. */
export const FTT_HEALTHY = {
  temperature: 36.7,
  systolic: 120,
  diastolic: 78,
  pulse: 72,
  respiratoryRate: 15,
  spo2: 98,
  pregnant: false,
  tbSymptoms: [],
  acuteIllness: "none",
  medication: "none",
  contraindication: false,
  mobility: "independent",
  escortNeeded: false,
  capacity: "yes",
};

/**
 * A person registered by the caseworker, referred to the VHR unit (internal), approved by the
 * supervisor (sent), accepted by the officer, then taken by the officer through the pipeline to
 * "documented" (or to `until`).
 */
export async function documentedCase(
  a: VhrActors,
  biodata: Parameters<typeof registration>[0] = {},
  until: "requested" | "documented" = "documented",
): Promise<DocumentedCase> {
  const person = await personWith(a.caseworker, ["services", "sharing"], biodata);
  const created = await createReferral(a.caseworker, {
    beneficiaryId: person.id,
    service: "vhr",
    recipientKind: "internal",
    urgency: "medium",
    reason: "Wishes to return home and asks for help with travel.",
    sharePhone: false,
  });
  const sent = await transitionReferral(a.supervisor, {
    id: created.id,
    version: created.version,
    event: "approve",
  });
  if (sent.state !== "sent") throw new Error(`referral is ${sent.state}, expected sent`);
  await transitionReferral(a.officer, { id: created.id, version: sent.version, event: "accept" });
  const today = todayIso();
  const { id: vhrCaseId } = await requestReturn(a.officer, {
    referralId: created.id,
    informedConsent: true,
    declaredOn: today,
    language: "Wolof",
    interpreter: "Staff interpreter",
    destinationCountry: biodata.nationality ?? "SEN",
  });
  const c = { beneficiaryId: person.id, referralId: created.id, vhrCaseId };
  if (until === "requested") return c;
  const steps = [
    { event: "record_counselling", on: today },
    { event: "verify_nationality", on: today },
    { event: "record_interview", on: today },
    {
      event: "issue_travel_document",
      documentType: "laissez_passer",
      documentNumber: `lp ${vhrCaseId.slice(0, 8)}`,
      issuedOn: today,
      expiry: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    },
  ] as const;
  for (const step of steps) {
    await recordVhrStep(a.officer, { ...step, vhrCaseId, version: (await caseRow(vhrCaseId)).version });
  }
  return c;
}

/** A fit-to-travel examination recorded now by the caseworker, through the DAL. */
export async function fitToTravel(
  caseworker: DalContext,
  beneficiaryId: string,
  answers: Record<string, unknown> = FTT_HEALTHY,
): Promise<{ id: string; outcome: string }> {
  const now = new Date();
  return recordScreening(
    caseworker,
    { beneficiaryId, instrument: "fit_to_travel", version: 1, screenedOn: todayIso(now), answers },
    now,
  );
}

/** A planned movement to Senegal leaving `hoursAhead` from now (mission time, UTC+2). */
export async function movementFor(
  officer: DalContext,
  options: { capacity?: number; hoursAhead?: number; medicalEscorts?: number; country?: string } = {},
): Promise<{ id: string; reference: string; departureDate: string }> {
  const departs = missionLocal(new Date(Date.now() + (options.hoursAhead ?? 2) * 3_600_000));
  const m = await createMovement(officer, {
    kind: "charter",
    departureDate: departs.date,
    departureTime: departs.time,
    departureAirport: "MJI",
    destinationCountry: options.country ?? "SEN",
    destinationAirport: "DSS",
    capacity: options.capacity ?? 10,
    medicalEscorts: options.medicalEscorts ?? 0,
    operationalEscorts: 1,
  });
  return { ...m, departureDate: departs.date };
}

export async function caseRow(id: string) {
  const [row] = await getDb().select().from(vhrCases).where(eq(vhrCases.id, id));
  if (!row) throw new Error("vhr case vanished");
  return row;
}

export async function bookingRow(id: string) {
  const [row] = await getDb().select().from(movementBookings).where(eq(movementBookings.id, id));
  if (!row) throw new Error("booking vanished");
  return row;
}

export async function movementRow(id: string) {
  const [row] = await getDb().select().from(movements).where(eq(movements.id, id));
  if (!row) throw new Error("movement vanished");
  return row;
}

export async function bookingsOfCase(vhrCaseId: string) {
  return getDb().select().from(movementBookings).where(eq(movementBookings.vhrCaseId, vhrCaseId));
}

export async function bookingsOnMovement(movementId: string) {
  return getDb().select().from(movementBookings).where(eq(movementBookings.movementId, movementId));
}

export async function eventsOfCase(vhrCaseId: string) {
  return getDb().select().from(vhrEvents).where(eq(vhrEvents.vhrCaseId, vhrCaseId)).orderBy(vhrEvents.at);
}

/** The person's "VHR departure" services: what the VHR-returns indicator counts. */
export async function departuresOf(beneficiaryId: string) {
  return getDb()
    .select()
    .from(assistanceRecords)
    .where(
      and(
        eq(assistanceRecords.beneficiaryId, beneficiaryId),
        eq(assistanceRecords.assistanceType, "vhr_departure"),
      ),
    );
}

export async function countDepartures(): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(assistanceRecords)
    .where(eq(assistanceRecords.assistanceType, "vhr_departure"));
  return row?.n ?? 0;
}
