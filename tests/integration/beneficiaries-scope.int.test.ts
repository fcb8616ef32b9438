import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, beneficiaries, caseAssignments } from "@/db/schema";
import type { Role } from "@/lib/authz";
import { getBeneficiary } from "@/lib/dal/beneficiaries/get-beneficiary";
import { listBeneficiaries } from "@/lib/dal/beneficiaries/list-beneficiaries";
import { reassignBeneficiary } from "@/lib/dal/beneficiaries/reassign-beneficiary";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import { updateBeneficiary } from "@/lib/dal/beneficiaries/update-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import type { RegistrationInput } from "@/lib/validation/beneficiary";
import { makeUser, registration } from "../support/factories";
import { dalError } from "./dal-assert";

/** Distinct people (name, nationality, date of birth) so that no registration trips the duplicate check. */
const PEOPLE: Array<Partial<RegistrationInput["biodata"]>> = [
  { familyName: "Okafor", givenNames: "Chinedu", nationality: "NGA", dateOfBirth: "1988-02-02" },
  { familyName: "Tesfaye", givenNames: "Yohannes", nationality: "ERI", dateOfBirth: "1992-07-07" },
  { familyName: "Mensah", givenNames: "Kwame", nationality: "GHA", dateOfBirth: "1985-11-11" },
  { familyName: "Haidara", givenNames: "Moussa", nationality: "MLI", dateOfBirth: "1979-04-04" },
  { familyName: "Rahman", givenNames: "Rafiq", nationality: "BGD", dateOfBirth: "1990-09-09" },
  {
    familyName: "Warsame",
    givenNames: "Hodan",
    sex: "female",
    nationality: "SOM",
    dateOfBirth: "1996-01-01",
  },
  { familyName: "Ndiaye", givenNames: "Fatou", sex: "female", nationality: "SEN", dateOfBirth: "1999-05-05" },
];

function person(i: number, overrides: Partial<RegistrationInput["biodata"]> = {}): RegistrationInput {
  return registration({ ...PEOPLE[i], ...overrides });
}

let cwA: DalContext; // TIP caseworker, owner of caseA
let cwB: DalContext; // TIP caseworker, owner of caseB
let cwAssigned: DalContext; // TIP caseworker, assigned to caseA through case_assignments
let supTip: DalContext;
let cwBen: DalContext;
let supBen: DalContext;
let noCaseRoles: Record<"programme_manager" | "bid_panel" | "admin", DalContext>;

let caseA: { id: string; caseNumber: string };
let caseB: { id: string; caseNumber: string };
let caseSupTip: { id: string; caseNumber: string };
let caseBen: { id: string; caseNumber: string };

beforeAll(async () => {
  [cwA, cwB, cwAssigned, supTip, cwBen, supBen] = await Promise.all([
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "TIP"),
    makeUser("caseworker", "BEN"),
    makeUser("supervisor", "BEN"),
  ]);
  const roles = ["programme_manager", "bid_panel", "admin"] as const satisfies readonly Role[];
  const [pm, bid, admin] = await Promise.all(roles.map((r) => makeUser(r, "TIP")));
  noCaseRoles = {
    programme_manager: pm as DalContext,
    bid_panel: bid as DalContext,
    admin: admin as DalContext,
  };

  caseA = await registerBeneficiary(cwA, person(0));
  caseB = await registerBeneficiary(cwB, person(1));
  caseSupTip = await registerBeneficiary(supTip, person(2));
  caseBen = await registerBeneficiary(cwBen, person(3, { baladiyaPcode: "LY010304" }));
  await getDb()
    .insert(caseAssignments)
    .values({ beneficiaryId: caseA.id, userId: cwAssigned.actor.id, assignedBy: supTip.actor.id });
});

async function detailFor(ctx: DalContext, id: string) {
  const detail = await getBeneficiary(ctx, id);
  return detail;
}

