import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { caseAssignments, consents, users } from "@/db/schema";
import { can } from "@/lib/authz";
import type { ConsentGiver, ConsentPurpose } from "@/lib/domain/beneficiary";
import { canSeeCategory } from "../access/can-see-category";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { type BeneficiarySummary, toSummary } from "./dto";
import { findInScope } from "./scope";

export interface ConsentDto {
  purpose: ConsentPurpose;
  granted: boolean;
  givenBy: ConsentGiver | null;
  givenOn: string | null;
  vitalInterestReason: string | null;
  recordedAt: string;
}

export interface BeneficiaryDetail extends BeneficiarySummary {
  version: number;
  dateOfBirth: string;
  languages: string[];
  phone: string | null;
  detentionCentre: string | null;
  /** The detention centre and date are withheld: the actor lacks the "detention" category. */
  detentionRestricted: boolean;
  detainedSince: string | null;
  vulnerabilities: string[];
  ownerId: string;
  assignees: Array<{ id: string; name: string }>;
  consents: ConsentDto[];
  duplicateOverrideReason: string | null;
  updatedAt: string;
  permissions: { update: boolean; reassign: boolean };
}

/** The case page's data. Every read of a case is recorded. */
export async function getBeneficiary(ctx: DalContext, id: string): Promise<BeneficiaryDetail> {
  const scope = authorize(ctx.actor, "beneficiary.read");
  return withTransaction(ctx, async (tx) => {
    const row = await findInScope(tx, ctx.actor, scope, id);
    if (!row) throw notFound();
    // In scope: the rest is read in one pipelined batch (postgres.js sends queries issued together
    // at once on the transaction's connection), not one round trip each.
    const [[owner], assignees, consentRows, detentionVisible] = await Promise.all([
      tx.select({ name: users.name }).from(users).where(eq(users.id, row.ownerId)),
      tx
        .select({ id: users.id, name: users.name })
        .from(caseAssignments)
        .innerJoin(users, eq(users.id, caseAssignments.userId))
        .where(eq(caseAssignments.beneficiaryId, row.id)),
      tx
        .select()
        .from(consents)
        .where(and(eq(consents.beneficiaryId, row.id), isNull(consents.supersededAt)))
        .orderBy(asc(consents.purpose)),
      // Where and since when someone is detained is sensitive: only those who may see "detention" get it.
      canSeeCategory(tx, ctx.actor, row.id, "detention"),
    ]);
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "beneficiary",
      entityId: row.id,
      detail: detentionVisible ? {} : { restricted: ["detention"] },
    });
    return {
      ...toSummary(row, owner?.name ?? ""),
      version: row.version,
      dateOfBirth: row.dateOfBirth,
      languages: row.languages,
      phone: row.phone,
      detentionCentre: detentionVisible ? row.detentionCentre : null,
      detainedSince: detentionVisible ? row.detainedSince : null,
      detentionRestricted: !detentionVisible,
      vulnerabilities: row.vulnerabilities,
      ownerId: row.ownerId,
      assignees,
      consents: consentRows.map((c) => ({
        purpose: c.purpose,
        granted: c.granted,
        givenBy: c.givenBy,
        givenOn: c.givenOn,
        vitalInterestReason: c.vitalInterestReason,
        recordedAt: c.recordedAt.toISOString(),
      })),
      duplicateOverrideReason: row.duplicateOverrideReason,
      updatedAt: row.updatedAt.toISOString(),
      permissions: {
        update: can(ctx.actor.role, "beneficiary.update"),
        reassign: can(ctx.actor.role, "beneficiary.reassign"),
      },
    };
  });
}
