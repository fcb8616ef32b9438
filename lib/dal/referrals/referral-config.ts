import "server-only";
import { asc, eq } from "drizzle-orm";
import { partnerOrganisations, partnerServices, referralServices, referralSettings } from "@/db/schema";
import type { ReferralService, Urgency } from "@/lib/domain/referrals/catalogue";
import type { Tx } from "../context";
import { deadlineHours } from "./deadline-hours";

export interface PartnerOrganisationDto {
  id: string;
  version: number;
  code: string;
  name: string;
  active: boolean;
  services: ReferralService[];
}

export interface ReferralCatalogue {
  services: Array<{ service: ReferralService; internalUnit: boolean; active: boolean }>;
  organisations: PartnerOrganisationDto[];
  hours: Record<Urgency, number>;
  settingsVersion: number;
}

/** The catalogue, partner organisations and deadlines; no personal data. */
export async function loadCatalogue(tx: Tx): Promise<ReferralCatalogue> {
  const services = await tx.select().from(referralServices);
  const orgs = await tx.select().from(partnerOrganisations).orderBy(asc(partnerOrganisations.code));
  const links = await tx.select().from(partnerServices);
  const [settings] = await tx
    .select({ version: referralSettings.version })
    .from(referralSettings)
    .where(eq(referralSettings.id, 1));
  return {
    services: services.map((s) => ({ service: s.service, internalUnit: s.internalUnit, active: s.active })),
    organisations: orgs.map((o) => ({
      id: o.id,
      version: o.version,
      code: o.code,
      name: o.name,
      active: o.active,
      services: links.filter((l) => l.organisationId === o.id).map((l) => l.service),
    })),
    hours: await deadlineHours(tx),
    settingsVersion: settings?.version ?? 1,
  };
}
