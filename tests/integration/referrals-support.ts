import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  consents,
  partnerOrganisations,
  partnerServices,
  referralEvents,
  referrals,
  userServices,
} from "@/db/schema";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import type { ReferralService } from "@/lib/domain/referrals/catalogue";
import { makeUser, registration } from "../support/factories";

let serial = 0;

/** A person registered by `owner`, with the given consent purposes (none = no consent recorded as given). */
export async function personWith(
  owner: DalContext,
  purposes: Array<"services" | "sharing">,
  biodata: Parameters<typeof registration>[0] = {},
) {
  serial += 1;
  const input = registration({
    familyName: `Referralperson${"q".repeat(serial)}`,
    givenNames: ["Awa", "Binta", "Cheikh", "Demba"][serial % 4] ?? "Awa",
    dateOfBirth: `${1960 + serial}-02-11`,
    nationality: "SEN",
    phone: "+218 91 234 5678",
    ...biodata,
  });
  input.consent = { obtained: "yes", givenBy: "self", givenOn: "2024-05-01", purposes };
  if (purposes.length === 0)
    input.consent = { obtained: "no", vitalInterestReason: "Unconscious on arrival at the centre" };
  // Test people share a name pattern on purpose; confirm they are distinct people.
  input.duplicateOverrideReason = "Different person: documents checked.";
  return registerBeneficiary(owner, input);
}

export async function focalPoint(services: ReferralService[], office = "TIP"): Promise<DalContext> {
  const ctx = await makeUser("focal_point", office);
  await getDb()
    .insert(userServices)
    .values(services.map((service) => ({ userId: ctx.actor.id, service })));
  return ctx;
}

export async function partner(code: string, services: ReferralService[]): Promise<string> {
  const [org] = await getDb()
    .insert(partnerOrganisations)
    .values({ code, name: `${code} organisation` })
    .returning({ id: partnerOrganisations.id });
  if (!org) throw new Error("no organisation");
  await getDb()
    .insert(partnerServices)
    .values(services.map((service) => ({ organisationId: org.id, service })));
  return org.id;
}

export async function referralRow(id: string) {
  const [row] = await getDb().select().from(referrals).where(eq(referrals.id, id));
  if (!row) throw new Error("referral vanished");
  return row;
}

export async function eventsOf(id: string) {
  return getDb()
    .select()
    .from(referralEvents)
    .where(eq(referralEvents.referralId, id))
    .orderBy(referralEvents.at);
}

export async function currentConsent(beneficiaryId: string) {
  return getDb().select().from(consents).where(eq(consents.beneficiaryId, beneficiaryId));
}
