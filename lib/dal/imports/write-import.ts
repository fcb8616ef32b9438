import "server-only";
import type { Sql } from "postgres";
import {
  type DedupeRow,
  ExistingDuplicateFinder,
  inFileDuplicates,
  shiftYears,
} from "@/lib/domain/import/dedupe";
import type { DuplicateFinding } from "@/lib/domain/import/report";
import { formatCaseNumber } from "@/lib/domain/names";
import { DUPLICATE_SIMILARITY } from "../beneficiaries/find-duplicates";
import type { Actor } from "../context";
import { copyIntoStaging, createStaging, type StagingRow } from "./staging";

const MAX_CANDIDATES = 10;
const WRITE_CHUNK = 10_000;

/**
 * Finds likely duplicates of the file's valid rows with the registration rule (name-key trigram
 * similarity, same nationality, compatible sex, birth within two years) — against the existing
 * records, read once inside this transaction as one stream, and within the file (a later row
 * repeating an earlier one) — then stages the rows with what was found. The comparison runs in
 * memory with a prefix filter (lib/domain/import/dedupe.ts): one index probe per row was far too
 * slow at 100,000.
 */
export async function stageAndDedupe(
  sql: Sql,
  actor: Actor,
  rows: readonly StagingRow[],
): Promise<DuplicateFinding[]> {
  const keys: DedupeRow[] = rows.map((r) => ({
    key: r[0] as number,
    nameKey: r[6] as string,
    sex: r[7] as string,
    nationality: r[10] as string,
    dateOfBirth: r[8] as string,
  }));
  const nationalities = [...new Set(keys.map((k) => k.nationality))];
  const births = keys.map((k) => k.dateOfBirth).sort();
  type Known = DedupeRow & { order: string; label: string };
  const finder = new ExistingDuplicateFinder<Known>(keys, DUPLICATE_SIMILARITY, MAX_CANDIDATES);
  // One statement streamed row by row: PostgreSQL reads on while this process compares, and no
  // more than what the socket buffers is held at once.
  let read = 0;
  await sql<
    Array<{
      id: string;
      case_number: string;
      office_code: string;
      name_key: string;
      sex: string;
      nationality: string;
      dob: string;
    }>
  >`
    select id, case_number, office_code, name_key, sex::text as sex, nationality, date_of_birth::text as dob
    from beneficiaries
    where nationality = any(${nationalities})
      and date_of_birth between ${shiftYears(births[0] ?? "1900-01-01", -2)} and ${shiftYears(births.at(-1) ?? "1900-01-01", 2)}`.forEach(
    (e) => {
      finder.consider({
        key: read++,
        order: e.id,
        nameKey: e.name_key,
        sex: e.sex,
        nationality: e.nationality,
        dateOfBirth: e.dob,
        // Out of the supervisor's office only the office is named, as on the registration form.
        label: e.office_code === actor.officeCode ? e.case_number : `office:${e.office_code}`,
      });
    },
  );
  const againstExisting = finder.result();
  const withinFile = inFileDuplicates(keys, DUPLICATE_SIMILARITY);
  const findings: DuplicateFinding[] = [];
  const staged = rows.map((r) => {
    const rowNo = r[0] as number;
    const candidates = againstExisting.get(rowNo)?.map((e) => e.label) ?? null;
    const firstRow = withinFile.get(rowNo) ?? null;
    if (candidates) findings.push({ row: rowNo, kind: "existing", candidates, imported: false });
    else if (firstRow !== null) findings.push({ row: rowNo, kind: "in_file", firstRow, imported: false });
    return [...r, candidates, firstRow];
  });
  await createStaging(sql);
  await copyIntoStaging(sql, staged);
  await sql.unsafe("create index on import_staging (case_number)");
  await sql.unsafe("analyze import_staging");
  return findings.sort((a, b) => a.row - b.row);
}

/**
 * Settings for the import's transaction only. The app's connections plan each execution afresh
 * (db/client.ts), and so do PostgreSQL's own foreign-key checks, one query per key per row: half
 * a million rows' checks each planned again took a third of the write; here they keep their
 * cached plans. And the statements over the staging table are run once each: compiling them
 * (JIT) cost more than it saved, a second for the case-number check alone.
 */
