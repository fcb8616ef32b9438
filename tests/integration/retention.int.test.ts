import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  anonymisations,
  auditEvents,
  beneficiaries,
  caseStatusChanges,
  consents,
  indicators,
} from "@/db/schema";
import { mulberry32 } from "@/db/seed/synthetic";
import { recordAudit } from "@/lib/dal/audit/record-audit";
import { verifyAuditChain } from "@/lib/dal/audit/verify-chain";
import { runRetention } from "@/lib/dal/retention/run-retention";
import { ageAt } from "@/lib/domain/age";
import { ASSISTANCE_TYPES } from "@/lib/domain/assistance";
import { makeUser } from "../support/factories";
import {
  insertPerson,
  insertServices,
  type ServiceSpec,
  sqlIndicator,
  sqlOverview,
} from "../support/rollup-data";

const PLAN = { start: "2019-01-01", end: "2021-12-31" };
const NOW = new Date("2031-06-01T00:00:00Z");

let ownerId: string;
const closedLongAgo: string[] = [];
const closedRecently: string[] = [];
const open: string[] = [];

/** Every number the roll-up gives for the plan, overall and per indicator with its breakdowns. */
async function rollupNumbers() {
  const codes = (await getDb().select({ code: indicators.code }).from(indicators)).map((i) => i.code);
  const overview = await sqlOverview(PLAN, codes);
  const perIndicator = [];
  for (const code of codes) perIndicator.push(await sqlIndicator(PLAN, code));
  const distinct = await getDb().execute(sql`
    select count(distinct a.beneficiary_id)::int as people, count(*)::int as services,
      count(distinct (b.sex, b.nationality, b.baladiya_pcode, a.age_at_service))::int as cells
    from assistance_records a join beneficiaries b on b.id = a.beneficiary_id where a.voided_at is null`);
  return { overview, perIndicator, distinct };
}

beforeAll(async () => {
  ownerId = (await makeUser("caseworker", "TIP")).actor.id;
  const rng = mulberry32(20240611);
  const specs: ServiceSpec[] = [];
  for (let i = 0; i < 30; i++) {
    // Birthdays spread over the year so some services fall just before or after one.
    const year = 1950 + Math.floor(rng() * 60);
    const month = 1 + Math.floor(rng() * 12);
    const day = 1 + Math.floor(rng() * 28);
    const dob = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const id = await insertPerson(ownerId, {
      sex: rng() < 0.5 ? "female" : "male",
      dateOfBirth: i === 0 ? "2001-02-28" : dob,
      nationality: ["NER", "NGA", "SDN"][i % 3] ?? "NER",
      populationType: i % 2 ? "migrant" : "idp",
      baladiyaPcode: ["LY021104", "LY021401"][i % 2],
    });
    for (let s = 0; s < 3; s++) {
      const d = new Date(Date.UTC(2019, 0, 1) + Math.floor(rng() * 1090) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      specs.push({
        person: id,
        type: ASSISTANCE_TYPES[(i + s) % ASSISTANCE_TYPES.length] as ServiceSpec["type"],
        date: d,
      });
    }
    (i % 3 === 0 ? open : i % 3 === 1 ? closedLongAgo : closedRecently).push(id);
  }
  await insertServices(ownerId, specs);
  const close = async (ids: string[], at: string) => {
    await getDb().update(beneficiaries).set({ status: "closed" }).where(inArray(beneficiaries.id, ids));
    await getDb()
      .insert(caseStatusChanges)
      .values(
        ids.map((id) => ({
          beneficiaryId: id,
          fromStatus: "active" as const,
          toStatus: "closed" as const,
          changedBy: ownerId,
          changedAt: new Date(at),
          note: "Closed after return home",
        })),
      );
  };
  await close(closedLongAgo, "2022-01-15T00:00:00Z");
  await close(closedRecently, "2030-01-15T00:00:00Z");
  const first = closedLongAgo[0] ?? "";
  await getDb()
    .update(beneficiaries)
    .set({ phone: "+218 91 555 0000", nameAr: "اسم" })
    .where(eq(beneficiaries.id, first));
  await getDb().insert(consents).values({
    beneficiaryId: first,
    purpose: "tracing",
    granted: false,
    vitalInterestReason: "Found unconscious near the port",
    recordedBy: ownerId,
  });
  await getDb().transaction((tx) =>
    recordAudit(
      tx,
      { actor: { id: ownerId, role: "caseworker" } as never, ip: null },
      {
        action: "update",
        entity: "beneficiary",
        entityId: first,
        changes: { phone: { before: null, after: "+218 91 555 0000" } },
      },
    ),
  );
});

describe("retention", () => {
  it("anonymises closed cases past retention only, keeping the roll-up numbers identical", async () => {
    const before = await rollupNumbers();
    const report = await runRetention(getDb(), NOW);
    expect(report).toMatchObject({ anonymised: closedLongAgo.length, failed: 0 });
    expect(await rollupNumbers()).toEqual(before);

    const rows = await getDb().select().from(beneficiaries).where(inArray(beneficiaries.id, closedLongAgo));
    for (const row of rows) {
      expect(row).toMatchObject({
        familyName: "Anonymised",
        givenNames: "Anonymised",
        nameAr: null,
        nameKey: "",
        phone: null,
      });
    }
    const kept = await getDb()
      .select()
      .from(beneficiaries)
      .where(inArray(beneficiaries.id, [...open, ...closedRecently]));
    expect(kept.every((r) => r.familyName !== "Anonymised")).toBe(true);
    expect(await getDb().select().from(anonymisations)).toHaveLength(closedLongAgo.length);
  });

  it("removes free text and the audit log's changed values, keeping the chain intact", async () => {
    const first = closedLongAgo[0] ?? "";
    const [consent] = await getDb().select().from(consents).where(eq(consents.beneficiaryId, first));
    expect(consent?.vitalInterestReason).toBe("Anonymised");
    const notes = await getDb()
      .select()
      .from(caseStatusChanges)
      .where(eq(caseStatusChanges.beneficiaryId, first));
    expect(notes.every((n) => n.note === "Anonymised")).toBe(true);
    const values = await getDb().execute(
      sql`select v.* from audit_event_values v join audit_events e on e.id = v.event_id where e.entity_id = ${first}`,
    );
    expect(values).toHaveLength(0);
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, first));
    expect(events.map((e) => e.action)).toContain("anonymised");
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  it("is idempotent", async () => {
    expect(await runRetention(getDb(), NOW)).toMatchObject({ anonymised: 0, failed: 0 });
  });

  it("keeps each person's age at every service", async () => {
    const rows = await getDb().execute(sql`
      select b.date_of_birth as dob, a.service_date as d, a.age_at_service as age
      from assistance_records a join beneficiaries b on b.id = a.beneficiary_id`);
    for (const r of rows as unknown as Array<{ dob: string; d: string; age: number }>)
      expect(ageAt(r.dob, r.d)).toBe(r.age);
  });
});
