import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditEventDto } from "@/lib/dal/audit/dto";

/** Audit events as a table: when, who (role), what, which record, from where; flagged rows marked. */
export async function AuditTable({
  events,
  showRecord = true,
}: {
  events: AuditEventDto[];
  showRecord?: boolean;
}) {
  const t = await getTranslations("audit");
  const format = await getFormatter();
  if (events.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <table data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">{t("columns.at")}</th>
          <th scope="col">{t("columns.who")}</th>
          <th scope="col">{t("columns.action")}</th>
          {showRecord ? <th scope="col">{t("columns.record")}</th> : null}
          <th scope="col">{t("columns.detail")}</th>
          <th scope="col">{t("columns.ip")}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} className={e.flagged ? "flagged" : undefined} data-action={e.action}>
            <td>{format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "medium" })}</td>
            <td>
              {e.actorName ?? t("system")}
              {e.actorRole ? <span className="muted"> · {e.actorRole}</span> : null}
            </td>
            <td>
              {e.flagged ? <span className="badge flag">{t("flagged")}</span> : null} <code>{e.action}</code>
            </td>
            {showRecord ? (
              <td dir="ltr">
                {e.entity}
                {e.entityId ? ` ${e.entityId}` : ""}
              </td>
            ) : null}
            <td>
              <code dir="ltr">{summarise(e.detail)}</code>
            </td>
            <td dir="ltr">{e.ip ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Detail holds names, counts and categories only; digests are of no use to a reader. */
function summarise(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([k]) => k !== "valuesDigest")
    .map(
      ([k, v]) =>
        `${k}=${Array.isArray(v) ? v.join(",") : typeof v === "object" ? JSON.stringify(v) : String(v)}`,
    )
    .join(" ");
}