export async function tuneImportTransaction(sql: Sql): Promise<void> {
  await sql.unsafe("set local plan_cache_mode = auto; set local jit = off");
}

/** Case numbers drawn at staging that an existing record already holds are drawn again. */
async function resolveCaseNumberClashes(sql: Sql): Promise<void> {
  const year = new Date().getUTCFullYear();
  for (let attempt = 0; attempt < 8; attempt++) {
    const clashes = await sql<Array<{ row_no: number }>>`
      select s.row_no from import_staging s
      where exists (select 1 from beneficiaries b where b.case_number = s.case_number)
         or exists (select 1 from import_staging o where o.case_number = s.case_number and o.row_no < s.row_no)`;
    if (clashes.length === 0) return;
    for (const c of clashes) {
      const fresh = formatCaseNumber(year, crypto.getRandomValues(new Uint8Array(6)));
      await sql`update import_staging set case_number = ${fresh} where row_no = ${c.row_no}`;
    }
  }
  throw new Error("could not allocate case numbers");
}

export interface WriteOptions {
  jobId: string;
  actor: Actor;
  ip: string | null;
  ownerId: string;
  includeDuplicates: boolean;
  duplicateReason: string | null;
  onProgress: (written: number) => Promise<void>;
}

/** Inserts the staged rows chosen for writing, their consents and one "create" audit row each. */
export async function writeStaged(sql: Sql, o: WriteOptions): Promise<number> {
  await sql`
    update import_staging set write = true
    where ${o.includeDuplicates} or (existing_candidates is null and first_row is null)`;
  await resolveCaseNumberClashes(sql);
  const [range] = await sql<Array<{ lo: number | null; hi: number | null }>>`
    select min(row_no) as lo, max(row_no) as hi from import_staging where write`;
  if (!range || range.lo === null || range.hi === null) return 0;
  let written = 0;
  for (let lo = range.lo; lo <= range.hi; lo += WRITE_CHUNK) {
    const hi = lo + WRITE_CHUNK - 1;
    const inserted = await sql`
      insert into beneficiaries (
        id, case_number, family_name, given_names, name_ar, name_key, sex, date_of_birth, dob_estimated,
        nationality, population_type, languages, phone, baladiya_pcode, detained, detention_centre,
        detained_since, uasc_status, vulnerabilities, office_code, owner_id, created_by,
        duplicate_override_reason, duplicate_candidates)
      select id, case_number, family_name, given_names, name_ar, name_key, sex::sex, date_of_birth, dob_estimated,
        nationality, population_type::population_type, languages, phone, baladiya_pcode, detained, detention_centre,
        detained_since, uasc_status::uasc_status, vulnerabilities, ${o.actor.officeCode}, ${o.ownerId}, ${o.actor.id},
        case when existing_candidates is not null or first_row is not null then ${o.duplicateReason} end,
        existing_candidates
      from import_staging where write and row_no between ${lo} and ${hi}`;
    await sql`
      insert into consents (beneficiary_id, recorded_by, purpose, granted, given_by, given_on, vital_interest_reason)
      select s.id, ${o.actor.id}, p.purpose,
        s.consent_obtained and p.purpose::text = any(s.consent_purposes),
        case when s.consent_obtained then s.consent_given_by::consent_giver end,
        case when s.consent_obtained then s.consent_given_on end,
        case when not s.consent_obtained and p.purpose = 'services' then s.vital_interest_reason end
      from import_staging s cross join unnest(enum_range(null::consent_purpose)) as p(purpose)
      where s.write and s.row_no between ${lo} and ${hi}`;
    written += inserted.count;
    await o.onProgress(written);
  }
  // Same shape as recordAudit's "create" rows, written pending in this transaction; the chain
  // linker (migration 0027) chains them after commit.
  await sql`
    insert into audit_events (actor_id, actor_role, ip, action, entity, entity_id, detail)
    select ${o.actor.id}, ${o.actor.role}, ${o.ip}, 'create', 'beneficiary', s.id::text,
      jsonb_build_object('duplicateOverride', s.existing_candidates is not null or s.first_row is not null,
        'importJobId', ${o.jobId}::text)
    from import_staging s where s.write order by s.row_no`;
  return written;
}
