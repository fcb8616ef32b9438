import { inspect } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, beneficiaries, consents } from "@/db/schema";
import { LINK_DELAY_MS } from "@/lib/dal/audit/link-chain";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import { updateBeneficiary } from "@/lib/dal/beneficiaries/update-beneficiary";
import type { DalContext } from "@/lib/dal/context";
import { DatabaseFailure } from "@/lib/dal/errors";
import { formatCaseNumber } from "@/lib/domain/names";
import { makeUser, registration } from "../support/factories";

/**
 * A registration writes the person, their four consent rows and the audit row in one statement
 * (lib/dal/context.ts, withOneStatement): all of them or nothing.
 */

let cw: DalContext;

beforeAll(async () => {
  cw = await makeUser("caseworker", "TIP");
});

afterEach(() => {
  vi.restoreAllMocks();
});

const peopleNamed = (familyName: string) =>
  getDb().select().from(beneficiaries).where(eq(beneficiaries.familyName, familyName));

const consentsOf = (beneficiaryId: string) =>
  getDb().select().from(consents).where(eq(consents.beneficiaryId, beneficiaryId));

const auditOf = (beneficiaryId: string) =>
  getDb().select().from(auditEvents).where(eq(auditEvents.entityId, beneficiaryId));

const realRandomValues = crypto.getRandomValues.bind(crypto);

/** Consent rows and "create" audit rows an actor has written. */
async function writtenBy(ctx: DalContext) {
  const consentRows = await getDb().select().from(consents).where(eq(consents.recordedBy, ctx.actor.id));
  const created = await getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, ctx.actor.id), eq(auditEvents.action, "create")));
  return { consents: consentRows.length, audit: created.length };
}

const numberOf = (bytes: number[]) => formatCaseNumber(new Date().getUTCFullYear(), Uint8Array.from(bytes));

/** Runs `work` while a trigger makes the database refuse the rows of `table` that match `when`. */
async function whileRefusing<T>(
  table: "audit_events" | "beneficiaries",
  event: "insert" | "update",
  when: string,
  work: () => Promise<T>,
): Promise<T> {
  await getDb().execute(
    sql.raw(`create function refuse_probe() returns trigger language plpgsql as $$
      begin
        if ${when} then raise exception 'refused'; end if;
        return new;
      end $$`),
  );
  await getDb().execute(
    sql.raw(
      `create trigger refuse_probe before ${event} on ${table} for each row execute function refuse_probe()`,
    ),
  );
  try {
    return await work();
  } finally {
    await getDb().execute(sql.raw(`drop trigger refuse_probe on ${table}`));
    await getDb().execute(sql`drop function refuse_probe()`);
  }
}

/** Makes newCaseNumber's random bytes these, for the next `times` draws. */
function fixCaseNumberBytes(bytes: number[], times: number) {
  let left = times;
  const fake = (array: Uint8Array) => {
    if (left > 0 && array.length === bytes.length) {
      left--;
      array.set(bytes);
      return array;
    }
    return realRandomValues(array);
  };
  vi.spyOn(crypto, "getRandomValues").mockImplementation(fake as typeof crypto.getRandomValues);
}

