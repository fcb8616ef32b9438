import "server-only";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { beneficiaries, consents } from "@/db/schema";
import { EXPORT_CONSENT, type ExportInput, exportSchema } from "@/lib/validation/export";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { beneficiaryScope } from "./scope";

export const EXPORT_ROW_LIMIT = 20_000;

const BASE_COLUMNS = [
  "case_number",
  "family_name",
  "given_names",
  "name_ar",
  "sex",
  "date_of_birth",
  "nationality",
  "population_type",
  "baladiya_pcode",
  "phone",
  "status",
  "office",
] as const;
/** Columns of a sensitive category, exported only to holders of that category's grant. */
const DETENTION_COLUMNS = ["detained", "detention_centre", "detained_since"] as const;

export interface PersonalDataExport {
  format: "xlsx" | "csv";
  columns: string[];
  rows: Array<Array<string | null>>;
  /** People left out because their consent does not cover the purpose. */
  excludedWithoutConsent: number;
  /** Sensitive categories whose columns were left out for lack of a grant. */
  excludedCategories: string[];
}

/**
 * Case list export of personal data: supervisors only, their office, with a stated purpose and
 * justification. Only people whose current consent covers the purpose are included; sensitive
 * columns need the category's grant (a break-glass opening of one case does not extend to
 * exports). Logged with the row count, never the rows.
 */
export async function exportBeneficiaries(ctx: DalContext, input: ExportInput): Promise<PersonalDataExport> {
  const scope = authorize(ctx.actor, "beneficiary.export");
  const v = parseInput(exportSchema, input);
  const withDetention = ctx.actor.categories.includes("detention");
  return withTransaction(ctx, async (tx) => {
    const where: SQL[] = [beneficiaryScope(ctx.actor, scope)];
    if (v.status) where.push(eq(beneficiaries.status, v.status));
    const people = await tx
      .select()
      .from(beneficiaries)
      .where(and(...where))
      .orderBy(asc(beneficiaries.caseNumber))
      .limit(EXPORT_ROW_LIMIT);
    const consented = new Set<string>();
    const ids = people.map((p) => p.id);
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await tx
        .select({ id: consents.beneficiaryId })
        .from(consents)
        .where(
          and(
            inArray(consents.beneficiaryId, ids.slice(i, i + 5000)),
            eq(consents.purpose, EXPORT_CONSENT[v.purpose]),
            eq(consents.granted, true),
            isNull(consents.supersededAt),
          ),
        );
      for (const r of rows) consented.add(r.id);
    }
    const included = people.filter((p) => consented.has(p.id));
    const columns: string[] = [...BASE_COLUMNS, ...(withDetention ? DETENTION_COLUMNS : [])];
    const rows = included.map((p) => {
      const base = [
        p.caseNumber,
        p.familyName,
        p.givenNames,
        p.nameAr,
        p.sex,
        p.dateOfBirth,
        p.nationality,
        p.populationType,
        p.baladiyaPcode,
        p.phone,
        p.status,
        p.officeCode,
      ];
      return withDetention ? [...base, p.detained ? "yes" : "no", p.detentionCentre, p.detainedSince] : base;
    });
    const excludedCategories = withDetention ? [] : ["detention"];
    await recordAudit(tx, ctx, {
      action: "export",
      entity: "beneficiary",
      detail: {
        purpose: v.purpose,
        format: v.format,
        rowCount: rows.length,
        excludedWithoutConsent: people.length - included.length,
        columns,
        excludedCategories,
        status: v.status ?? null,
        // The stated purpose is what an overseer checks the export against; the form asks not to name people.
        justification: v.justification,
      },
    });
    return {
      format: v.format,
      columns,
      rows,
      excludedWithoutConsent: people.length - included.length,
      excludedCategories,
    };
  });
}
