import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { exportBeneficiaries } from "@/lib/dal/beneficiaries/export-beneficiaries";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

let caseworker: DalContext;
let supervisor: DalContext;

beforeAll(async () => {
  [caseworker, supervisor] = await Promise.all([
    makeUser("caseworker", "ZWA"),
    makeUser("supervisor", "ZWA"),
  ]);
  await registerBeneficiary(
    caseworker,
    registration({
      familyName: '=HYPERLINK("http://evil")',
      givenNames: "Amina",
      detained: true,
      detentionCentre: "Centre A",
      detainedSince: "2025-01-01",
    }),
  );
  const noSharing = registration({ familyName: "Konate", givenNames: "Issa", dateOfBirth: "1990-01-01" });
  noSharing.consent = { obtained: "yes", givenBy: "self", givenOn: "2024-01-10", purposes: ["services"] };
  await registerBeneficiary(caseworker, noSharing);
});

const input = {
  purpose: "partner_sharing" as const,
  justification: "Monthly list for the protection partner",
  format: "csv" as const,
};

describe("personal-data export", () => {
  it("needs a purpose and a justification, and is for supervisors only", async () => {
    const error = await dalError(
      exportBeneficiaries(supervisor, { ...input, purpose: "" as never, justification: "x" }),
      "invalid",
    );
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["justification", "purpose"]);
    await dalError(exportBeneficiaries(caseworker, input), "forbidden");
  });

  it("includes only people whose consent covers the purpose, leaves out detention without the grant, and logs the count", async () => {
    const result = await exportBeneficiaries(supervisor, input);
    expect(result.rows).toHaveLength(1);
    expect(result.excludedWithoutConsent).toBe(1);
    expect(result.columns).not.toContain("detention_centre");
    expect(result.excludedCategories).toEqual(["detention"]);
    expect(JSON.stringify(result.rows)).not.toContain("Centre A");
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "export"), eq(auditEvents.actorId, supervisor.actor.id)));
    expect(event?.detail).toMatchObject({
      purpose: "partner_sharing",
      rowCount: 1,
      excludedWithoutConsent: 1,
    });
    expect(JSON.stringify(event?.detail)).not.toContain("Amina");
  });

  it("includes detention columns for a holder of the detention grant", async () => {
    const granted = { ...supervisor, actor: { ...supervisor.actor, categories: ["detention" as const] } };
    const result = await exportBeneficiaries(granted, input);
    expect(result.columns).toContain("detention_centre");
    expect(result.rows[0]?.[result.columns.indexOf("detention_centre")]).toBe("Centre A");
  });
});
