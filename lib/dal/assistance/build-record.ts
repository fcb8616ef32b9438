import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import {
  type assistanceRecords,
  baladiyas,
  type beneficiaries,
  donorProjects,
  referrals,
  users,
} from "@/db/schema";
import { ageAt } from "@/lib/domain/age";
import { ASSISTANCE_TYPE_PROGRAMME } from "@/lib/domain/assistance";
import type { assistanceFieldsSchema } from "@/lib/validation/assistance";
import type { Actor, Tx } from "../context";
import { invalid } from "../errors";

type Fields = z.output<typeof assistanceFieldsSchema>;
type Beneficiary = typeof beneficiaries.$inferSelect;

/**
 * Checks what a record points at and takes the snapshots the roll-up counts by: age and population
 * type on the date of service. The office is the provider's: the office that delivered it.
 */
export async function buildRecord(
  tx: Tx,
  actor: Actor,
  b: Beneficiary,
  f: Fields,
  extra: { referralId?: string; replacesId?: string } = {},
): Promise<typeof assistanceRecords.$inferInsert> {
  if (f.serviceDate < b.dateOfBirth) throw invalid({ serviceDate: ["assistance.validation.beforeBirth"] });
  const [provider] = await tx
    .select({ id: users.id, officeCode: users.officeCode })
    .from(users)
    .where(
      and(
        eq(users.id, f.providedBy),
        eq(users.active, true),
        inArray(users.role, ["caseworker", "supervisor"]),
      ),
    );
  if (!provider) throw invalid({ providedBy: ["required"] });
  const [place] = await tx
    .select({ pcode: baladiyas.pcode })
    .from(baladiyas)
    .where(eq(baladiyas.pcode, f.baladiyaPcode));
  if (!place) throw invalid({ baladiyaPcode: ["required"] });
  if (f.donorProjectId) {
    const [project] = await tx
      .select({ id: donorProjects.id })
      .from(donorProjects)
      .where(and(eq(donorProjects.id, f.donorProjectId), eq(donorProjects.active, true)));
    if (!project) throw invalid({ donorProjectId: ["required"] });
  }
  if (extra.referralId) {
    const [referral] = await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.id, extra.referralId), eq(referrals.beneficiaryId, b.id)));
    if (!referral) throw invalid({ referralId: ["required"] });
  }
  return {
    beneficiaryId: b.id,
    assistanceType: f.assistanceType,
    programmeCode: ASSISTANCE_TYPE_PROGRAMME[f.assistanceType],
    serviceDate: f.serviceDate,
    baladiyaPcode: f.baladiyaPcode,
    officeCode: provider.officeCode,
    quantity: f.quantity,
    donorProjectId: f.donorProjectId ?? null,
    providedBy: provider.id,
    referralId: extra.referralId ?? null,
    populationType: b.populationType,
    detainedAtService: f.detained,
    ageAtService: ageAt(b.dateOfBirth, f.serviceDate),
    recordedBy: actor.id,
    replacesId: extra.replacesId ?? null,
  };
}
