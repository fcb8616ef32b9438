import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { beneficiaries, caseAssignments } from "@/db/schema";
import { listBeneficiaries, PAGE_SIZE, SEARCH_SIMILARITY } from "@/lib/dal/beneficiaries/list-beneficiaries";
import type { DalContext } from "@/lib/dal/context";
import { AGE_GROUPS, ageAt, ageGroupOf, todayIso } from "@/lib/domain/age";
import { nameKey } from "@/lib/domain/names";
import { makeUser } from "../support/factories";

const TIP_ROWS = 60;
const BEN_ROWS = 6;
const SEARCH = "Diallo Amadou";

interface Seeded {
  id: string;
  office: "TIP" | "BEN";
  ownerId: string;
  sex: "female" | "male" | "unknown";
  dateOfBirth: string;
  nationality: string;
  baladiyaPcode: string;
  detained: boolean;
}

let supTip: DalContext;
let cwTip1: DalContext;
let cwTip2: DalContext;
let supBen: DalContext;
const seeded: Seeded[] = [];

const DIALLO_FAMILIES = ["Diallo", "Dialo", "Djallo", "Diallo"];
const DIALLO_GIVEN = ["Amadou", "Amadou Oumar", "Ahmadou", "Amadou Sekou", "Amadu", "Mamadou"];
const OTHER_FAMILIES = ["Traore", "Keita", "Hassan", "Okafor", "Bello", "Mensah", "Ndiaye", "Zeid"];
const OTHER_GIVEN = ["Fatima", "Yusuf", "Grace", "Ali", "Halima"];
const AGES = [2, 8, 15, 30, 45, 70];
const NATIONALITIES = ["NER", "TCD", "SDN", "NGA", "EGY"];
const BALADIYAS = ["LY021104", "LY021102", "LY010304", "LY031901", "LY021106"];
const SEXES = ["female", "male", "unknown"] as const;

/** Inserted directly: 60 cases are too many to register one by one through the duplicate check. */
async function seed(count: number, office: "TIP" | "BEN", owners: DalContext[], offset: number) {
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const rows: Array<PgInsertValue<typeof beneficiaries>> = [];
  for (let n = 0; n < count; n++) {
    const i = n + offset;
    const diallo = n < count / 2 + 3;
    const familyName = diallo
      ? (DIALLO_FAMILIES[i % DIALLO_FAMILIES.length] as string)
      : (OTHER_FAMILIES[i % OTHER_FAMILIES.length] as string);
    const givenNames = diallo
      ? (DIALLO_GIVEN[i % DIALLO_GIVEN.length] as string)
      : (OTHER_GIVEN[i % OTHER_GIVEN.length] as string);
    const age = (AGES[i % AGES.length] as number) + (i % 3);
    const dateOfBirth = `${year - age - 1}-${String((i % 12) + 1).padStart(2, "0")}-10`;
    const child = ageAt(dateOfBirth, today) < 18;
    const detained = i % 4 === 0;
    const owner = owners[i % owners.length] as DalContext;
    const row = {
      id: randomUUID(),
      caseNumber: `LBY-25-${office === "TIP" ? "P" : "B"}${String(i).padStart(5, "0")}`,
      familyName,
      givenNames,
      nameKey: nameKey(familyName, givenNames),
      sex: SEXES[i % SEXES.length] as Seeded["sex"],
      dateOfBirth,
      nationality: NATIONALITIES[i % NATIONALITIES.length] as string,
      populationType: "migrant" as const,
      baladiyaPcode: BALADIYAS[i % BALADIYAS.length] as string,
      detained,
      detentionCentre: detained ? "Tariq al-Sikka" : null,
      detainedSince: detained ? "2024-01-01" : null,
      uascStatus: child ? ("accompanied" as const) : null,
      officeCode: office,
      ownerId: owner.actor.id,
      createdBy: owner.actor.id,
      // Three cases share each timestamp, with microseconds, so the id must break ties.
      createdAt: sql`timestamptz '2025-03-01 08:00:00+00' + ${Math.floor(i / 3)}::int * interval '1.000123 second'`,
    };
    rows.push(row);
    seeded.push({
      id: row.id,
      office,
      ownerId: row.ownerId,
      sex: row.sex,
      dateOfBirth,
      nationality: row.nationality,
      baladiyaPcode: row.baladiyaPcode,
      detained,
    });
  }
  await getDb().insert(beneficiaries).values(rows);
}

