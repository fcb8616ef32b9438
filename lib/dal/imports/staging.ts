import "server-only";
import type { Sql } from "postgres";
import type { Tx } from "../context";

/** The postgres.js connection behind a drizzle transaction, for COPY (drizzle has no streaming API). */
export function connectionOf(tx: Tx): Sql {
  const client = (tx as unknown as { session?: { client?: Sql } }).session?.client;
  if (!client || typeof client.unsafe !== "function")
    throw new Error("no postgres connection behind the transaction");
  return client;
}

/** One row of the staging table, in STAGING_COLUMNS order. */
export type StagingRow = Array<string | number | boolean | null | readonly string[]>;

export const STAGING_COLUMNS = [
  "row_no",
  "id",
  "case_number",
  "family_name",
  "given_names",
  "name_ar",
  "name_key",
  "sex",
  "date_of_birth",
  "dob_estimated",
  "nationality",
  "population_type",
  "languages",
  "phone",
  "baladiya_pcode",
  "detained",
  "detention_centre",
  "detained_since",
  "uasc_status",
  "vulnerabilities",
  "consent_obtained",
  "consent_given_by",
  "consent_given_on",
  "consent_purposes",
  "vital_interest_reason",
  "existing_candidates",
  "first_row",
] as const;

/**
 * Dropped at commit or rollback: file contents never outlive the import's transaction.
 * Enum columns stay text here and are cast on insert, after validation already checked them.
 */
export async function createStaging(sql: Sql): Promise<void> {
  await sql.unsafe(`
    create temporary table import_staging (
      row_no integer primary key,
      id uuid not null,
      case_number text not null,
      family_name text not null,
      given_names text not null,
      name_ar text,
      name_key text not null,
      sex text not null,
      date_of_birth date not null,
      dob_estimated boolean not null,
      nationality char(3) not null,
      population_type text not null,
      languages text[] not null,
      phone text,
      baladiya_pcode text not null,
      detained boolean not null,
      detention_centre text,
      detained_since date,
      uasc_status text,
      vulnerabilities text[] not null,
      consent_obtained boolean not null,
      consent_given_by text,
      consent_given_on date,
      consent_purposes text[] not null,
      vital_interest_reason text,
      existing_candidates text[],
      first_row integer,
      write boolean not null default false
    ) on commit drop`);
}

const escapeText = (s: string) =>
  s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

function copyValue(v: StagingRow[number]): string {
  if (v === null) return "\\N";
  if (Array.isArray(v)) {
    return escapeText(
      `{${v.map((item) => `"${item.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`,
    );
  }
  if (typeof v === "boolean") return v ? "t" : "f";
  return escapeText(String(v));
}

/** Streams rows into the staging table with COPY, in chunks so memory stays flat. */
export async function copyIntoStaging(sql: Sql, rows: readonly StagingRow[]): Promise<void> {
  const stream = await sql
    .unsafe(`copy import_staging (${STAGING_COLUMNS.join(", ")}) from stdin`)
    .writable();
  const CHUNK = 2000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const text = rows
      .slice(i, i + CHUNK)
      .map((row) => `${row.map(copyValue).join("\t")}\n`)
      .join("");
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => {
    stream.once("error", reject);
    stream.once("finish", () => resolve());
    stream.end();
  });
}
