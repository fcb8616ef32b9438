import { randomBytes } from "node:crypto";
import { eq, sql, TransactionRollbackError } from "drizzle-orm";
import { getDb } from "../../db/client";
import {
  assistanceRecords,
  baladiyas,
  beneficiaries,
  donorProjects,
  indicatorAssistanceTypes,
  indicators,
  mantikas,
} from "../../db/schema";
import type { Tx } from "../../lib/dal/context";
import { queryIndicator, queryOverview } from "../../lib/dal/rollup/rollup-sql";
import { ageAt } from "../../lib/domain/age";
import { ASSISTANCE_TYPE_PROGRAMME, type AssistanceType } from "../../lib/domain/assistance";
import type { PopulationType, Sex } from "../../lib/domain/beneficiary";
import { formatCaseNumber } from "../../lib/domain/names";
import type { RefIndicator, RefPerson, RefService } from "../../lib/domain/rollup/brute-force";
import type { IndicatorCounts, RollupOverview, RollupQuery } from "../../lib/domain/rollup/types";

/** Inserts a person straight into the table (the registration path has its own tests). */
export async function insertPerson(
  ownerId: string,
  p: {
    sex: Sex;
    dateOfBirth: string;
    nationality: string;
    populationType: PopulationType;
    baladiyaPcode?: string;
  },
): Promise<string> {
  const [row] = await getDb()
    .insert(beneficiaries)
    .values({
      caseNumber: formatCaseNumber(2020, randomBytes(8)),
      familyName: "Test",
      givenNames: "Person",
      nameKey: "test person",
      sex: p.sex,
      dateOfBirth: p.dateOfBirth,
      nationality: p.nationality,
      populationType: p.populationType,
      baladiyaPcode: p.baladiyaPcode ?? "LY021104",
      officeCode: "TIP",
      ownerId,
      createdBy: ownerId,
    })
    .returning({ id: beneficiaries.id });
  if (!row) throw new Error("no row");
  return row.id;
}

export interface ServiceSpec {
  person: string;
  type: AssistanceType;
  date: string;
  baladiya?: string;
  office?: string;
  project?: string | null;
  detained?: boolean;
  populationType?: PopulationType;
}

/** Inserts service rows in one statement, with the snapshots the DAL would take. */
export async function insertServices(providerId: string, specs: readonly ServiceSpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  const db = getDb();
  const people = await db
    .select({ id: beneficiaries.id, dob: beneficiaries.dateOfBirth, pop: beneficiaries.populationType })
    .from(beneficiaries);
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows = await db
    .insert(assistanceRecords)
    .values(
      specs.map((s) => {
        const p = byId.get(s.person);
        if (!p) throw new Error("unknown person");
        return {
          beneficiaryId: s.person,
          assistanceType: s.type,
          programmeCode: ASSISTANCE_TYPE_PROGRAMME[s.type],
          serviceDate: s.date,
          baladiyaPcode: s.baladiya ?? "LY021104",
          officeCode: s.office ?? "TIP",
          quantity: 1,
          donorProjectId: s.project ?? null,
          providedBy: providerId,
          populationType: s.populationType ?? p.pop,
          detainedAtService: s.detained ?? false,
          ageAtService: Math.max(0, ageAt(p.dob, s.date)),
          recordedBy: providerId,
        };
      }),
    )
    .returning({ id: assistanceRecords.id });
  return rows.map((r) => r.id);
}

/** Everything the reference count needs, read back from the database. */
export async function loadReference(): Promise<{
  people: RefPerson[];
  services: RefService[];
  indicators: RefIndicator[];
}> {
  const db = getDb();
  const places = await db
    .select({ pcode: baladiyas.pcode, mantika: mantikas.pcode, region: mantikas.regionPcode })
    .from(baladiyas)
    .innerJoin(mantikas, eq(mantikas.pcode, baladiyas.mantikaPcode));
  const place = new Map(places.map((p) => [p.pcode, p]));
  const people = (
    await db
      .select({
        id: beneficiaries.id,
        sex: beneficiaries.sex,
        nationality: beneficiaries.nationality,
        dateOfBirth: beneficiaries.dateOfBirth,
      })
      .from(beneficiaries)
  ).map((p) => ({ ...p }));
  const services = (await db.select().from(assistanceRecords)).map((r) => {
    const pl = place.get(r.baladiyaPcode);
    if (!pl) throw new Error("unknown baladiya");
    return {
      beneficiaryId: r.beneficiaryId,
      type: r.assistanceType,
      date: r.serviceDate,
      baladiya: r.baladiyaPcode,
      mantika: pl.mantika,
      region: pl.region,
      office: r.officeCode,
      donorProjectId: r.donorProjectId,
      populationType: r.populationType,
      detained: r.detainedAtService,
      voided: r.voidedAt !== null,
    };
  });
  const defs = await db.select().from(indicators).where(eq(indicators.active, true));
  const types = await db.select().from(indicatorAssistanceTypes);
  return {
    people,
    services,
    indicators: defs.map((d) => ({
      code: d.code,
      programmeCode: d.programmeCode,
      types: types.filter((t) => t.indicatorCode === d.code).map((t) => t.assistanceType),
      populationTypes: d.populationTypes,
      ageMin: d.ageMin,
      ageMax: d.ageMax,
      detention: d.detention,
    })),
  };
}

export async function projectIds(): Promise<string[]> {
  return (await getDb().select({ id: donorProjects.id }).from(donorProjects).orderBy(donorProjects.code)).map(
    (p) => p.id,
  );
}

export function sqlOverview(q: RollupQuery, codes: readonly string[]): Promise<RollupOverview> {
  return getDb().transaction((tx: Tx) => queryOverview(tx, q, codes));
}

export function sqlIndicator(q: RollupQuery, code: string): Promise<IndicatorCounts> {
  return getDb().transaction((tx: Tx) => queryIndicator(tx, q, code));
}

/**
 * A view counted live from the facts even when its range is maintained: the range leaves
 * `rollup_cell_ranges` inside a transaction that is rolled back, so the cells are not read.
 */
async function live<T>(q: RollupQuery, read: (tx: Tx) => Promise<T>): Promise<T> {
  let out: { value: T } | undefined;
  try {
    await getDb().transaction(async (tx: Tx) => {
      await tx.execute(
        sql`delete from rollup_cell_ranges where start_date = ${q.start}::date and end_date = ${q.end}::date`,
      );
      out = { value: await read(tx) };
      tx.rollback();
    });
  } catch (e) {
    if (!(e instanceof TransactionRollbackError)) throw e;
  }
  if (!out) throw new Error("the live count did not run");
  return out.value;
}

export function liveOverview(q: RollupQuery, codes: readonly string[]): Promise<RollupOverview> {
  return live(q, (tx) => queryOverview(tx, q, codes));
}

export function liveIndicator(q: RollupQuery, code: string): Promise<IndicatorCounts> {
  return live(q, (tx) => queryIndicator(tx, q, code));
}

/** Starts a dataset afresh: assistance rows are never deleted by the application, only here. */
export async function clearAssistance(): Promise<void> {
  await getDb().execute(sql`truncate assistance_records, rollup_facts, rollup_cells, movement_bookings`);
}