beforeAll(async () => {
  [supTip, cwTip1, cwTip2, supBen] = await Promise.all([
    makeUser("supervisor", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("caseworker", "TIP"),
    makeUser("supervisor", "BEN"),
  ]);
  await seed(TIP_ROWS, "TIP", [cwTip1, cwTip2], 0);
  // Another office's cases interleave in time and share names; none may show up for TIP.
  await seed(BEN_ROWS, "BEN", [supBen], 1);
});

/** Follows nextCursor to the end, checking each page on the way. */
async function collect(ctx: DalContext, query: Record<string, unknown> = {}) {
  const ids: string[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await listBeneficiaries(ctx, { ...query, after });
    pages += 1;
    expect(page.items.length).toBeLessThanOrEqual(PAGE_SIZE);
    if (page.nextCursor) expect(page.items).toHaveLength(PAGE_SIZE);
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return { ids, pages, searchMode: page.searchMode };
    if (pages > 10) throw new Error("pagination does not end");
    after = page.nextCursor;
  }
}

async function orderedIds(query: ReturnType<typeof sql>): Promise<string[]> {
  const rows = await getDb().execute<{ id: string }>(query);
  return rows.map((r) => r.id);
}

function tipIds(filter: (s: Seeded) => boolean = () => true): string[] {
  return seeded
    .filter((s) => s.office === "TIP" && filter(s))
    .map((s) => s.id)
    .sort();
}

describe("keyset pagination", () => {
  it("seeds what the tests expect", async () => {
    expect(tipIds()).toHaveLength(TIP_ROWS);
  });

  it("registered_desc pages through every case of the office exactly once, in order", async () => {
    const { ids, pages } = await collect(supTip, { sort: "registered_desc" });
    expect(pages).toBe(Math.ceil(TIP_ROWS / PAGE_SIZE));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      await orderedIds(
        sql`select id from beneficiaries where office_code = 'TIP' order by created_at desc, id desc`,
      ),
    );
  });

  it("registered_asc pages through every case exactly once, in order", async () => {
    const { ids } = await collect(supTip, { sort: "registered_asc" });
    expect(ids).toEqual(
      await orderedIds(
        sql`select id from beneficiaries where office_code = 'TIP' order by created_at asc, id asc`,
      ),
    );
  });

  it("name_asc pages through every case exactly once, in order", async () => {
    const { ids } = await collect(supTip, { sort: "name_asc" });
    expect(ids).toEqual(
      await orderedIds(
        sql`select id from beneficiaries where office_code = 'TIP' order by family_name asc, id asc`,
      ),
    );
  });

  it("a name search pages through every match exactly once, best first", async () => {
    const key = nameKey(SEARCH);
    const expected = await orderedIds(
      sql`select id from beneficiaries where office_code = 'TIP' and similarity(name_key, ${key}) >= ${SEARCH_SIMILARITY}::real
          order by name_key <-> ${key}, search_seq`,
    );
    expect(expected.length).toBeGreaterThan(PAGE_SIZE);
    expect(expected.length).toBeLessThan(TIP_ROWS);
    const { ids, pages, searchMode } = await collect(supTip, { q: SEARCH });
    expect(searchMode).toBe("name");
    expect(pages).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
  });

  it("a name shared by many more cases than a page still pages through each exactly once, in order", async () => {
    // Misrata: 150 cases with one name, a few near spellings: ties in distance page in registration order.
    const supMra = await makeUser("supervisor", "MRA");
    const names = [
      ...Array.from({ length: 150 }, () => ["Bah", "Ousmane"]),
      ["Ba", "Ousmane"],
      ["Bah", "Usman"],
      ["Bah", "Ousman"],
    ];
    await getDb()
      .insert(beneficiaries)
      .values(
        names.map(([familyName, givenNames], i) => ({
          caseNumber: `LBY-25-M${String(i).padStart(5, "0")}`,
          familyName: familyName as string,
          givenNames: givenNames as string,
          nameKey: nameKey(familyName, givenNames),
          sex: "male" as const,
          dateOfBirth: "1990-01-01",
          nationality: "GIN",
          populationType: "migrant" as const,
          baladiyaPcode: "LY021401",
          officeCode: "MRA",
          ownerId: supMra.actor.id,
          createdBy: supMra.actor.id,
        })),
      );
    const key = nameKey("Bah Ousmane");
    const expected = await orderedIds(
      sql`select id from beneficiaries where office_code = 'MRA' and similarity(name_key, ${key}) >= ${SEARCH_SIMILARITY}::real
          order by name_key <-> ${key}, search_seq`,
    );
    expect(expected.length).toBeGreaterThanOrEqual(150);
    const { ids, pages } = await collect(supMra, { q: "Bah Ousmane" });
    expect(pages).toBe(Math.ceil(expected.length / PAGE_SIZE));
    expect(ids).toEqual(expected);
  });

  it("a caseworker pages through exactly their own cases", async () => {
    for (const cw of [cwTip1, cwTip2]) {
      const { ids } = await collect(cw, { sort: "registered_desc" });
      expect([...ids].sort()).toEqual(tipIds((s) => s.ownerId === cw.actor.id));
      expect(ids.length).toBeGreaterThan(PAGE_SIZE);
    }
  });

  it("a caseworker's name search finds exactly their own and assigned matches, best first", async () => {
    const key = nameKey(SEARCH);
    // A colleague's Diallo assigned to cwTip1 is theirs to find too; the colleague's others are not.
    const [assigned] = await orderedIds(
      sql`select id from beneficiaries where owner_id = ${cwTip2.actor.id}
          and similarity(name_key, ${key}) >= ${SEARCH_SIMILARITY}::real order by id limit 1`,
    );
    if (!assigned) throw new Error("no colleague's match to assign");
    // And one of their own matches assigned to them as well: still found once.
    const [ownAndAssigned] = await orderedIds(
      sql`select id from beneficiaries where owner_id = ${cwTip1.actor.id}
          and similarity(name_key, ${key}) >= ${SEARCH_SIMILARITY}::real order by id limit 1`,
    );
    if (!ownAndAssigned) throw new Error("no own match to assign");
    await getDb()
      .insert(caseAssignments)
      .values([
        { beneficiaryId: assigned, userId: cwTip1.actor.id, assignedBy: supTip.actor.id },
        { beneficiaryId: ownAndAssigned, userId: cwTip1.actor.id, assignedBy: supTip.actor.id },
      ]);
    try {
      const expected = await orderedIds(
        sql`select id from beneficiaries b
            where (owner_id = ${cwTip1.actor.id} or exists (select 1 from case_assignments a
                where a.beneficiary_id = b.id and a.user_id = ${cwTip1.actor.id}))
              and similarity(name_key, ${key}) >= ${SEARCH_SIMILARITY}::real
            order by name_key <-> ${key}, search_seq`,
      );
      expect(expected).toContain(assigned);
      expect(expected.length).toBeGreaterThan(5);
      const { ids, searchMode } = await collect(cwTip1, { q: SEARCH });
      expect(searchMode).toBe("name");
      expect(ids).toEqual(expected);
      const sexOf = (id: string) => seeded.find((s) => s.id === id)?.sex;
      const { ids: men } = await collect(cwTip1, { q: SEARCH, sex: "male" });
      expect(men).toEqual(expected.filter((id) => sexOf(id) === "male"));
      expect(men.length).toBeGreaterThan(0);
    } finally {
      await getDb().delete(caseAssignments).where(sql`${caseAssignments.userId} = ${cwTip1.actor.id}`);
    }
  });

  it("a caseworker's name search runs without parallel workers, and only that search", async () => {
    // In a transaction that first allows three workers, whatever the server's default; read after
    // the search, in the same transaction, where the setting lasts until its end.
    const workersAfter = (ctx: DalContext, query: Record<string, string>) =>
      getDb().transaction(async (tx) => {
        await tx.execute(sql`set local max_parallel_workers_per_gather = 3`);
        const { items } = await listBeneficiaries({ ...ctx, tx }, query);
        const [row] = (await tx.execute(
          sql`select current_setting('max_parallel_workers_per_gather') as workers`,
        )) as unknown as Array<{ workers: string }>;
        return { found: items.length, workers: row?.workers };
      });
    const own = await workersAfter(cwTip1, { q: SEARCH });
    expect(own.found).toBeGreaterThan(0);
    expect(own.workers).toBe("0");
    expect(await workersAfter(supTip, { q: SEARCH })).toEqual({ found: PAGE_SIZE, workers: "3" });
    expect((await workersAfter(cwTip1, {})).workers).toBe("3");
  });

  it("the other office sees only its own cases", async () => {
    const { ids } = await collect(supBen);
    expect(ids).toHaveLength(BEN_ROWS);
    expect(ids.every((id) => seeded.find((s) => s.id === id)?.office === "BEN")).toBe(true);
  });
});

