import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { can } from "@/lib/authz";
import { getPipelineBoard } from "@/lib/dal/vhr/get-pipeline-board";
import { AWAITING_DOCUMENT_STAGES, VHR_STAGES, type VhrStage } from "@/lib/domain/vhr/constants";
import { countryName, nationalityName } from "@/lib/reference/countries";

export const metadata: Metadata = { robots: { index: false } };

/** Rows of counts keyed by a row label and a stage, with a total per row, largest first. */
function pivot(
  rows: Array<{ key: string; stage: VhrStage; n: number }>,
): Array<{ key: string; counts: Map<VhrStage, number>; total: number }> {
  const byKey = new Map<string, Map<VhrStage, number>>();
  for (const r of rows) {
    const counts = byKey.get(r.key) ?? new Map<VhrStage, number>();
    counts.set(r.stage, (counts.get(r.stage) ?? 0) + r.n);
    byKey.set(r.key, counts);
  }
  return [...byKey]
    .map(([key, counts]) => ({ key, counts, total: [...counts.values()].reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/**
 * The pipeline at a glance, in counts only: programme managers read it too, so no name appears.
 * Movements link to their manifest for the movement officers alone.
 */
export default async function PipelineBoardPage() {
  const ctx = await requireContext();
  const board = await orNotFound(getPipelineBoard(ctx));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const isOfficer = can(ctx.actor.role, "movement.read");
  const date = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const num = (n: number) => format.number(n);

  const byNationality = pivot(board.byStage.map((r) => ({ key: r.nationality, stage: r.stage, n: r.n })));
  const stageTotals = new Map(
    VHR_STAGES.map((s) => [s, board.byStage.filter((r) => r.stage === s).reduce((a, r) => a + r.n, 0)]),
  );
  const grandTotal = [...stageTotals.values()].reduce((a, b) => a + b, 0);
  const byEmbassy = pivot(board.awaitingDocument.map((r) => ({ key: r.country, stage: r.stage, n: r.n })));
  const awaitingTotal = byEmbassy.reduce((a, r) => a + r.total, 0);

  return (
    <>
      <h1>{t("returns.board.title")}</h1>
      <p className="muted">{t("returns.board.intro")}</p>

      <section className="card" aria-labelledby="by-stage">
        <h2 id="by-stage" style={{ marginBlockStart: 0 }}>
          {t("returns.board.byStage")}
        </h2>
        {byNationality.length === 0 ? (
          <p className="muted">{t("returns.board.byStageEmpty")}</p>
        ) : (
          <div style={{ overflowX: "auto" }}>
            <table data-testid="board-by-stage">
              <thead>
                <tr>
                  <th scope="col">{t("fields.nationality")}</th>
                  {VHR_STAGES.map((s) => (
                    <th key={s} scope="col" className="num">
                      {t(`vhr.stages.${s}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t("returns.board.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {byNationality.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{nationalityName(row.key, locale, t("enums.stateless"))}</th>
                    {VHR_STAGES.map((s) => (
                      <td key={s} className="num">
                        {row.counts.get(s) ? num(row.counts.get(s) ?? 0) : <span className="muted">0</span>}
                      </td>
                    ))}
                    <td className="num">
                      <strong>{num(row.total)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("returns.board.total")}</th>
                  {VHR_STAGES.map((s) => (
                    <td key={s} className="num">
                      <strong>{num(stageTotals.get(s) ?? 0)}</strong>
                    </td>
                  ))}
                  <td className="num">
                    <strong>{num(grandTotal)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <p className="muted">{t("returns.board.endedApart")}</p>
      </section>

      <section className="card" aria-labelledby="awaiting-document">
        <h2 id="awaiting-document" style={{ marginBlockStart: 0 }}>
          {t("returns.board.awaitingDocument")}
        </h2>
        <p className="muted">{t("returns.board.awaitingDocumentIntro")}</p>
        {byEmbassy.length === 0 ? (
          <p className="muted">{t("returns.board.awaitingDocumentEmpty")}</p>
        ) : (
          <table data-testid="board-awaiting-document">
            <thead>
              <tr>
                <th scope="col">{t("returns.board.embassy")}</th>
                {AWAITING_DOCUMENT_STAGES.map((s) => (
                  <th key={s} scope="col" className="num">
                    {t(`vhr.stages.${s}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("returns.board.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {byEmbassy.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{countryName(row.key, locale)}</th>
                  {AWAITING_DOCUMENT_STAGES.map((s) => (
                    <td key={s} className="num">
                      {num(row.counts.get(s) ?? 0)}
                    </td>
                  ))}
                  <td className="num">
                    <strong>{num(row.total)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("returns.board.total")}</th>
                {AWAITING_DOCUMENT_STAGES.map((s) => (
                  <td key={s} className="num">
                    <strong>{num(byEmbassy.reduce((a, r) => a + (r.counts.get(s) ?? 0), 0))}</strong>
                  </td>
                ))}
                <td className="num">
                  <strong>{num(awaitingTotal)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="upcoming">
        <h2 id="upcoming" style={{ marginBlockStart: 0 }}>
          {t("returns.board.upcoming")}
        </h2>
        {board.upcoming.length === 0 ? (
          <p className="muted">{t("returns.board.upcomingEmpty")}</p>
        ) : (
          <>
            <table data-testid="board-upcoming">
              <thead>
                <tr>
                  <th scope="col">{t("returns.board.reference")}</th>
                  <th scope="col">{t("returns.board.departure")}</th>
                  <th scope="col">{t("returns.board.airport")}</th>
                  <th scope="col">{t("returns.board.destination")}</th>
                  <th scope="col">{t("returns.board.kind")}</th>
                  <th scope="col" className="num">
                    {t("returns.board.seats")}
                  </th>
                  <th scope="col" className="num">
                    {t("returns.board.ready")}
                  </th>
                  <th scope="col" className="num">
                    {t("returns.board.blocked")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {board.upcoming.map((m) => (
                  <tr key={m.id}>
                    <td dir="ltr">
                      {isOfficer ? <Link href={`/movements/${m.id}`}>{m.reference}</Link> : m.reference}
                    </td>
                    <td>
                      {date(m.departureDate)} <span dir="ltr">{m.departureTime}</span>
                    </td>
                    <td>{t(`vhr.airports.${m.departureAirport}`)}</td>
                    <td>
                      {countryName(m.destinationCountry, locale)} ·{" "}
                      <span dir="ltr">{m.destinationAirport}</span>
                    </td>
                    <td>{t(`vhr.kinds.${m.kind}`)}</td>
                    <td className="num">
                      {t("returns.board.seatsOf", { taken: m.seatsTaken, capacity: m.capacity })}
                    </td>
                    <td className="num">{num(m.ready)}</td>
                    <td className="num">
                      {m.blocked > 0 ? <span className="badge warn">{num(m.blocked)}</span> : num(m.blocked)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">{t("returns.board.missionTime")}</p>
          </>
        )}
      </section>
    </>
  );
}
