import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { baladiyas } from "@/db/schema";
import {
  buildExportRows,
  disclosureNote,
  type ExportMode,
  exportMatrix,
} from "@/lib/domain/rollup/export-table";
import type { DashboardFilters } from "@/lib/validation/rollup";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { getDashboard } from "./get-dashboard";

export type ExportFormat = "xlsx" | "csv";

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/**
 * Any dashboard view as a file. "external" hides small cells (and their complements) and says so in
 * every row; "internal" is only for roles allowed unsuppressed figures. Counts only, by construction.
 */
export async function exportDashboard(
  ctx: DalContext,
  filters: DashboardFilters,
  options: { format: ExportFormat; mode: ExportMode },
): Promise<ExportFile> {
  authorize(ctx.actor, options.mode === "internal" ? "rollup.export_internal" : "rollup.export_external");
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, tx };
    const d = await getDashboard(inner, filters);
    const places = await tx
      .select({ pcode: baladiyas.pcode, mantika: baladiyas.mantikaPcode })
      .from(baladiyas);
    const rows = buildExportRows({
      view: d.view,
      mode: options.mode,
      threshold: d.threshold,
      mission: d.mission,
      programmes: d.programmes,
      selected: d.selected
        ? {
            programmeCode: d.selected.indicator.programmeCode,
            indicatorCode: d.selected.indicator.code,
            target: d.selected.indicator.target,
            counts: d.selected.counts,
            trend: d.selected.trend,
            mantikaOf: Object.fromEntries(places.map((p) => [p.pcode, p.mantika])),
          }
        : null,
    });
    const matrix = exportMatrix(rows, options.mode, d.threshold);
    const name = [
      "sanad-rollup",
      d.filters.indicatorCode ?? "all",
      d.view.start,
      d.view.end,
      d.filters.officeCode ?? "",
      d.filters.mantikaPcode ?? "",
      options.mode === "external" ? "external-suppressed" : "internal",
    ]
      .filter(Boolean)
      .join("_");
    await recordAudit(tx, ctx, {
      action: "export",
      entity: "rollup",
      detail: {
        format: options.format,
        mode: options.mode,
        start: d.view.start,
        end: d.view.end,
        office: d.filters.officeCode,
        mantika: d.filters.mantikaPcode,
        indicator: d.filters.indicatorCode,
        rows: rows.length,
        suppressedCells: rows.filter((r) => r.suppressed).length,
      },
    });
    if (options.format === "csv") {
      return {
        filename: `${name}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: new TextEncoder().encode(`\ufeff${Papa.unparse(matrix)}\r\n`),
      };
    }
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Sanad";
    workbook.title = `Sanad roll-up ${d.view.start} to ${d.view.end}`;
    workbook.subject = disclosureNote(options.mode, d.threshold);
    const sheet = workbook.addWorksheet("Roll-up");
    sheet.addRows(matrix);
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(2).font = { italic: true };
    sheet.views = [{ state: "frozen", ySplit: 2 }];
    rows.forEach((r, i) => {
      if (!r.suppressed) return;
      const reached = sheet.getRow(i + 3).getCell(9);
      reached.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
      reached.note = `Suppressed: fewer than ${d.threshold} people, or a complementary cell`;
    });
    const about = workbook.addWorksheet("About");
    about.addRows([
      ["Disclosure", disclosureNote(options.mode, d.threshold)],
      ["Period", `${d.view.start} to ${d.view.end}`],
      ["Office", d.filters.officeCode ?? "all"],
      ["Mantika", d.filters.mantikaPcode ?? "all"],
      ["Counting", "Distinct people reached; a year is not the sum of its months."],
      [
        "Breakdowns",
        "Sex, age group (at the first service in the period), population type, nationality and detention sum to the total. Region, mantika, baladiya, office and donor project count a person once in each, so they can sum to more than the total.",
      ],
    ]);
    const buffer = await workbook.xlsx.writeBuffer();
    return {
      filename: `${name}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: new Uint8Array(buffer as ArrayBuffer),
    };
  });
}