describe("filters", () => {
  const today = todayIso();

  it("sex", async () => {
    for (const sex of SEXES) {
      const { ids } = await collect(supTip, { sex });
      expect([...ids].sort()).toEqual(tipIds((s) => s.sex === sex));
    }
  });

  it("ageGroup", async () => {
    let total = 0;
    for (const ageGroup of AGE_GROUPS) {
      const { ids } = await collect(supTip, { ageGroup });
      const expected = tipIds((s) => ageGroupOf(ageAt(s.dateOfBirth, today)) === ageGroup);
      expect([...ids].sort()).toEqual(expected);
      total += ids.length;
    }
    expect(total).toBe(TIP_ROWS);
  });

  it("nationality", async () => {
    for (const nationality of ["NGA", "EGY", "ERI"]) {
      const { ids } = await collect(supTip, { nationality });
      expect([...ids].sort()).toEqual(tipIds((s) => s.nationality === nationality));
    }
  });

  it("mantika", async () => {
    const { ids } = await collect(supTip, { mantika: "LY0211" });
    const expected = tipIds((s) => s.baladiyaPcode.startsWith("LY0211"));
    expect(expected.length).toBeGreaterThan(PAGE_SIZE);
    expect([...ids].sort()).toEqual(expected);
    const sebha = await collect(supTip, { mantika: "LY0319" });
    expect([...sebha.ids].sort()).toEqual(tipIds((s) => s.baladiyaPcode.startsWith("LY0319")));
  });

  it("detained", async () => {
    const yes = await collect(supTip, { detained: "yes" });
    expect([...yes.ids].sort()).toEqual(tipIds((s) => s.detained));
    const no = await collect(supTip, { detained: "no" });
    expect([...no.ids].sort()).toEqual(tipIds((s) => !s.detained));
  });

  it("combined filters with a sort", async () => {
    const { ids } = await collect(supTip, {
      sex: "female",
      detained: "no",
      mantika: "LY0211",
      sort: "name_asc",
    });
    expect([...ids].sort()).toEqual(
      tipIds((s) => s.sex === "female" && !s.detained && s.baladiyaPcode.startsWith("LY0211")),
    );
  });

  it("malformed filter values are ignored", async () => {
    const { ids } = await collect(supTip, {
      sex: "robot",
      nationality: "ZZZ",
      mantika: "Tripoli",
      ageGroup: "old",
    });
    expect(ids).toHaveLength(TIP_ROWS);
  });
});