describe("registration's write", () => {
  it("writes the person, one consent row per purpose and the audit row, which is then linked", async () => {
    const created = await registerBeneficiary(cw, registration({ familyName: "Kaboré", givenNames: "Awa" }));
    const [person] = await peopleNamed("Kaboré");
    expect(person).toMatchObject({ id: created.id, caseNumber: created.caseNumber, ownerId: cw.actor.id });
    const rows = await consentsOf(created.id);
    expect(rows.map((r) => [r.purpose, r.granted]).sort()).toEqual(
      [
        ["reporting", false],
        ["services", true],
        ["sharing", true],
        ["tracing", false],
      ].sort(),
    );
    expect(rows.every((r) => r.givenBy === "self" && r.recordedBy === cw.actor.id)).toBe(true);
    // Consent ids are version 7 (migration 0037): the time of writing in their first 48 bits.
    for (const r of rows) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Math.abs(Number.parseInt(r.id.replace(/-/g, "").slice(0, 12), 16) - Date.now())).toBeLessThan(
        60_000,
      );
    }
    const [audit] = await auditOf(created.id);
    expect(audit).toMatchObject({ action: "create", entity: "beneficiary", actorId: cw.actor.id });
    await vi.waitFor(
      async () => {
        const [linked] = await auditOf(created.id);
        expect(linked?.chainSeq).not.toBeNull();
      },
      { timeout: 50 * LINK_DELAY_MS, interval: LINK_DELAY_MS },
    );
  });

  it("writes each registration's own consents and override through the one statement it keeps", async () => {
    // The write is built once and reused: rows that differ in what they set must still be written whole.
    const given = await registerBeneficiary(
      cw,
      registration({ familyName: "Tapsoba", givenNames: "Rasmata" }),
    );
    const vital = await registerBeneficiary(
      cw,
      registration(
        { familyName: "Nikiéma", givenNames: "Issa", nationality: "BFA", dateOfBirth: "2001-07-02" },
        { consent: { obtained: "no", vitalInterestReason: "Unconscious on arrival, needs care" } },
      ),
    );
    const override = await registerBeneficiary(
      cw,
      registration(
        { familyName: "Tapsoba", givenNames: "Rasmata" },
        { duplicateOverrideReason: "A cousin of the same name, seen together" },
      ),
    );
    const byPurpose = async (id: string) =>
      Object.fromEntries((await consentsOf(id)).map((c) => [c.purpose, c]));
    const yes = await byPurpose(given.id);
    expect(yes.services).toMatchObject({
      granted: true,
      givenBy: "self",
      givenOn: "2024-01-10",
      vitalInterestReason: null,
    });
    expect(yes.tracing).toMatchObject({ granted: false, givenBy: "self", givenOn: "2024-01-10" });
    const no = await byPurpose(vital.id);
    expect(no.services).toMatchObject({
      granted: false,
      givenBy: null,
      givenOn: null,
      vitalInterestReason: "Unconscious on arrival, needs care",
    });
    expect(no.sharing).toMatchObject({ granted: false, vitalInterestReason: null });
    const [first] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.id, given.id));
    const [second] = await getDb().select().from(beneficiaries).where(eq(beneficiaries.id, override.id));
    expect(first).toMatchObject({
      duplicateOverrideReason: null,
      duplicateCandidates: null,
      languages: ["fr"],
    });
    expect(second).toMatchObject({
      duplicateOverrideReason: "A cousin of the same name, seen together",
      duplicateCandidates: [given.caseNumber],
    });
    const [audit] = await auditOf(override.id);
    expect(audit?.detail).toEqual({ duplicateOverride: true });
  });

  it("writes nothing when the audit row cannot be written", async () => {
    const refusing = await makeUser("caseworker", "TIP");
    const error = await whileRefusing("audit_events", "insert", `new.actor_id = '${refusing.actor.id}'`, () =>
      registerBeneficiary(
        refusing,
        registration({ familyName: "Traoré", givenNames: "Fanta", dateOfBirth: "1987-11-23" }),
      ).catch((e: unknown) => e),
    );
    // The trigger's exception, without the statement's parameters: the server log must not name her.
    expect(error).toBeInstanceOf(DatabaseFailure);
    expect((error as DatabaseFailure).code).toBe("P0001");
    expect(inspect(error, { depth: 10 })).not.toMatch(/Traoré|Fanta|1987-11-23/);
    expect(await peopleNamed("Traoré")).toHaveLength(0);
    const orphans = await getDb()
      .select({ id: consents.id })
      .from(consents)
      .where(eq(consents.recordedBy, refusing.actor.id));
    expect(orphans).toHaveLength(0);
  });

  it("draws another case number when the random one is already taken", async () => {
    const redrawing = await makeUser("caseworker", "TIP");
    const bytes = [1, 2, 3, 4, 5, 6];
    fixCaseNumberBytes(bytes, 1);
    const first = await registerBeneficiary(
      redrawing,
      registration({ familyName: "Sawadogo", givenNames: "Issa" }),
    );
    expect(first.caseNumber).toBe(numberOf(bytes));
    fixCaseNumberBytes(bytes, 1);
    const second = await registerBeneficiary(
      redrawing,
      registration({ familyName: "Ouédraogo", givenNames: "Mariam" }),
    );
    expect(second.caseNumber).not.toBe(first.caseNumber);
    const [person] = await peopleNamed("Ouédraogo");
    expect(person?.caseNumber).toBe(second.caseNumber);
    // The attempt that failed left nothing behind.
    expect(await writtenBy(redrawing)).toEqual({ consents: 8, audit: 2 });
  });

  it("draws again within another use case's transaction without aborting it", async () => {
    const nested = await makeUser("caseworker", "TIP");
    const bytes = [3, 1, 4, 1, 5, 9];
    fixCaseNumberBytes(bytes, 1);
    await registerBeneficiary(nested, registration({ familyName: "Kouyaté", givenNames: "Sira" }));
    fixCaseNumberBytes(bytes, 1);
    const created = await getDb().transaction(async (tx) => {
      const inner = await registerBeneficiary(
        { ...nested, tx },
        registration({ familyName: "Diabaté", givenNames: "Toumani" }),
      );
      // The transaction is still usable after the redraw.
      await tx.select().from(beneficiaries).where(eq(beneficiaries.id, inner.id));
      return inner;
    });
    expect(created.caseNumber).not.toBe(numberOf(bytes));
    expect(await peopleNamed("Diabaté")).toHaveLength(1);
    expect(await writtenBy(nested)).toEqual({ consents: 8, audit: 2 });
  });

  it("gives up, writing nothing, when every number it draws is taken", async () => {
    const unlucky = await makeUser("caseworker", "TIP");
    const bytes = [9, 8, 7, 6, 5, 4];
    fixCaseNumberBytes(bytes, 1);
    await registerBeneficiary(unlucky, registration({ familyName: "Compaoré", givenNames: "Ali" }));
    fixCaseNumberBytes(bytes, 100);
    const error = await registerBeneficiary(
      unlucky,
      registration({ familyName: "Zongo", givenNames: "Rasmata" }),
    ).catch((e: unknown) => e);
    expect(error).toEqual(new Error("could not allocate a case number"));
    expect(inspect(error, { depth: 10 })).not.toMatch(/Zongo|Rasmata/);
    expect(await peopleNamed("Zongo")).toHaveLength(0);
    expect(await writtenBy(unlucky)).toEqual({ consents: 4, audit: 1 });
  });
});

describe("a failed use case's error", () => {
  it("names the failure, not the person, when a transaction's statement fails", async () => {
    const owner = await makeUser("caseworker", "TIP");
    const created = await registerBeneficiary(
      owner,
      registration({ familyName: "Keïta", givenNames: "Salif" }),
    );
    const error = await whileRefusing("beneficiaries", "update", "new.family_name = 'Sanogo'", () =>
      updateBeneficiary(owner, {
        id: created.id,
        version: 1,
        biodata: {
          ...registration().biodata,
          familyName: "Sanogo",
          givenNames: "Aminata",
          phone: "+218 91 765 4321",
        },
      }).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(DatabaseFailure);
    // The code and the statement's text, for whoever reads the log; no values.
    expect(error).toMatchObject({ code: "P0001" });
    expect((error as DatabaseFailure).statement).toMatch(/^update "beneficiaries" set/);
    expect(inspect(error, { depth: 10 })).not.toMatch(/Sanogo|Aminata|765 4321/);
    const [person] = await peopleNamed("Keïta");
    expect(person?.version).toBe(1);
  });
});
