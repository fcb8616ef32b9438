import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { can } from "@/lib/authz";
import { listImportJobs } from "@/lib/dal/imports/list-import-jobs";
import { listImportMappings } from "@/lib/dal/imports/list-import-mappings";
import { ImportWizard } from "./import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("import"))("title") };
}

export default async function ImportPage() {
  const ctx = await requireContext();
  if (!can(ctx.actor.role, "import.run")) notFound();
  const t = await getTranslations("import");
  const format = await getFormatter();
  const [mappings, jobs] = await Promise.all([listImportMappings(ctx), listImportJobs(ctx)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ImportWizard savedMappings={mappings} />
      <section className="card">
        <h2>{t("history.title")}</h2>
        {jobs.length === 0 ? (
          <p className="muted">{t("history.empty")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t("history.when")}</th>
                <th>{t("history.who")}</th>
                <th>{t("history.file")}</th>
                <th>{t("mode.label")}</th>
                <th>{t("history.status")}</th>
                <th>{t("report.imported")}</th>
                <th>{t("report.errorRows")}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td>
                    {format.dateTime(new Date(job.createdAt), { dateStyle: "short", timeStyle: "short" })}
                  </td>
                  <td>{job.createdByName}</td>
                  <td>{job.fileName}</td>
                  <td>{t(`mode.${job.mode}`)}</td>
                  <td>{t(`status.${job.status}`)}</td>
                  <td>{job.importedCount}</td>
                  <td>{job.errorCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
