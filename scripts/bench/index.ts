/**
 * `npm run bench`: builds a synthetic dataset in a separate database, then measures the use cases
 * the field depends on, each against the same query run directly in SQL (the floor). Prints a
 * table and writes JSON under bench/results/. Asserts nothing: performance is reported, not tested.
 *
 *   npm run bench                          full size: 1M people, 5M services, 1M referrals, 500k screenings
 *   npm run bench -- --small               10k people (what the test suite runs so the harness cannot rot)
 *   npm run bench -- --beneficiaries 200000 --assistance 1000000 --runs 30 --no-http
 *   npm run bench -- --keep sanad_bench_full   build into (or reuse) a named database and keep it,
 *                                              to study plans with EXPLAIN ANALYZE between runs
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { withPostgresServer } from "../embedded-db";
import { type Timing, time } from "./stats";

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const num = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const small = flag("--small");
const SIZE = {
  beneficiaries: num("--beneficiaries", small ? 10_000 : 1_000_000),
  assistance: num("--assistance", small ? 50_000 : 5_000_000),
  referrals: num("--referrals", small ? 10_000 : 1_000_000),
  screenings: num("--screenings", small ? 5_000 : 500_000),
  importRows: num("--import", small ? 2_000 : 100_000),
};
const RUNS = num("--runs", small ? 5 : 30);
const HTTP = !flag("--no-http");
const HTTP_SECONDS = num("--http-seconds", small ? 3 : 15);
/** Untimed registrations first, as the DAL measures have warm-ups: route loading, pool, JIT. */
const HTTP_WARMUP_SECONDS = num("--http-warmup", small ? 1 : 3);
const keepIndex = argv.indexOf("--keep");
const KEEP = keepIndex >= 0 ? argv[keepIndex + 1] : undefined;
if (KEEP !== undefined && !/^[a-z_][a-z0-9_]*$/.test(KEEP)) throw new Error("--keep takes a database name");

interface Row {
  measure: string;
  median: number | null;
  p95: number | null;
  floorMedian: number | null;
  ratio: number | null;
  unit: string;
  note?: string;
}
const rows: Row[] = [];
const log = (m: string) => console.info(m);

function record(measure: string, t: Timing, floor?: Timing, note?: string) {
  rows.push({
    measure,
    median: round(t.median),
    p95: round(t.p95),
    floorMedian: floor ? round(floor.median) : null,
    ratio: floor ? round(t.median / floor.median, 2) : null,
    unit: "ms",
    note,
  });
}
function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

