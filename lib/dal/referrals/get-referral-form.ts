import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { consents } from "@/db/schema";
import { can } from "@/lib/authz";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { loadCatalogue, type ReferralCatalogue } from "./referral-config";

export interface ReferralFormData {
  beneficiaryId: string;
  caseNumber: string;
  name: string;
  hasPhone: boolean;
  consent: { services: boolean; sharing: boolean };
  catalogue: Omit<ReferralCatalogue, "settingsVersion">;
  canOverrideConsent: boolean;
}

/** What the new-referral form needs: the catalogue and whether the person's consent covers each kind of recipient. */
export async function getReferralForm(ctx: DalContext, beneficiaryId: string): Promise<ReferralFormData> {
  const scope = authorize(ctx.actor, "referral.create");
  return withTransaction(ctx, async (tx) => {
    const b = await findInScope(tx, ctx.actor, scope, beneficiaryId);
    if (!b || b.status === "closed") throw notFound();
    const rows = await tx
      .select({ purpose: consents.purpose, granted: consents.granted })
      .from(consents)
      .where(and(eq(consents.beneficiaryId, b.id), isNull(consents.supersededAt)));
    const granted = (p: string) => rows.some((r) => r.purpose === p && r.granted);
    const { settingsVersion: _, ...catalogue } = await loadCatalogue(tx);
    await recordAudit(tx, ctx, { action: "read", entity: "referral_form", entityId: b.id });
    return {
      beneficiaryId: b.id,
      caseNumber: b.caseNumber,
      name: `${b.familyName}, ${b.givenNames}`,
      hasPhone: Boolean(b.phone),
      consent: { services: granted("services"), sharing: granted("sharing") },
      catalogue: {
        ...catalogue,
        services: catalogue.services.filter((s) => s.active),
        organisations: catalogue.organisations.filter((o) => o.active),
      },
      canOverrideConsent:
        can(ctx.actor.role, "referral.override_consent") && b.officeCode === ctx.actor.officeCode,
    };
  });
}
