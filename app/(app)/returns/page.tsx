import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StageBadge } from "@/components/returns/stage-badge";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { can } from "@/lib/authz";
import { listVhrCases } from "@/lib/dal/vhr/list-vhr-cases";
import { todayIso } from "@/lib/domain/age";
import { VHR_STAGES, type VhrStage } from "@/lib/domain/vhr/constants";
import { countryName, nationalityName } from "@/lib/reference/countries";
import { COMMON_NATIONALITIES } from "@/lib/reference/nationalities";

export const metadata: Metadata = { robots: { index: false } };

const LIMIT = 200;

/** The VHR unit's work list: referrals waiting to be opened, then the returns in the pipeline. */
export default async function ReturnsPage({
  searchParams,
}: {
  searchParams: Promise<{ stage?: string; nationality?: string }>;
}) {
  const ctx = await requireContext();
  const params = await searchParams;
  const stage = (VHR_STAGES as readonly string[]).includes(params.stage ?? "")
    ? (params.stage as VhrStage)
    : undefined;
  const nationality = /^[A-Z]{3}$/.test(params.nationality ?? "") ? params.nationality : undefined;
  const { waiting, cases, truncated } = await orNotFound(listVhrCases(ctx, { stage, nationality }));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const today = todayIso();
  const canOpen = can(ctx.actor.role, "vhr.manage");
  const date = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const nationalities = [
    ...new Set([
      ...COMMON_NATIONALITIES,
      ...waiting.map((w) => w.person.nationality),
      ...cases.map((c) => c.person.nationality),
      ...(nationality ? [nationality] : []),
    ]),
  ]
    .map((code) => ({ code, name: nationalityName(code, locale, t("enums.stateless")) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const filtered = Boolean(stage || nationality);

  return (
    <>
      <div className="toolbar">
        <h1>{t("returns.list.title")}</h1>
        {can(ctx.actor.role, "vhr.board") ? (
          <Link href="/returns/board">{t("returns.list.board")}</Link>
        ) : null}
      </div>
      <p className="muted">{t("returns.list.intro")}</p>

      <section className="card" aria-labelledby="waiting">
        <h2 id="waiting" style={{ marginBlockStart: 0 }}>
          {t("returns.list.waitingTitle")}
        </h2>
        {waiting.length === 0 ? (
          <p className="muted">{t("returns.list.waitingEmpty")}</p>
        ) : (
          <table data-testid="returns-waiting">
            <thead>
              <tr>
                <th scope="col">{t("returns.list.caseNumber")}</th>
                <th scope="col">{t("returns.list.name")}</th>
                <th scope="col">{t("fields.nationality")}</th>
                <th scope="col">{t("fields.sex")}</th>
                <th scope="col">{t("case.age")}</th>
                <th scope="col">{t("returns.list.acceptedAt")}</th>
                {canOpen ? (
                  <th scope="col">
                    <span className="visually-hidden">{t("returns.list.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {waiting.map((w) => (
                <tr key={w.referralId}>
                  <td dir="ltr">{w.person.caseNumber}</td>
                  <td>{w.person.name}</td>
                  <td>{nationalityName(w.person.nationality, locale, t("enums.stateless"))}</td>
                  <td>{t(`enums.sex.${w.person.sex}`)}</td>
                  <td>{t("cases.years", { age: w.person.age })}</td>
                  <td>{format.dateTime(new Date(w.acceptedAt), { dateStyle: "medium" })}</td>
                  {canOpen ? (
                    <td>
                      <Link
                        className="button"
                        href={`/returns/new?referral=${w.referralId}`}
                        aria-label={t("returns.list.openFor", { name: w.person.name })}
                      >
                        {t("returns.list.open")}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="pipeline">
        <h2 id="pipeline">{t("returns.list.pipelineTitle")}</h2>
        <search>
          <form method="get" action="/returns" className="card" aria-label={t("returns.list.filters")}>
            <div className="grid-4">
              <div className="field">
                <label htmlFor="f-stage">{t("returns.list.stage")}</label>
                <select id="f-stage" name="stage" defaultValue={stage ?? ""}>
                  <option value="">{t("returns.list.anyStage")}</option>
                  {VHR_STAGES.map((s) => (
                    <option key={s} value={s}>
                      {t(`vhr.stages.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="f-nationality">{t("fields.nationality")}</label>
                <select id="f-nationality" name="nationality" defaultValue={nationality ?? ""}>
                  <option value="">{t("fields.any")}</option>
                  {nationalities.map((n) => (
                    <option key={n.code} value={n.code}>
                      {n.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="actions">
              <button type="submit">{t("returns.list.apply")}</button>
              {filtered ? (
                <Link className="button secondary" href="/returns">
                  {t("returns.list.clear")}
                </Link>
              ) : null}
            </div>
          </form>
        </search>
        {truncated ? (
          <p className="alert warn" role="status">
            {t("returns.list.truncated", { count: LIMIT })}
          </p>
        ) : null}
        {cases.length === 0 ? (
          <p className="muted">
            {filtered ? t("returns.list.pipelineEmptyFiltered") : t("returns.list.pipelineEmpty")}
          </p>
        ) : (
          <table data-testid="returns-cases">
            <thead>
              <tr>
                <th scope="col">{t("returns.list.caseNumber")}</th>
                <th scope="col">{t("returns.list.name")}</th>
                <th scope="col">{t("fields.nationality")}</th>
                <th scope="col">{t("returns.list.destination")}</th>
                <th scope="col">{t("returns.list.stage")}</th>
                <th scope="col">{t("returns.list.documentExpiry")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/returns/${c.id}`} dir="ltr">
                      {c.person.caseNumber}
                    </Link>
                  </td>
                  <td>
                    <Link href={`/returns/${c.id}`}>{c.person.name}</Link>
                  </td>
                  <td>{nationalityName(c.person.nationality, locale, t("enums.stateless"))}</td>
                  <td>{countryName(c.destinationCountry, locale)}</td>
                  <td>
                    <StageBadge stage={c.stage} />
                  </td>
                  <td>
                    {c.travelDocumentExpiry ? (
                      <>
                        {date(c.travelDocumentExpiry)}
                        {c.travelDocumentExpiry < today ? (
                          <>
                            {" "}
                            <span className="badge overdue">{t("returns.list.expired")}</span>
                          </>
                        ) : null}
                      </>
                    ) : (
                      <span className="muted">{t("returns.list.noDocument")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
