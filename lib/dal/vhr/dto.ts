import "server-only";
import type { beneficiaries, movements } from "@/db/schema";
import { ageAt, todayIso } from "@/lib/domain/age";
import type { Sex } from "@/lib/domain/beneficiary";
import type { FttCondition } from "@/lib/domain/screenings/fit-to-travel/v1";
import { missionLocal } from "@/lib/domain/vhr/constants";
import type { FitToTravelFacts } from "@/lib/domain/vhr/readiness";

/** The biodata travel needs, and nothing else of the case. */
export interface TravelPerson {
  beneficiaryId: string;
  caseNumber: string;
  name: string;
  nameAr: string | null;
  sex: Sex;
  dateOfBirth: string;
  age: number;
  nationality: string;
}

export function travelPerson(b: typeof beneficiaries.$inferSelect, today = todayIso()): TravelPerson {
  return {
    beneficiaryId: b.id,
    caseNumber: b.caseNumber,
    name: `${b.familyName}, ${b.givenNames}`,
    nameAr: b.nameAr,
    sex: b.sex,
    dateOfBirth: b.dateOfBirth,
    age: ageAt(b.dateOfBirth, today),
    nationality: b.nationality,
  };
}

/** The fit-to-travel outcome for logistics: outcome, conditions and validity, never findings. */
export interface TravelClearanceDto {
  outcome: string;
  conditions: FttCondition[];
  screenedAt: string;
  validUntil: string | null;
}

export function clearanceDto(f: FitToTravelFacts | null | undefined): TravelClearanceDto | null {
  if (!f) return null;
  return {
    outcome: f.outcome,
    conditions: [...f.conditions],
    screenedAt: f.screenedAt.toISOString(),
    validUntil: f.validUntil?.toISOString() ?? null,
  };
}

export interface MovementSummary {
  id: string;
  version: number;
  reference: string;
  kind: (typeof movements.$inferSelect)["kind"];
  departsAt: string;
  departureDate: string;
  /** Mission time, HH:MM. */
  departureTime: string;
  departureAirport: (typeof movements.$inferSelect)["departureAirport"];
  destinationCountry: string;
  destinationAirport: string;
  capacity: number;
  medicalEscorts: number;
  operationalEscorts: number;
  status: (typeof movements.$inferSelect)["status"];
}

export function movementSummary(m: typeof movements.$inferSelect): MovementSummary {
  return {
    id: m.id,
    version: m.version,
    reference: m.reference,
    kind: m.kind,
    departsAt: m.departsAt.toISOString(),
    departureDate: m.departureDate,
    departureTime: missionLocal(m.departsAt).time,
    departureAirport: m.departureAirport,
    destinationCountry: m.destinationCountry,
    destinationAirport: m.destinationAirport,
    capacity: m.capacity,
    medicalEscorts: m.medicalEscorts,
    operationalEscorts: m.operationalEscorts,
    status: m.status,
  };
}
