import { inArray } from "drizzle-orm";
import type { ReferralService } from "../../lib/domain/referrals/catalogue";
import type { Database } from "../client";
import { partnerOrganisations, partnerServices, userServices, users } from "../schema";

/** Partner organisations and the services they take; the administrator edits them afterwards. */
export const PARTNERS: Array<{ code: string; name: string; services: ReferralService[] }> = [
  { code: "UNICEF", name: "UNICEF", services: ["child_protection", "bid", "health", "mhpss"] },
  { code: "UNHCR", name: "UNHCR", services: ["legal", "atd", "child_protection", "bid"] },
  { code: "IMC", name: "International Medical Corps", services: ["health", "mhpss"] },
  { code: "IRC", name: "International Rescue Committee", services: ["mhpss", "direct_assistance", "legal"] },
  {
    code: "DRC",
    name: "Danish Refugee Council",
    services: ["direct_assistance", "legal", "child_protection"],
  },
  { code: "WFP", name: "World Food Programme", services: ["direct_assistance"] },
  // Missions in the main countries of return, for the reintegration hand-off after arrival.
  { code: "MISSION-NER", name: "Mission in Niger (reintegration)", services: ["reintegration"] },
  { code: "MISSION-NGA", name: "Mission in Nigeria (reintegration)", services: ["reintegration"] },
  { code: "MISSION-SDN", name: "Mission in Sudan (reintegration)", services: ["reintegration"] },
  { code: "MISSION-MLI", name: "Mission in Mali (reintegration)", services: ["reintegration"] },
  { code: "MISSION-GHA", name: "Mission in Ghana (reintegration)", services: ["reintegration"] },
  { code: "MISSION-TCD", name: "Mission in Chad (reintegration)", services: ["reintegration"] },
];

/** Which services each demo focal point handles. */
export const FOCAL_POINT_SERVICES: Record<string, ReferralService[]> = {
  "focal.vhr@sanad.example": ["vhr", "reintegration"],
  "focal.mhpss@sanad.example": ["mhpss"],
  "focal.cp@sanad.example": ["child_protection", "bid"],
};

/** Idempotent: organisations by code, links and focal point ties only where missing. */
export async function seedReferralCatalogue(db: Database): Promise<void> {
  const existing = await db
    .select({ id: partnerOrganisations.id, code: partnerOrganisations.code })
    .from(partnerOrganisations);
  for (const partner of PARTNERS) {
    if (existing.some((o) => o.code.toUpperCase() === partner.code)) continue;
    const [created] = await db
      .insert(partnerOrganisations)
      .values({ code: partner.code, name: partner.name })
      .returning({ id: partnerOrganisations.id });
    if (created)
      await db
        .insert(partnerServices)
        .values(partner.services.map((service) => ({ organisationId: created.id, service })))
        .onConflictDoNothing();
  }
  const focal = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, Object.keys(FOCAL_POINT_SERVICES)));
  for (const user of focal) {
    const services = FOCAL_POINT_SERVICES[user.email] ?? [];
    if (services.length === 0) continue;
    await db
      .insert(userServices)
      .values(services.map((service) => ({ userId: user.id, service })))
      .onConflictDoNothing();
  }
}