describe("tampered cursors", () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  it("are ignored rather than erroring", async () => {
    const first = await listBeneficiaries(supTip, { sort: "registered_desc" });
    const firstByName = await listBeneficiaries(supTip, { sort: "name_asc" });
    const firstSearch = await listBeneficiaries(supTip, { q: SEARCH });
    const tampered = [
      "garbage",
      "!!!",
      encode({ a: 1 }),
      encode(["only-one"]),
      encode([1, 2]),
      encode(["2025-03-01 08:00:00+00", "not-a-uuid"]),
      encode(["2025-03-01 08:00:00+00", "00000000-0000-0000-0000-000000000000'; drop table users; --"]),
      encode(["1", randomUUID()]),
      encode(["0.5", randomUUID()]),
      encode(["", randomUUID()]),
      encode(["2025-02-31 08:00:00+00", randomUUID()]),
      encode(["0x10", randomUUID()]),
      encode(["1e39", randomUUID()]),
      encode([" ", randomUUID()]),
      encode(["Diallo\u0000", randomUUID()]),
      encode(["0.5", "0"]),
      encode(["0.5", "-1"]),
      encode(["0.5", "99999999999999999999"]),
    ];
    for (const after of tampered) {
      for (const [query, expected] of [
        [{ sort: "registered_desc" }, first],
        [{ sort: "registered_asc" }, undefined],
        [{ sort: "name_asc" }, firstByName],
        [{ q: SEARCH }, firstSearch],
      ] as const) {
        const page = await listBeneficiaries(supTip, { ...query, after }).catch((e: unknown) => {
          throw new Error(`cursor ${after} with ${JSON.stringify(query)} failed: ${String(e)}`);
        });
        expect(page.items.length).toBeGreaterThan(0);
        if (expected && !isPlausible(after))
          expect(page.items.map((i) => i.id)).toEqual(expected.items.map((i) => i.id));
      }
    }
  });

  it("a cursor from another sort or search does not error", async () => {
    const byDate = await listBeneficiaries(supTip, { sort: "registered_desc" });
    const byName = await listBeneficiaries(supTip, { sort: "name_asc" });
    const search = await listBeneficiaries(supTip, { q: SEARCH });
    for (const after of [byDate.nextCursor, byName.nextCursor, search.nextCursor]) {
      expect(after).not.toBeNull();
      for (const query of [
        { sort: "registered_desc" },
        { sort: "registered_asc" },
        { sort: "name_asc" },
        { q: SEARCH },
      ]) {
        await expect(
          listBeneficiaries(supTip, { ...query, after: after ?? undefined }),
        ).resolves.toBeDefined();
      }
    }
  });
});

/** A cursor whose shape is valid text for name_asc is honoured there; only broken ones must fall back to page one. */
function isPlausible(after: string): boolean {
  try {
    const parsed = JSON.parse(Buffer.from(after, "base64url").toString("utf8"));
    return (
      Array.isArray(parsed) &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(parsed[1])
    );
  } catch {
    return false;
  }
}