async function listIds(ctx: DalContext, query: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await listBeneficiaries(ctx, { ...query, after });
    ids.push(...result.items.map((i) => i.id));
    if (!result.nextCursor) return ids;
    after = result.nextCursor;
  }
  throw new Error("list did not end");
}

function updateInput(
  id: string,
  version: number,
  i: number,
  overrides: Partial<RegistrationInput["biodata"]> = {},
) {
  return { id, version, biodata: person(i, overrides).biodata };
}

describe("registerBeneficiary", () => {
  it("files a case under the registering user and their office", async () => {
    const [row] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.id, caseA.id));
    expect(row?.ownerId).toBe(cwA.actor.id);
    expect(row?.officeCode).toBe("TIP");
    expect(row?.createdBy).toBe(cwA.actor.id);
    expect(row?.caseNumber).toBe(caseA.caseNumber);
    const [ben] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.id, caseBen.id));
    expect(ben?.officeCode).toBe("BEN");
  });
});

describe("caseworker scope", () => {
  it("reads their own case", async () => {
    const detail = await detailFor(cwA, caseA.id);
    expect(detail.id).toBe(caseA.id);
    expect(detail.caseNumber).toBe(caseA.caseNumber);
    expect(detail.ownerId).toBe(cwA.actor.id);
    expect(detail.familyName).toBe("Okafor");
    expect(detail.consents).toHaveLength(4);
    expect(detail.permissions).toEqual({ update: true, reassign: false });
  });

  it("gets not_found for another caseworker's case, exactly like a random or malformed id", async () => {
    const other = await dalError(getBeneficiary(cwA, caseB.id), "not_found");
    const random = await dalError(getBeneficiary(cwA, randomUUID()), "not_found");
    const malformed = await dalError(getBeneficiary(cwA, "not-a-uuid"), "not_found");
    const injection = await dalError(getBeneficiary(cwA, `${caseB.id}' or '1'='1`), "not_found");
    for (const e of [random, malformed, injection]) {
      expect(e.message).toBe(other.message);
      expect(e.fieldErrors).toEqual(other.fieldErrors);
      expect(e.data).toEqual(other.data);
    }
    // A colleague of the same office is not "own" either.
    await dalError(getBeneficiary(cwB, caseA.id), "not_found");
    await dalError(getBeneficiary(cwA, caseSupTip.id), "not_found");
    await dalError(getBeneficiary(cwA, caseBen.id), "not_found");
  });

  it("cannot update another caseworker's case", async () => {
    await dalError(
      updateBeneficiary(cwA, updateInput(caseB.id, 1, 1, { givenNames: "Changed" })),
      "not_found",
    );
    const [row] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.id, caseB.id));
    expect(row?.givenNames).toBe("Yohannes");
    expect(row?.version).toBe(1);
  });

  it("reads, lists and updates a case they are assigned to", async () => {
    const detail = await detailFor(cwAssigned, caseA.id);
    expect(detail.ownerId).toBe(cwA.actor.id);
    expect(detail.assignees.map((a) => a.id)).toEqual([cwAssigned.actor.id]);
    expect(await listIds(cwAssigned)).toEqual([caseA.id]);
    const { version } = await updateBeneficiary(
      cwAssigned,
      updateInput(caseA.id, detail.version, 0, { phone: "+218 91 000 0000" }),
    );
    expect(version).toBe(detail.version + 1);
    expect((await detailFor(cwA, caseA.id)).phone).toBe("+218 91 000 0000");
  });

  it("lists only their own cases", async () => {
    expect(await listIds(cwA)).toEqual([caseA.id]);
    expect(await listIds(cwB)).toEqual([caseB.id]);
    expect(await listIds(cwBen)).toEqual([caseBen.id]);
    // A search cannot reach past the scope either.
    expect((await listBeneficiaries(cwA, { q: caseB.caseNumber })).items).toEqual([]);
    expect((await listBeneficiaries(cwA, { q: "Tesfaye Yohannes" })).items).toEqual([]);
  });

  it("cannot reassign", async () => {
    await dalError(
      reassignBeneficiary(cwA, { id: caseA.id, version: 1, ownerId: cwB.actor.id }),
      "forbidden",
    );
  });
});

