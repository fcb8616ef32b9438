"use client";

import { useTranslations } from "next-intl";
import { validationMessageKey } from "@/components/forms/field-error";
import { ScriptButton } from "@/components/forms/script-button";
import type { ImportJobView } from "@/lib/domain/import/report";
import type { FileIssue } from "@/lib/import/parse-file";

/** Rows of the error table shown on the page; the CSV download has them all. */
const SHOWN_ISSUES = 200;

function useMessage() {
  const t = useTranslations();
  return (key: string) => {
    const full = validationMessageKey(key);
    return t.has(full as "validation.required") ? t(full as "validation.required") : t("validation.invalid");
  };
}

export function FileIssues({ issues }: { issues: FileIssue[] }) {
  const t = useTranslations("import");
  const message = useMessage();
  if (issues.length === 0) return null;
  return (
    <div className="alert error" role="alert">
      <p>{t("file.rejected")}</p>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.key}-${issue.row}-${issue.column}`}>
            {message(issue.key)}
            {issue.row !== undefined && ` ${t("report.atRow", { row: issue.row })}`}
            {issue.column && ` ${t("report.atColumn", { column: issue.column })}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function ImportReportView({ job }: { job: ImportJobView }) {
  const t = useTranslations("import");
  const message = useMessage();
  const report = job.report;
  if (!report) return null;

  function download() {
    if (!report) return;
    const lines = [[t("report.row"), t("report.column"), t("report.problem")].map(csvCell).join(",")];
    for (const i of report.rowIssues)
      lines.push([i.row, i.column ?? "", message(i.key)].map(csvCell).join(","));
    for (const d of report.duplicates) {
      const what =
        d.kind === "existing"
          ? t("duplicates.existing", { candidates: (d.candidates ?? []).join(" ") })
          : t("duplicates.inFile", { row: d.firstRow ?? 0 });
      lines.push([d.row, "", what].map(csvCell).join(","));
    }
    const blob = new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `${job.fileName.replace(/\.[^.]+$/, "")}-errors.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div data-testid="import-report">
      <p className={`alert ${report.outcome === "imported" || report.outcome === "dry_run" ? "ok" : "warn"}`}>
        {t(`outcome.${report.outcome ?? "failed"}`, { imported: job.importedCount })}
      </p>
      <FileIssues issues={report.fileIssues} />
      <dl className="grid-4">
        <div>
          <dt>{t("report.rows")}</dt>
          <dd data-testid="count-rows">{report.validRows + report.errorRows}</dd>
        </div>
        <div>
          <dt>{t("report.validRows")}</dt>
          <dd data-testid="count-valid">{report.validRows}</dd>
        </div>
        <div>
          <dt>{t("report.errorRows")}</dt>
          <dd data-testid="count-errors">{report.errorRows}</dd>
        </div>
        <div>
          <dt>{t("report.duplicates")}</dt>
          <dd data-testid="count-duplicates">{report.duplicateCount}</dd>
        </div>
        <div>
          <dt>{t("report.imported")}</dt>
          <dd data-testid="count-imported">{job.importedCount}</dd>
        </div>
      </dl>
      {(report.rowIssues.length > 0 || report.duplicates.length > 0) && (
        <ScriptButton className="secondary" onClick={download}>
          {t("report.download")}
        </ScriptButton>
      )}
      {report.rowIssues.length > 0 && (
        <table>
          <caption>
            {t("report.issuesCaption", {
              shown: Math.min(SHOWN_ISSUES, report.rowIssues.length),
              total: report.rowIssueCount,
            })}
          </caption>
          <thead>
            <tr>
              <th>{t("report.row")}</th>
              <th>{t("report.column")}</th>
              <th>{t("report.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rowIssues.slice(0, SHOWN_ISSUES).map((issue) => (
              <tr key={`${issue.row}-${issue.field}-${issue.key}`}>
                <td>{issue.row}</td>
                <td>{issue.column ?? "—"}</td>
                <td>{message(issue.key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.duplicates.length > 0 && (
        <table>
          <caption>{t("duplicates.caption")}</caption>
          <thead>
            <tr>
              <th>{t("report.row")}</th>
              <th>{t("duplicates.match")}</th>
              <th>{t("duplicates.imported")}</th>
            </tr>
          </thead>
          <tbody>
            {report.duplicates.slice(0, SHOWN_ISSUES).map((d) => (
              <tr key={d.row}>
                <td>{d.row}</td>
                <td>
                  {d.kind === "existing"
                    ? t("duplicates.existing", { candidates: (d.candidates ?? []).join(", ") })
                    : t("duplicates.inFile", { row: d.firstRow ?? 0 })}
                </td>
                <td>{d.imported ? t("duplicates.yes") : t("duplicates.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
