import "server-only";
import { beneficiaries } from "@/db/schema";
import { ageAt, todayIso } from "@/lib/domain/age";

type Row = typeof beneficiaries.$inferSelect;

/**
 * The columns a summary is made of. A list reads these and no more: not a person's phone,
 * vulnerabilities or detention details, which no list shows.
 */
export const summaryColumns = {
  id: beneficiaries.id,
  caseNumber: beneficiaries.caseNumber,
  familyName: beneficiaries.familyName,
  givenNames: beneficiaries.givenNames,
  nameAr: beneficiaries.nameAr,
  sex: beneficiaries.sex,
  dateOfBirth: beneficiaries.dateOfBirth,
  dobEstimated: beneficiaries.dobEstimated,
  nationality: beneficiaries.nationality,
  populationType: beneficiaries.populationType,
  baladiyaPcode: beneficiaries.baladiyaPcode,
  officeCode: beneficiaries.officeCode,
  status: beneficiaries.status,
  detained: beneficiaries.detained,
  uascStatus: beneficiaries.uascStatus,
  createdAt: beneficiaries.createdAt,
};

export type SummaryRow = Pick<Row, keyof typeof summaryColumns>;

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

export function toSummary(row: SummaryRow, ownerName: string, today = todayIso()): BeneficiarySummary {
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