describe("supervisor scope", () => {
  it("reads every case of their office", async () => {
    for (const c of [caseA, caseB, caseSupTip]) {
      const detail = await detailFor(supTip, c.id);
      expect(detail.officeCode).toBe("TIP");
      expect(detail.permissions).toEqual({ update: true, reassign: true });
    }
  });

  it("gets not_found for another office's case", async () => {
    await dalError(getBeneficiary(supTip, caseBen.id), "not_found");
    await dalError(getBeneficiary(supBen, caseA.id), "not_found");
    await dalError(
      updateBeneficiary(supTip, updateInput(caseBen.id, 1, 3, { baladiyaPcode: "LY010304" })),
      "not_found",
    );
    await dalError(
      reassignBeneficiary(supTip, { id: caseBen.id, version: 1, ownerId: supTip.actor.id }),
      "not_found",
    );
    const [row] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.id, caseBen.id));
    expect(row?.version).toBe(1);
    expect(row?.ownerId).toBe(cwBen.actor.id);
  });

  it("lists exactly the cases of their office", async () => {
    const tip = await listIds(supTip);
    expect(new Set(tip)).toEqual(new Set([caseA.id, caseB.id, caseSupTip.id]));
    expect(tip).toHaveLength(3);
    expect(await listIds(supBen)).toEqual([caseBen.id]);
    expect((await listBeneficiaries(supTip, { q: caseBen.caseNumber })).items).toEqual([]);
  });

  it("updates a case of their office", async () => {
    const detail = await detailFor(supTip, caseB.id);
    const { version } = await updateBeneficiary(
      supTip,
      updateInput(caseB.id, detail.version, 1, { languages: ["ti", "ar"] }),
    );
    expect(version).toBe(detail.version + 1);
    expect((await detailFor(cwB, caseB.id)).languages).toEqual(["ti", "ar"]);
  });
});

describe("roles without case access", () => {
  for (const role of ["programme_manager", "bid_panel", "admin"] as const) {
    it(`${role} is forbidden every beneficiary action`, async () => {
      const ctx = noCaseRoles[role];
      await dalError(registerBeneficiary(ctx, person(6)), "forbidden");
      await dalError(getBeneficiary(ctx, caseA.id), "forbidden");
      await dalError(getBeneficiary(ctx, randomUUID()), "forbidden");
      await dalError(listBeneficiaries(ctx, {}), "forbidden");
      await dalError(listBeneficiaries(ctx, { q: caseA.caseNumber }), "forbidden");
      await dalError(updateBeneficiary(ctx, updateInput(caseA.id, 1, 0)), "forbidden");
      await dalError(
        reassignBeneficiary(ctx, { id: caseA.id, version: 1, ownerId: cwB.actor.id }),
        "forbidden",
      );
      const rows = await getDb()
        .select()
        .from(beneficiaries)
        .where(eq(beneficiaries.createdBy, ctx.actor.id));
      expect(rows).toEqual([]);
      const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.actorId, ctx.actor.id));
      expect(audit).toEqual([]);
    });
  }
});

describe("audit", () => {
  it("records every read of a case, and nothing for a refused one", async () => {
    const reads = () =>
      getDb()
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.actorId, cwB.actor.id),
            eq(auditEvents.action, "read"),
            eq(auditEvents.entity, "beneficiary"),
          ),
        );
    const before = await reads();
    await getBeneficiary(cwB, caseB.id);
    const after = await reads();
    expect(after).toHaveLength(before.length + 1);
    const event = after.find((e) => !before.some((b) => b.id === e.id));
    expect(event).toMatchObject({
      actorId: cwB.actor.id,
      actorRole: "caseworker",
      action: "read",
      entity: "beneficiary",
      entityId: caseB.id,
      ip: "127.0.0.1",
    });
    await dalError(getBeneficiary(cwB, caseA.id), "not_found");
    expect(await reads()).toHaveLength(after.length);
  });
});
