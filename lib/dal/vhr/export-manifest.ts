import "server-only";
import ExcelJS from "exceljs";
import { neutraliseCell, toCsv } from "@/lib/domain/spreadsheet";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { getMovement } from "./get-movement";

export interface ManifestFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

const HEADER = [
  "Case number",
  "Family name, given names",
  "Sex",
  "Date of birth",
  "Nationality",
  "Travel document",
  "Document number",
  "Document expiry",
  "Fit to travel",
  "Conditions",
  "Fit to travel valid until",
  "Pre-departure kit",
  "Status",
  "Offload reason",
  "Blockers",
] as const;

/**
 * The manifest as a file for the airline and the airport team: names and travel facts of the people
 * on the movement, the fit-to-travel outcome only. An export of personal data, so it is audited as
 * one. Column headings are in English, the language of airline manifests.
 */
export async function exportManifest(
  ctx: DalContext,
  movementId: string,
  format: "xlsx" | "csv",
): Promise<ManifestFile> {
  return withTransaction(ctx, async (tx) => {
    const m = await getMovement({ ...ctx, tx }, movementId);
    const rows = m.manifest.map((e) => [
      e.person.caseNumber,
      e.person.name,
      e.person.sex,
      e.person.dateOfBirth,
      e.person.nationality,
      e.travelDocument?.type ?? "",
      e.travelDocument?.number ?? "",
      e.travelDocument?.expiry ?? "",
      e.fitToTravel?.outcome ?? "",
      e.fitToTravel?.conditions.join(" ") ?? "",
      e.fitToTravel?.validUntil ?? "",
      e.kitGiven ? "yes" : "no",
      e.status,
      e.offloadReason ?? "",
      e.blockers.join(" "),
    ]);
    await recordAudit(tx, ctx, {
      action: "export",
      entity: "movement",
      entityId: m.id,
      detail: { format, rows: rows.length },
    });
    const name = `manifest-${m.reference}`;
    if (format === "csv") {
      return {
        filename: `${name}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: new TextEncoder().encode(toCsv(HEADER, rows)),
      };
    }
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Sanad";
    workbook.title = `Manifest ${m.reference}`;
    const sheet = workbook.addWorksheet("Manifest");
    sheet.addRow([
      `${m.reference} · ${m.departureAirport} → ${m.destinationAirport} · ${m.departureDate} ${m.departureTime}`,
    ]);
    sheet.addRow([...HEADER]);
    for (const r of rows) sheet.addRow(r.map(neutraliseCell));
    sheet.getRow(2).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 2 }];
    const buffer = await workbook.xlsx.writeBuffer();
    return {
      filename: `${name}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: new Uint8Array(buffer as ArrayBuffer),
    };
  });
}
