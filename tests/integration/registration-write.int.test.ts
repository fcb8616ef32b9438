import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, beneficiaries, consents } from "@/db/schema";
import { LINK_DELAY_MS } from "@/lib/dal/audit/link-chain";
import { registerBeneficiary } from "@/lib/dal/beneficiaries/register-beneficiary";
import type { DalContext } from "@/lib/dal/context";
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

  it("writes nothing when the audit row cannot be written", async () => {
    const refusing = await makeUser("caseworker", "TIP");
    await getDb().execute(
      sql.raw(`create function refuse_probe_audit() returns trigger language plpgsql as $$
        begin
          if new.actor_id = '${refusing.actor.id}' then raise exception 'audit refused'; end if;
          return new;
        end $$`),
    );
    await getDb().execute(
      sql`create trigger refuse_probe_audit before insert on audit_events for each row execute function refuse_probe_audit()`,
    );
    try {
      await expect(
        registerBeneficiary(refusing, registration({ familyName: "Traoré", givenNames: "Fanta" })),
      ).rejects.toThrow();
    } finally {
      await getDb().execute(sql`drop trigger refuse_probe_audit on audit_events`);
      await getDb().execute(sql`drop function refuse_probe_audit()`);
    }
    expect(await peopleNamed("Traoré")).toHaveLength(0);
    const orphans = await getDb()
      .select({ id: consents.id })
      .from(consents)
      .where(eq(consents.recordedBy, refusing.actor.id));
    expect(orphans).toHaveLength(0);
  });

  it("draws another case number when the random one is already taken", async () => {
    const bytes = [1, 2, 3, 4, 5, 6];
    fixCaseNumberBytes(bytes, 1);
    const first = await registerBeneficiary(cw, registration({ familyName: "Sawadogo", givenNames: "Issa" }));
    fixCaseNumberBytes(bytes, 1);
    const second = await registerBeneficiary(
      cw,
      registration({ familyName: "Ouédraogo", givenNames: "Mariam" }),
    );
    expect(second.caseNumber).not.toBe(first.caseNumber);
    const [person] = await peopleNamed("Ouédraogo");
    expect(person?.caseNumber).toBe(second.caseNumber);
    expect(await consentsOf(second.id)).toHaveLength(4);
    expect(await auditOf(second.id)).toHaveLength(1);
  });

  it("gives up, writing nothing, when every number it draws is taken", async () => {
    const bytes = [9, 8, 7, 6, 5, 4];
    fixCaseNumberBytes(bytes, 1);
    await registerBeneficiary(cw, registration({ familyName: "Compaoré", givenNames: "Ali" }));
    fixCaseNumberBytes(bytes, 100);
    await expect(
      registerBeneficiary(cw, registration({ familyName: "Zongo", givenNames: "Rasmata" })),
    ).rejects.toThrow("could not allocate a case number");
    expect(await peopleNamed("Zongo")).toHaveLength(0);
  });
});
