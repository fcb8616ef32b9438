import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { partnerOrganisations, partnerServices } from "@/db/schema";
import { partnerOrganisationSchema } from "@/lib/validation/referral";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { parseInput } from "../parse";

/**
 * Adds a partner organisation, or edits one (name, active, the services it takes). Deactivating
 * keeps past referrals readable and only stops new ones.
 */
export async function savePartnerOrganisation(ctx: DalContext, input: unknown): Promise<{ id: string }> {
  authorize(ctx.actor, "referral.configure");
  const v = parseInput(partnerOrganisationSchema, input);
  const code = v.code.toUpperCase();
  return withTransaction(ctx, async (tx) => {
    const [clash] = await tx
      .select({ id: partnerOrganisations.id })
      .from(partnerOrganisations)
      .where(
        and(
          sql`upper(${partnerOrganisations.code}) = ${code}`,
          v.id ? ne(partnerOrganisations.id, v.id) : undefined,
        ),
      );
    if (clash) throw invalid({ code: ["referrals.validation.codeTaken"] });
    let id: string;
    if (v.id) {
      if (v.version === undefined) throw conflict();
      const [exists] = await tx
        .select({ id: partnerOrganisations.id })
        .from(partnerOrganisations)
        .where(eq(partnerOrganisations.id, v.id));
      if (!exists) throw notFound();
      const [updated] = await tx
        .update(partnerOrganisations)
        .set({
          code,
          name: v.name,
          active: v.active,
          version: sql`${partnerOrganisations.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(partnerOrganisations.id, v.id), eq(partnerOrganisations.version, v.version)))
        .returning({ id: partnerOrganisations.id });
      if (!updated) throw conflict();
      id = updated.id;
      await tx.delete(partnerServices).where(eq(partnerServices.organisationId, id));
    } else {
      const [created] = await tx
        .insert(partnerOrganisations)
        .values({ code, name: v.name, active: v.active })
        .returning({ id: partnerOrganisations.id });
      if (!created) throw new Error("organisation insert returned nothing");
      id = created.id;
    }
    const services = [...new Set(v.services)];
    if (services.length > 0)
      await tx.insert(partnerServices).values(services.map((service) => ({ organisationId: id, service })));
    await recordAudit(tx, ctx, {
      action: v.id ? "update" : "create",
      entity: "partner_organisation",
      entityId: id,
      detail: { code, active: v.active, services },
    });
    return { id };
  });
}
