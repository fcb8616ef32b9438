"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ScriptButton } from "@/components/forms/script-button";
import type { SavedMapping } from "@/lib/dal/imports/list-import-mappings";
import {
  type ColumnMapping,
  IMPORT_FIELD_KEYS,
  type ImportMode,
  REQUIRED_IMPORT_FIELDS,
} from "@/lib/domain/import/fields";
import type { ImportJobView } from "@/lib/domain/import/report";
import type { FileIssue } from "@/lib/import/parse-file";
import { importJobAction, inspectFileAction, saveMappingAction, startImportAction } from "./actions";
import { FileIssues, ImportReportView } from "./import-report";

const POLL_MS = 1000;

type Inspected = { headers: string[]; rowCount: number };

export function ImportWizard({ savedMappings }: { savedMappings: SavedMapping[] }) {
  const t = useTranslations("import");
  const [file, setFile] = useState<File | null>(null);
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [fileIssues, setFileIssues] = useState<FileIssue[]>([]);
  const [columns, setColumns] = useState<ColumnMapping>({});
  const [values, setValues] = useState<SavedMapping["mapping"]["values"]>({});
  const [mappings, setMappings] = useState(savedMappings);
  const [mappingName, setMappingName] = useState("");
  const [mode, setMode] = useState<ImportMode>("dry_run");
  const [allowDuplicates, setAllowDuplicates] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);

  useEffect(() => {
    if (job?.status !== "running") return;
    const timer = setTimeout(async () => {
      const result = await importJobAction(job.id);
      if (result.ok) setJob(result.data);
      else setError(t("errors.poll"));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, t]);

  async function inspect(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setJob(null);
    const form = new FormData();
    form.set("file", file);
    const result = await inspectFileAction(form);
    setBusy(false);
    if (!result.ok) return setError(t("errors.generic"));
    if (!result.data.ok) {
      setInspected(null);
      return setFileIssues(result.data.issues);
    }
    setFileIssues([]);
    setInspected({ headers: result.data.headers, rowCount: result.data.rowCount });
    setColumns(result.data.suggested);
  }

  function applySaved(id: string) {
    const saved = mappings.find((m) => m.id === id);
    if (!saved || !inspected) return;
    // Only columns this file has: a saved mapping from another form version may name others.
    const next: ColumnMapping = {};
    for (const [field, header] of Object.entries(saved.mapping.columns)) {
      if (header && inspected.headers.includes(header)) next[field as keyof ColumnMapping] = header;
    }
    setColumns(next);
    setValues(saved.mapping.values ?? {});
    setMappingName(saved.name);
  }

  async function saveMapping() {
    setNotice(null);
    const result = await saveMappingAction({ name: mappingName, mapping: { columns, values } });
    if (!result.ok) return setError(t("errors.mappingName"));
    setMappings(result.data);
    setNotice(t("mapping.saved"));
  }

  async function start() {
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set("file", file);
    form.set(
      "options",
      JSON.stringify({ mode, mapping: { columns, values }, allowDuplicates, duplicateReason: reason }),
    );
    const result = await startImportAction(form);
    setBusy(false);
    if (!result.ok) {
      return setError(result.fieldErrors?.duplicateReason ? t("errors.reason") : t("errors.generic"));
    }
    const first = await importJobAction(result.data.jobId);
    if (first.ok) setJob(first.data);
  }

  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !columns[f]);
  const running = job?.status === "running";

  return (
    <>
      <form method="post" className="card" onSubmit={inspect}>
        <h2>{t("step.upload")}</h2>
        <div className="field">
          <label htmlFor="import-file">{t("file.label")}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setInspected(null);
              setJob(null);
            }}
          />
          <p className="muted">{t("file.hint")}</p>
        </div>
        <div className="actions">
          <button type="submit" disabled={!file || busy}>
            {t("file.read")}
          </button>
        </div>
        <FileIssues issues={fileIssues} />
      </form>

      {inspected && (
        <section className="card">
          <h2>{t("step.mapping")}</h2>
          <p>{t("mapping.summary", { rows: inspected.rowCount, columns: inspected.headers.length })}</p>
          {mappings.length > 0 && (
            <div className="field">
              <label htmlFor="saved-mapping">{t("mapping.useSaved")}</label>
              <select id="saved-mapping" defaultValue="" onChange={(e) => applySaved(e.target.value)}>
                <option value="">{t("mapping.choose")}</option>
                {mappings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <table>
            <thead>
              <tr>
                <th>{t("mapping.field")}</th>
                <th>{t("mapping.column")}</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_FIELD_KEYS.map((field) => (
                <tr key={field}>
                  <td>
                    <label htmlFor={`map-${field}`}>{t(`fields.${field}`)}</label>
                    {REQUIRED_IMPORT_FIELDS.includes(field) && <span aria-hidden="true"> *</span>}
                  </td>
                  <td>
                    <select
                      id={`map-${field}`}
                      value={columns[field] ?? ""}
                      onChange={(e) => setColumns({ ...columns, [field]: e.target.value || undefined })}
                    >
                      <option value="">{t("mapping.notImported")}</option>
                      {inspected.headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {missing.length > 0 && (
            <p className="alert warn">
              {t("mapping.missing", { fields: missing.map((f) => t(`fields.${f}`)).join(", ") })}
            </p>
          )}
          <div className="toolbar">
            <div className="field">
              <label htmlFor="mapping-name">{t("mapping.name")}</label>
              <input id="mapping-name" value={mappingName} onChange={(e) => setMappingName(e.target.value)} />
            </div>
            <ScriptButton className="secondary" onClick={saveMapping} disabled={!mappingName.trim()}>
              {t("mapping.save")}
            </ScriptButton>
          </div>
          {notice && <p className="alert ok">{notice}</p>}

          <h2>{t("step.run")}</h2>
          <fieldset>
            <legend>{t("mode.label")}</legend>
            {(["dry_run", "valid_only", "all_or_nothing"] as const).map((m) => (
              <label key={m} className="choice">
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />{" "}
                {t(`mode.${m}`)} <span className="muted">{t(`mode.${m}Hint`)}</span>
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input
              type="checkbox"
              checked={allowDuplicates}
              onChange={(e) => setAllowDuplicates(e.target.checked)}
            />{" "}
            {t("duplicates.allow")}
          </label>
          {allowDuplicates && (
            <div className="field">
              <label htmlFor="duplicate-reason">{t("duplicates.reason")}</label>
              <textarea id="duplicate-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          )}
          <div className="actions">
            <ScriptButton onClick={start} disabled={busy || running || missing.length > 0}>
              {mode === "dry_run" ? t("run.check") : t("run.import")}
            </ScriptButton>
          </div>
        </section>
      )}

      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}

      {job && (
        <section className="card" aria-live="polite">
          <h2>{t("step.result")}</h2>
          <label htmlFor="import-progress">{t(`phase.${job.phase}`)}</label>
          <progress id="import-progress" max={100} value={job.percent}>
            {job.percent}%
          </progress>
          {job.report && <ImportReportView job={job} />}
        </section>
      )}
    </>
  );
}