async function main() {
  await withPostgresServer(async (serverUrl) => {
    const name = KEEP ?? `sanad_bench_${process.pid}`;
    const admin = postgres(serverUrl("postgres"), { max: 1, onnotice: () => {} });
    const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!existing) await admin.unsafe(`create database "${name}"`);
    const url = serverUrl(name);
    process.env.DATABASE_URL = url;
    try {
      await run(url, Boolean(existing));
    } finally {
      const { closeDb } = await import("../../db/client");
      await closeDb();
      if (!KEEP) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
}

async function run(url: string, reuse: boolean) {
  // Imported after DATABASE_URL points at the bench database: the DAL's pool reads it once.
  const { migrateDatabase } = await import("../../db/migrate");
  const { seedDatabase } = await import("../../db/seed");
  const { buildBeneficiaries } = await import("./beneficiaries");
  const { buildAssistance, buildReferrals, buildScreenings } = await import("./activity");
  // No lifetime limit. The build below holds one reserved connection, which postgres.js closes only
  // once released; without that, a connection recycled after its 30-60 minutes between two queries
  // lost the build's temp table (a slow build: the dashboard cells alone took 24 minutes).
  const sql = postgres(url, { max: 4, max_lifetime: 0, onnotice: () => {} });

  log(`dataset: ${JSON.stringify(SIZE)}`);
  const t0 = performance.now();
  await migrateDatabase(url);
  if (reuse) {
    log("reusing the dataset in the kept database (its sizes are what it was built with)");
  } else {
    await seedDatabase(url, { beneficiaries: 0 });
    await sql.unsafe(`insert into users (email, name, role, office_code, password_hash, must_change_password)
    select 'bench.' || lower(o.code) || '.' || g || '@sanad.example', 'Bench caseworker ' || g, 'caseworker', o.code, 'x', false
    from offices o cross join generate_series(1, 20) g where o.code <> 'TUN' on conflict do nothing`);
    // One connection for the whole build: the services, referrals and screenings share a temp table.
    const build = await sql.reserve();
    try {
      const tPeople = performance.now();
      await buildBeneficiaries(build, SIZE.beneficiaries);
      log(`  people: ${((performance.now() - tPeople) / 1000).toFixed(1)} s`);
      const tServices = performance.now();
      await buildAssistance(build, SIZE.assistance, log);
      log(`  services: ${((performance.now() - tServices) / 1000).toFixed(1)} s`);
      await buildReferrals(build, SIZE.referrals);
      await buildScreenings(build, SIZE.screenings);
    } finally {
      build.release();
    }
    await sql.unsafe("vacuum analyze");
  }
  const buildSeconds = (performance.now() - t0) / 1000;
  const [counts] = await sql<Record<string, number>[]>`select
    (select count(*) from beneficiaries)::int as beneficiaries, (select count(*) from assistance_records)::int as assistance,
    (select count(*) from referrals)::int as referrals, (select count(*) from screenings)::int as screenings`;
  log(`${reuse ? "migrated" : "built"} in ${buildSeconds.toFixed(0)} s: ${JSON.stringify(counts)}`);

  await measureMachine(sql, "before");
  await measureDal(sql);
  // Registrations before the import: after it, PostgreSQL spends a while chaining the import's
  // audit rows (one per person) into the hash chain, which is the import's cost, not theirs.
  if (HTTP) await measureHttp(url, sql);
  // Before the import, which leaves PostgreSQL chaining its audit rows for a while.
  await measureMachine(sql, "after");
  await measureImport();
  await sql.end();
  report(counts ?? {}, buildSeconds);
}

async function actorFor(email: string) {
  const { getDb } = await import("../../db/client");
  const { users, userCategoryGrants } = await import("../../db/schema");
  const { eq } = await import("drizzle-orm");
  const [u] = await getDb().select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  const grants = await getDb().select().from(userCategoryGrants).where(eq(userCategoryGrants.userId, u.id));
  return {
    actor: {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      officeCode: u.officeCode,
      mustChangePassword: false,
      mustEnrolTotp: false,
      categories: grants.map((g) => g.category),
      services: [],
    },
    ip: "127.0.0.1",
  };
}

/**
 * The machine's own speed, with no Sanad code in it: one core of Node and one PostgreSQL backend,
 * each doing fixed work, before and after the measures (the import excepted). The same build has
 * measured a third faster or slower from one hour to the next on the same kind of machine;
 * comparing runs, compare these first.
 */
async function measureMachine(sql: postgres.Sql, when: "before" | "after") {
  const data = Buffer.alloc(128 * 1024 * 1024, 7);
  record(
    `machine ${when} the measures: Node, sha256 of 128 MiB`,
    await time(async () => createHash("sha256").update(data).digest(), 7),
  );
  record(
    `machine ${when} the measures: PostgreSQL, sum of 1M rows`,
    // In the select list the series streams; in FROM it would be stored first, and spill to disk.
    await time(() => sql`select sum(i) from (select generate_series(1, 1000000) as i) s`, 7),
  );
}

async function measureDal(sql: postgres.Sql) {
  const { listBeneficiaries, SEARCH_SIMILARITY } = await import(
    "../../lib/dal/beneficiaries/list-beneficiaries"
  );
  const { findDuplicates, DUPLICATE_SIMILARITY } = await import(
    "../../lib/dal/beneficiaries/find-duplicates"
  );
  const { getBeneficiary } = await import("../../lib/dal/beneficiaries/get-beneficiary");
  const { summaryColumns } = await import("../../lib/dal/beneficiaries/dto");
  const { beneficiaries } = await import("../../db/schema");
  const { getDashboard } = await import("../../lib/dal/rollup/get-dashboard");
  const { queryIndicator, queryOverview } = await import("../../lib/dal/rollup/rollup-sql");
  const { nameKey } = await import("../../lib/domain/names");
  const { dateOfBirthRangeFor, todayIso } = await import("../../lib/domain/age");
  // The birth dates the DAL turns "18-59" into, passed as values as the DAL passes them.
  const adults = dateOfBirthRangeFor("18-59", todayIso());
  const supervisor = await actorFor("supervisor@sanad.example");
  const manager = await actorFor("manager@sanad.example");

  // A misspelling of a common pairing: what a caseworker types from a hand-written list.
  const query = "Muhamad Mahamad";
  const key = nameKey(query);
  const raw = (fn: (tx: postgres.TransactionSql) => Promise<unknown>) => () => sql.begin(fn);
  // What a list reads of each person: the DAL's own column list, and the cursor's sequence.
  const listColumns = sql.unsafe(
    [...Object.values(summaryColumns), beneficiaries.searchSeq].map((c) => `b.${c.name}`).join(", "),
  );
  // Every use case below writes its audit row in its transaction; so does its floor.
  const audit = (tx: postgres.TransactionSql, action: string) =>
    tx`insert into audit_events (actor_id, actor_role, ip, action, entity, detail, flagged)
      values (${supervisor.actor.id}, 'supervisor', '127.0.0.1', ${action}, 'beneficiary', '{}', false)`;
  record(
    "search: misspelled name (DAL)",
    await time(() => listBeneficiaries(supervisor, { q: query }), RUNS),
    await time(
      raw(async (tx) => {
        await tx`select set_config('pg_trgm.similarity_threshold', ${String(SEARCH_SIMILARITY)}, true)`;
        await tx`select ${listColumns}, u.name from beneficiaries b join users u on u.id = b.owner_id
          where b.office_code = 'TIP' and b.name_key % ${key}
          order by b.name_key <-> ${key}, b.search_seq <-> 0::bigint limit 26`;
        await audit(tx, "list");
      }),
      RUNS,
    ),
  );
  record(
    "search: filters, no name (DAL)",
    await time(
      () => listBeneficiaries(supervisor, { sex: "female", ageGroup: "18-59", nationality: "NER" }),
      RUNS,
    ),
    await time(
      raw(async (tx) => {
        await tx`select ${listColumns}, u.name from beneficiaries b join users u on u.id = b.owner_id
          where b.office_code = 'TIP' and b.sex = 'female' and b.nationality = 'NER'
            and b.date_of_birth between ${adults.from ?? "0001-01-01"} and ${adults.to}
          order by b.created_at desc, b.id desc limit 26`;
        await audit(tx, "list");
      }),
      RUNS,
    ),
  );
  record(
    "search: name + filters (DAL)",
    await time(() => listBeneficiaries(supervisor, { q: query, sex: "male", nationality: "NER" }), RUNS),
  );
  // A caseworker sees the cases they own or are assigned to, not the office: the same search
  // must find their matches among everyone's.
  const caseworker = await actorFor("caseworker@sanad.example");
  record(
    "search: misspelled name, caseworker's own cases (DAL)",
    await time(() => listBeneficiaries(caseworker, { q: query }), RUNS),
    await time(
      raw(async (tx) => {
        // As the app's connections plan: a prepared statement's generic plan, which this client
        // would otherwise use from the sixth run on, does not know whose cases it reads.
        await tx`set local plan_cache_mode = force_custom_plan`;
        // As the DAL runs this search (see listBeneficiaries).
        await tx`set local max_parallel_workers_per_gather = 0`;
        await tx`select ${listColumns}, u.name from beneficiaries b join users u on u.id = b.owner_id
          join (select own.id, own.name_key <-> ${key} as distance, own.search_seq from beneficiaries own
              where own.owner_id = ${caseworker.actor.id}
                and case when bit_count((own.name_signature # name_trigram_signature(${key}))::bit(64)) * ${1 + SEARCH_SIMILARITY}::float8
                    <= (own.name_trigrams + cardinality(show_trgm(${key}))) * ${1 - SEARCH_SIMILARITY}::float8 + 1e-9
                  then similarity(own.name_key, ${key}) >= ${SEARCH_SIMILARITY}::real else false end
              union all
              select ab.id, ab.name_key <-> ${key}, ab.search_seq from case_assignments a
                join beneficiaries ab on ab.id = a.beneficiary_id
              where a.user_id = ${caseworker.actor.id} and ab.owner_id <> ${caseworker.actor.id}
                and similarity(ab.name_key, ${key}) >= ${SEARCH_SIMILARITY}::real) named on named.id = b.id
          order by named.distance, named.search_seq limit 26`;
        await audit(tx, "list");
      }),
      RUNS,
    ),
  );
  const candidate = {
    familyName: "Mahamat",
    givenNames: "Muhamad",
    sex: "male" as const,
    dateOfBirth: "1995-06-01",
    nationality: "NER",
  };
  const dupKey = nameKey(candidate.familyName, candidate.givenNames);
  record(
    "duplicate check (DAL)",
    await time(() => findDuplicates(supervisor, candidate), RUNS),
    await time(
      raw(async (tx) => {
        await tx`select b.id, b.case_number, b.family_name, b.given_names, b.office_code, b.date_of_birth, best.score
          from (select id, similarity(name_key, ${dupKey}) as score from beneficiaries
                where case when bit_count((name_signature # name_trigram_signature(${dupKey}))::bit(64)) * ${1 + DUPLICATE_SIMILARITY}::float8
                    <= (name_trigrams + cardinality(show_trgm(${dupKey}))) * ${1 - DUPLICATE_SIMILARITY}::float8 + 1e-9
                  then similarity(name_key, ${dupKey}) >= ${DUPLICATE_SIMILARITY} else false end
                  and nationality = 'NER'
                  and sex = any(array['male', 'unknown']::sex[]) and date_of_birth between '1993-06-01' and '1997-06-01'
                order by 2 desc, id limit 10) best
          join beneficiaries b on b.id = best.id order by best.score desc, best.id`;
        await audit(tx, "duplicate_check");
      }),
      RUNS,
    ),
  );
  const [someCase] = await sql<
    { id: string }[]
  >`select id from beneficiaries where office_code = 'TIP' limit 1`;
  if (someCase) {
    record(
      "case page data (DAL)",
      await time(() => getBeneficiary(supervisor, someCase.id), RUNS),
      await time(
        // The statements the DAL runs for the page, audit row included, without the DAL around them.
        raw(async (tx) => {
          const [b] = await tx`select * from beneficiaries where id = ${someCase.id} and office_code = 'TIP'`;
          await tx`select name from users where id = ${b?.owner_id}`;
          await tx`select u.id, u.name from case_assignments a join users u on u.id = a.user_id
            where a.beneficiary_id = ${someCase.id}`;
          await tx`select * from consents where beneficiary_id = ${someCase.id} and superseded_at is null
            order by purpose`;
          await tx`select owner_id, office_code from beneficiaries where id = ${someCase.id}`;
          await tx`insert into audit_events (actor_id, actor_role, ip, action, entity, entity_id, detail, flagged)
            values (${supervisor.actor.id}, 'supervisor', '127.0.0.1', 'read', 'beneficiary', ${someCase.id}, '{}', false)
            returning id`;
        }),
        RUNS,
      ),
    );
  }
  const codes = (await sql<{ code: string }[]>`select code from indicators where active`).map((r) => r.code);
  const views = [
    {
      label: "dashboard: whole plan",
      filters: { period: { kind: "plan" }, officeCode: null, mantikaPcode: null, indicatorCode: null },
      q: { start: "2019-01-01", end: "2021-12-31", officeCode: null, mantikaPcode: null },
    },
    {
      label: "dashboard: one mantika, one year",
      filters: {
        period: { kind: "year", year: 2020 },
        officeCode: null,
        mantikaPcode: "LY0211",
        indicatorCode: null,
      },
      q: { start: "2020-01-01", end: "2020-12-31", officeCode: null, mantikaPcode: "LY0211" },
    },
  ] as const;
  for (const v of views) {
    record(
      `${v.label} (DAL)`,
      await time(() => getDashboard(manager, v.filters as never), RUNS),
      await time(async () => {
        const { getDb } = await import("../../db/client");
        await getDb().transaction(async (tx) => {
          await queryOverview(tx, v.q as never, codes);
          await queryIndicator(tx, v.q as never, codes[0] ?? "vhr_returns");
        });
      }, RUNS),
      "floor: the same roll-up queries without the DAL's authorisation and plan lookups",
    );
  }
}

async function measureImport() {
  const { startImport } = await import("../../lib/dal/imports/start-import");
  const { buildKoboCsv, generateImportRows, KOBO_MAPPING } = await import("../../tests/support/import-files");
  const supervisor = await actorFor("supervisor@sanad.example");
  const file = buildKoboCsv(generateImportRows(SIZE.importRows, 7), {
    errors: Math.floor(SIZE.importRows / 100),
  });
  const started = performance.now();
  const { finished } = await startImport(supervisor, {
    fileName: "bench.csv",
    bytes: file.bytes,
    options: { mode: "valid_only", mapping: { columns: KOBO_MAPPING } },
  });
  const result = await finished;
  const seconds = (performance.now() - started) / 1000;
  rows.push({
    measure: `bulk import: ${SIZE.importRows} rows, valid rows only`,
    median: round(seconds, 2),
    p95: null,
    floorMedian: null,
    ratio: null,
    unit: "s",
    note: `one run; ${Object.entries(result)
      .filter(([, v]) => typeof v === "number" || typeof v === "string")
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  });
}

async function measureHttp(url: string, sql: postgres.Sql) {
  const { startServer, signIn, registrationsPerSecond, pageTime, pageJavaScript } = await import("./http");
  const { DEMO_PASSWORD } = await import("../../db/seed/users");
  // Each run signs in three demo users; a copy kept with --keep and measured again within the
  // sign-in limit's window would otherwise refuse them. This is the bench's own database.
  await sql`delete from sign_in_attempts where key like 'email:%@sanad.example'`;
  const server = await startServer(url);
  try {
    const caseworker = await signIn(server.base, "caseworker@sanad.example", DEMO_PASSWORD);
    const manager = await signIn(server.base, "manager@sanad.example", DEMO_PASSWORD);
    await registrationsPerSecond(server, caseworker, HTTP_WARMUP_SECONDS);
    const reg = await registrationsPerSecond(server, caseworker, HTTP_SECONDS);
    const cpu = reg.cpuMsPerRequest;
    rows.push({
      measure: "registrations over HTTP, 20 clients, audit on",
      median: round(reg.perSecond),
      p95: null,
      floorMedian: null,
      ratio: null,
      unit: "req/s",
      note:
        `latency p50 ${reg.p50} ms, p97.5 ${reg.p97_5} ms; non-2xx ${reg.non2xx}${
          reg.non2xx > 0
            ? ` (${Object.entries(reg.non2xxByStatus)
                .map(([status, count]) => `${status}: ${count}`)
                .join(", ")})`
            : ""
        }, errors ${reg.errors}` +
        (cpu
          ? `; CPU per request: Next server ${cpu.server} ms, PostgreSQL ${cpu.postgres} ms, load generator ${cpu.loadGenerator} ms`
          : ""),
    });
    const supervisorCookie = await signIn(server.base, "supervisor@sanad.example", DEMO_PASSWORD);
    const [someCase] = await sql<
      { id: string }[]
    >`select id from beneficiaries where office_code = 'TIP' limit 1`;
    if (someCase) {
      record(
        "case page over HTTP (server time)",
        await pageTime(server.base, `/cases/${someCase.id}`, supervisorCookie, RUNS),
      );
      const js = await pageJavaScript(server.base, `/cases/${someCase.id}`, supervisorCookie);
      rows.push({
        measure: "JS sent by the case page",
        median: js.gzipKb,
        p95: null,
        floorMedian: null,
        ratio: null,
        unit: "KB gz",
        note: `${js.files} scripts`,
      });
    }
    const form = await pageJavaScript(server.base, "/cases/new", caseworker);
    rows.push({
      measure: "JS sent by the registration form",
      median: form.gzipKb,
      p95: null,
      floorMedian: null,
      ratio: null,
      unit: "KB gz",
      note: `${form.files} scripts`,
    });
    record("dashboard over HTTP (server time)", await pageTime(server.base, "/dashboard", manager, RUNS));
    const js = await pageJavaScript(server.base, "/dashboard", manager);
    rows.push({
      measure: "JS sent by the dashboard",
      median: js.gzipKb,
      p95: null,
      floorMedian: null,
      ratio: null,
      unit: "KB gz",
      note: `${js.files} scripts`,
    });
  } finally {
    // Waited for, so that the machine measure after it does not time the server's shutdown.
    await server.stop();
  }
}

function report(counts: Record<string, number>, buildSeconds: number) {
  const header = ["measure", "median", "p95", "floor", "ratio", "unit"];
  const lines = rows.map((r) =>
    [r.measure, r.median ?? "", r.p95 ?? "", r.floorMedian ?? "", r.ratio ?? "", r.unit].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.info(`\n${fmt(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const l of lines) console.info(fmt(l));
  for (const r of rows.filter((x) => x.note)) console.info(`  ${r.measure}: ${r.note}`);
  const dir = path.resolve("bench/results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `${new Date().toISOString().replace(/[:.]/g, "-")}${small ? "-small" : ""}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), size: SIZE, counts, buildSeconds, runs: RUNS, rows },
      null,
      2,
    ),
  );
  console.info(`\nwritten: ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
