import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/bid/print-button";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getMovement } from "@/lib/dal/vhr/get-movement";
import { countryName } from "@/lib/reference/countries";

export const metadata: Metadata = { robots: { index: false } };

/** The manifest on paper for the airport team; the layout hides navigation when printing. */
export default async function ManifestPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const m = await orNotFound(getMovement(ctx, id));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const people = m.manifest.filter((e) => e.status === "booked" || e.status === "departed");
  return (
    <article className="print-sheet" data-testid="manifest-print">
      <div className="toolbar no-print">
        <PrintButton label={t("movements.print.now")} />
      </div>
      <h1>
        {t("movements.print.title")} <span dir="ltr">{m.reference}</span>
      </h1>
      <p>
        {t(`vhr.kinds.${m.kind}`)} ·{" "}
        {format.dateTime(new Date(m.departsAt), {
          dateStyle: "full",
          timeStyle: "short",
          timeZone: "Africa/Tripoli",
        })}{" "}
        ·{" "}
        {t("movements.route", {
          from: t(`vhr.airports.${m.departureAirport}`),
          to: m.destinationAirport,
          country: countryName(m.destinationCountry, locale),
        })}
      </p>
      <p className="muted">{t("movements.print.confidential")}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("movements.fields.person")}</th>
            <th scope="col">{t("movements.fields.travelDocument")}</th>
            <th scope="col">{t("movements.fields.fitToTravel")}</th>
            <th scope="col">{t("movements.fields.kit")}</th>
            <th scope="col">{t("movements.fields.readiness")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((e, i) => (
            <tr key={e.bookingId}>
              <td>{i + 1}</td>
              <td>
                {e.person.name} · <span dir="ltr">{e.person.caseNumber}</span> ·{" "}
                {t(`enums.sex.${e.person.sex}`)} · <span dir="ltr">{e.person.dateOfBirth}</span> ·{" "}
                {e.person.nationality}
              </td>
              <td>
                {e.travelDocument ? (
                  <>
                    {t(`vhr.documentTypes.${e.travelDocument.type}`)}{" "}
                    <span dir="ltr">{e.travelDocument.number}</span> ·{" "}
                    <span dir="ltr">{e.travelDocument.expiry}</span>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td>
                {e.fitToTravel ? t(`vhr.fttOutcomes.${e.fitToTravel.outcome as "fit"}`) : "—"}
                {e.fitToTravel && e.fitToTravel.conditions.length > 0
                  ? ` · ${e.fitToTravel.conditions.map((c) => t(`vhr.conditions.${c}`)).join(", ")}`
                  : null}
              </td>
              <td>{e.kitGiven ? "✓" : "—"}</td>
              <td>
                {e.status === "departed"
                  ? t("vhr.bookingStatuses.departed")
                  : e.blockers.length === 0
                    ? t("movements.ready")
                    : e.blockers.map((b) => t(`vhr.blockers.${b}`)).join("; ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("movements.print.count", { n: people.length, capacity: m.capacity })}</p>
    </article>
  );
}
