import "server-only";
import type { beneficiaries } from "@/db/schema";
import { ageAt, todayIso } from "@/lib/domain/age";

type Row = typeof beneficiaries.$inferSelect;

export interface BeneficiarySummary {
  id: string;
  caseNumber: string;
  familyName: string;
  givenNames: string;
  nameAr: string | null;
  sex: Row["sex"];
  age: number;
  dobEstimated: boolean;
  nationality: string;
  populationType: Row["populationType"];
  baladiyaPcode: string;
  officeCode: string;
  status: Row["status"];
  detained: boolean;
  uascStatus: Row["uascStatus"];
  ownerName: string;
  registeredAt: string;
}

export function toSummary(row: Row, ownerName: string, today = todayIso()): BeneficiarySummary {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    familyName: row.familyName,
    givenNames: row.givenNames,
    nameAr: row.nameAr,
    sex: row.sex,
    age: ageAt(row.dateOfBirth, today),
    dobEstimated: row.dobEstimated,
    nationality: row.nationality,
    populationType: row.populationType,
    baladiyaPcode: row.baladiyaPcode,
    officeCode: row.officeCode,
    status: row.status,
    detained: row.detained,
    uascStatus: row.uascStatus,
    ownerName,
    registeredAt: row.createdAt.toISOString(),
  };
}
