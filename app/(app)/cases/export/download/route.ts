import ExcelJS from "exceljs";
import { requireContext } from "@/lib/auth/actor";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { exportBeneficiaries } from "@/lib/dal/beneficiaries/export-beneficiaries";
import { DalError } from "@/lib/dal/errors";
import { neutraliseCell, toCsv } from "@/lib/domain/spreadsheet";

/** The file of a personal-data export; the DAL has checked the role, scope, purpose and consent. */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return new Response(null, { status: 403 });
  const ctx = await requireContext();
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  try {
    const result = await exportBeneficiaries(ctx, {
      purpose: field("purpose") as "tracing",
      justification: field("justification") ?? "",
      format: field("format") === "csv" ? "csv" : "xlsx",
      status: field("status") as "",
    });
    const stamp = new Date().toISOString().slice(0, 10);
    const headers = (type: string, ext: string) => ({
      "content-type": type,
      "content-disposition": `attachment; filename="sanad-cases-${stamp}.${ext}"`,
      "cache-control": "no-store",
    });
    if (result.format === "csv") {
      return new Response(toCsv(result.columns, result.rows), {
        headers: headers("text/csv; charset=utf-8", "csv"),
      });
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("cases");
    sheet.addRow(result.columns);
    // Every cell is written as text, neutralised too, so a re-save as CSV stays inert.
    for (const row of result.rows) sheet.addRow(row.map((cell) => neutraliseCell(cell)));
    const buffer = await workbook.xlsx.writeBuffer();
    return new Response(buffer as ArrayBuffer, {
      headers: headers("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    });
  } catch (error) {
    if (error instanceof DalError) {
      const target = new URL("/cases/export", request.url);
      target.searchParams.set("error", error.code);
      return Response.redirect(target, 303);
    }
    throw error;
  }
}
