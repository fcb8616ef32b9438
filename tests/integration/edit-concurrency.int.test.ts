import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, beneficiaries } from "@/db/schema";
import { getBeneficiary } from "@/lib/dal/beneficiaries/get-beneficiary";
import { reassignBeneficiary } from "@/lib/dal/beneficiaries/reassign-beneficiary";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import { updateBeneficiary } from "@/lib/dal/beneficiaries/update-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import { todayIso } from "@/lib/domain/age";
import type { RegistrationInput } from "@/lib/validation/beneficiary";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

type Biodata = Partial<RegistrationInput["biodata"]>;

let owner: DalContext; // TIP caseworker
let colleague: DalContext; // TIP caseworker
let supTip: DalContext;
let cwBen: DalContext;

beforeAll(async () => {
  [owner, colleague, supTip, cwBen] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("caseworker", "BEN"),
  ]);
});

let serial = 0;
/** A fresh case owned by `owner`, with a name no other test uses. */
async function freshCase(biodata: Biodata = {}) {
  serial += 1;
  const given = ["Amina", "Bashir", "Chiamaka", "Dawit", "Efua", "Fode", "Gamal"][serial % 7] ?? "Amina";
  const input = registration({
    familyName: `Kone${"x".repeat(serial)}`,
    givenNames: given,
    nationality: "CIV",
    dateOfBirth: `${1950 + serial * 4}-01-15`,
    ...biodata,
  });
  const created = await registerBeneficiary(owner, input);
  return { ...created, biodata: input.biodata };
}

async function rowOf(id: string) {
  const [row] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.id, id));
  if (!row) throw new Error("row vanished");
  return row;
}

async function auditCount(id: string, action: string): Promise<number> {
  const rows = await getDb()
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)));
  return rows.length;
}

describe("updateBeneficiary", () => {
  it("saves with the current version and bumps it", async () => {
    const c = await freshCase();
    const loaded = await getBeneficiary(owner, c.id);
    expect(loaded.version).toBe(1);
    const result = await updateBeneficiary(owner, {
      id: c.id,
      version: loaded.version,
      biodata: { ...c.biodata, phone: "+218 92 123 4567", languages: ["fr", "ar"] },
    });
    expect(result).toEqual({ version: 2 });
    const row = await rowOf(c.id);
    expect(row.version).toBe(2);
    expect(row.phone).toBe("+218 92 123 4567");
    expect(row.languages).toEqual(["fr", "ar"]);
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
    const [event] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, c.id), eq(auditEvents.action, "update")));
    expect(event?.detail).toEqual({ fields: expect.arrayContaining(["languages", "phone"]) });
    expect((event?.detail as { fields?: string[] } | undefined)?.fields).toHaveLength(2);
  });

  it("refuses a stale version with conflict and changes nothing", async () => {
    const c = await freshCase();
    const loadedByBoth = await getBeneficiary(owner, c.id);
    await updateBeneficiary(supTip, {
      id: c.id,
      version: loadedByBoth.version,
      biodata: { ...c.biodata, givenNames: "Saved First" },
    });
    const afterFirst = await rowOf(c.id);
    expect(afterFirst.version).toBe(2);

    await dalError(
      updateBeneficiary(owner, {
        id: c.id,
        version: loadedByBoth.version,
        biodata: { ...c.biodata, givenNames: "Saved Second", phone: "+218 91 555 5555" },
      }),
      "conflict",
    );
    const afterConflict = await rowOf(c.id);
    expect(afterConflict).toEqual(afterFirst);
    expect(await auditCount(c.id, "update")).toBe(1);
    const detail = await getBeneficiary(owner, c.id);
    expect(detail.givenNames).toBe("Saved First");
    expect(detail.phone).toBeNull();
    expect(detail.version).toBe(2);
  });

  it("refuses a version from the future too", async () => {
    const c = await freshCase();
    await dalError(updateBeneficiary(owner, { id: c.id, version: 7, biodata: c.biodata }), "conflict");
    expect((await rowOf(c.id)).version).toBe(1);
  });

  it("rejects a future date of birth as invalid and writes nothing", async () => {
    const c = await freshCase();
    const before = await rowOf(c.id);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const error = await dalError(
      updateBeneficiary(owner, {
        id: c.id,
        version: 1,
        biodata: { ...c.biodata, dateOfBirth: todayIso(tomorrow), givenNames: "Should Not Save" },
      }),
      "invalid",
    );
    expect(error.fieldErrors?.["biodata.dateOfBirth"]).toEqual(["futureDate"]);
    expect(await rowOf(c.id)).toEqual(before);
    expect(await auditCount(c.id, "update")).toBe(0);
  });

  it("reports every bad field at once", async () => {
    const c = await freshCase();
    const error = await dalError(
      updateBeneficiary(owner, {
        id: c.id,
        version: 1,
        biodata: { ...c.biodata, familyName: "  ", nationality: "ZZZ", detained: true },
      }),
      "invalid",
    );
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual([
      "biodata.detainedSince",
      "biodata.detentionCentre",
      "biodata.familyName",
      "biodata.nationality",
    ]);
    expect((await rowOf(c.id)).version).toBe(1);
  });
});

