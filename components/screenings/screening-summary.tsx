import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ScreeningDto } from "@/lib/dal/screenings/dto";
import { SuggestionActions } from "./suggestion-actions";

type T = Awaited<ReturnType<typeof getTranslations>>;

/** Message lookups for keys built from stored values: an unknown key shows the raw key, never throws. */
export function label(t: T, key: string): string {
  return t.has(key as "screenings.title") ? t(key as "screenings.title") : (key.split(".").pop() ?? key);
}

/** A screening's outcome, reasons and suggestions — or, when restricted, only what may be shown. */
export async function ScreeningSummary({
  screening: s,
  canDecide,
  showLink,
}: {
  screening: ScreeningDto;
  canDecide: boolean;
  showLink: boolean;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const instant = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const outcome = (value: string) => label(t, `screenings.outcomes.${s.instrument}.${value}`);
  const title = label(t, `screenings.instruments.${s.instrument}`);

  return (
    <article className="card screening" data-testid={`screening-${s.id}`} aria-label={title}>
      <header className="toolbar">
        <h2 style={{ margin: 0 }}>
          {showLink ? <Link href={`/cases/${s.beneficiaryId}/screenings/${s.id}`}>{title}</Link> : title}
        </h2>
        {s.restricted ? <span className="badge">{t("screenings.restricted")}</span> : null}
      </header>
      <p className="muted">
        {t("screenings.byline", { date: day(s.screenedOn), name: s.recordedByName, version: s.version })}
      </p>
      {s.restricted ? (
        <>
          {s.clearance ? (
            <dl className="facts">
              <dt>{t("screenings.outcome")}</dt>
              <dd data-testid="outcome">{outcome(s.clearance.outcome)}</dd>
              {s.clearance.conditions.length ? (
                <>
                  <dt>{t("screenings.conditions")}</dt>
                  <dd>
                    {s.clearance.conditions.map((c) => label(t, `screenings.conditionNames.${c}`)).join(", ")}
                  </dd>
                </>
              ) : null}
              {s.clearance.validUntil ? (
                <>
                  <dt>{t("screenings.validUntil")}</dt>
                  <dd>{instant(s.clearance.validUntil)}</dd>
                </>
              ) : null}
              {s.clearance.recheckDate ? (
                <>
                  <dt>{t("screenings.recheckDate")}</dt>
                  <dd>{day(s.clearance.recheckDate)}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          <p className="muted">{t("screenings.restrictedExplained")}</p>
        </>
      ) : (
        <>
          <dl className="facts">
            <dt>{t("screenings.outcome")}</dt>
            <dd data-testid="outcome">
              <strong>{outcome(s.outcome)}</strong>
              {s.flags.includes("urgent") ? (
                <span className="badge urgent">{t("screenings.urgent")}</span>
              ) : null}
            </dd>
            <dt>{t("screenings.reasonsTitle")}</dt>
            <dd>
              <ul className="reasons">
                {s.reasons.map((r) => (
                  <li key={r.key}>
                    {t.has(`screenings.reasons.${r.key}` as "screenings.title")
                      ? t(`screenings.reasons.${r.key}` as "screenings.title", r.values ?? {})
                      : r.key}
                  </li>
                ))}
              </ul>
            </dd>
            {s.flags.filter((f) => f !== "urgent").length ? (
              <>
                <dt>{t("screenings.flagsTitle")}</dt>
                <dd>
                  {s.flags
                    .filter((f) => f !== "urgent")
                    .map((f) => label(t, `screenings.flags.${f}`))
                    .join(", ")}
                </dd>
              </>
            ) : null}
            {s.conditions.length ? (
              <>
                <dt>{t("screenings.conditions")}</dt>
                <dd>{s.conditions.map((c) => label(t, `screenings.conditionNames.${c}`)).join(", ")}</dd>
              </>
            ) : null}
            {s.validUntil ? (
              <>
                <dt>{t("screenings.validUntil")}</dt>
                <dd>{instant(s.validUntil)}</dd>
              </>
            ) : null}
            {s.recheckDate ? (
              <>
                <dt>{t("screenings.recheckDate")}</dt>
                <dd>{day(s.recheckDate)}</dd>
              </>
            ) : null}
          </dl>
          {s.suggestions.length ? (
            <section aria-label={t("screenings.suggestionsTitle")}>
              <h3>{t("screenings.suggestionsTitle")}</h3>
              <ul className="suggestions">
                {s.suggestions.map((g) => (
                  <li key={g.id} data-testid={`suggestion-${g.service}`}>
                    <div>
                      <strong>{label(t, `screenings.services.${g.service}`)}</strong>{" "}
                      <span className={`badge urgency-${g.urgency}`}>
                        {label(t, `screenings.urgency.${g.urgency}`)}
                      </span>
                      <p className="muted">{label(t, `screenings.reasons.${g.reasonKey}`)}</p>
                      {g.status !== "pending" ? (
                        <p className="muted">
                          {t(
                            g.status === "confirmed"
                              ? "screenings.suggestion.confirmedBy"
                              : "screenings.suggestion.dismissedBy",
                            {
                              name: g.decidedByName ?? "",
                              when: g.decidedAt ? instant(g.decidedAt) : "",
                            },
                          )}
                          {g.dismissReason ? ` — ${g.dismissReason}` : ""}
                        </p>
                      ) : null}
                    </div>
                    {canDecide ? (
                      <SuggestionActions beneficiaryId={s.beneficiaryId} screeningId={s.id} suggestion={g} />
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <p className="muted">{t("screenings.noSuggestions")}</p>
          )}
        </>
      )}
    </article>
  );
}