describe("reassignBeneficiary", () => {
  it("refuses an owner from another office, then hands the case to a colleague of the office", async () => {
    const c = await freshCase();
    expect((await getBeneficiary(owner, c.id)).ownerId).toBe(owner.actor.id);
    await dalError(getBeneficiary(colleague, c.id), "not_found");

    const refused = await dalError(
      reassignBeneficiary(supTip, { id: c.id, version: 1, ownerId: cwBen.actor.id }),
      "invalid",
    );
    expect(refused.fieldErrors?.ownerId).toEqual(["ownerNotEligible"]);
    expect((await rowOf(c.id)).ownerId).toBe(owner.actor.id);
    expect((await rowOf(c.id)).version).toBe(1);

    const result = await reassignBeneficiary(supTip, { id: c.id, version: 1, ownerId: colleague.actor.id });
    expect(result).toEqual({ version: 2 });
    const row = await rowOf(c.id);
    expect(row.ownerId).toBe(colleague.actor.id);
    expect(row.officeCode).toBe("TIP");
    expect(await auditCount(c.id, "reassign")).toBe(1);

    await dalError(getBeneficiary(owner, c.id), "not_found");
    await dalError(updateBeneficiary(owner, { id: c.id, version: 2, biodata: c.biodata }), "not_found");
    const detail = await getBeneficiary(colleague, c.id);
    expect(detail.ownerId).toBe(colleague.actor.id);
    expect(detail.version).toBe(2);
  });

  it("refuses a stale version with conflict", async () => {
    const c = await freshCase();
    await updateBeneficiary(owner, {
      id: c.id,
      version: 1,
      biodata: { ...c.biodata, phone: "+218 91 111 1111" },
    });
    await dalError(
      reassignBeneficiary(supTip, { id: c.id, version: 1, ownerId: colleague.actor.id }),
      "conflict",
    );
    expect((await rowOf(c.id)).ownerId).toBe(owner.actor.id);
  });

  it("refuses inactive users and roles that cannot own cases", async () => {
    const c = await freshCase();
    const [inactive, pm] = await Promise.all([
      makeUser("caseworker", "TIP", { active: false }),
      makeUser("programme_manager", "TIP"),
    ]);
    for (const target of [inactive, pm]) {
      const e = await dalError(
        reassignBeneficiary(supTip, { id: c.id, version: 1, ownerId: target.actor.id }),
        "invalid",
      );
      expect(e.fieldErrors?.ownerId).toEqual(["ownerNotEligible"]);
    }
    expect((await rowOf(c.id)).ownerId).toBe(owner.actor.id);
  });

  it("is forbidden to caseworkers", async () => {
    const c = await freshCase();
    await dalError(
      reassignBeneficiary(owner, { id: c.id, version: 1, ownerId: colleague.actor.id }),
      "forbidden",
    );
    expect((await rowOf(c.id)).ownerId).toBe(owner.actor.id);
  });
});
