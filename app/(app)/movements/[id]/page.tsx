import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BookingCandidates } from "@/components/movements/booking-candidates";
import { Manifest } from "@/components/movements/manifest";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getMovement } from "@/lib/dal/vhr/get-movement";
import { BOARDING_WINDOW_HOURS } from "@/lib/domain/vhr/constants";
import { countryName } from "@/lib/reference/countries";

export const metadata: Metadata = { robots: { index: false } };

export default async function MovementPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const m = await orNotFound(getMovement(ctx, id));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const planned = m.status === "planned";
  // Outcomes are recorded at boarding: from a few hours before the flight.
  const canConfirm =
    planned && Date.now() >= new Date(m.departsAt).getTime() - BOARDING_WINDOW_HOURS * 3_600_000;
  const full = m.seatsTaken >= m.capacity;
  return (
    <>
      <div className="toolbar">
        <h1>
          {t("movements.detail.title")} <span dir="ltr">{m.reference}</span>
        </h1>
        <div className="actions no-print">
          <Link className="button secondary" href={`/movements/${m.id}/print`}>
            {t("movements.detail.print")}
          </Link>
          <a className="button secondary" href={`/movements/${m.id}/export?format=xlsx`} download>
            {t("movements.detail.exportXlsx")}
          </a>
          <a className="button secondary" href={`/movements/${m.id}/export?format=csv`} download>
            {t("movements.detail.exportCsv")}
          </a>
        </div>
      </div>
      <dl className="facts card" data-testid="movement-facts">
        <dt>{t("movements.fields.kind")}</dt>
        <dd>{t(`vhr.kinds.${m.kind}`)}</dd>
        <dt>{t("movements.fields.departs")}</dt>
        <dd>
          {format.dateTime(new Date(m.departsAt), {
            dateStyle: "full",
            timeStyle: "short",
            timeZone: "Africa/Tripoli",
          })}
        </dd>
        <dt>{t("movements.fields.route")}</dt>
        <dd>
          {t("movements.route", {
            from: t(`vhr.airports.${m.departureAirport}`),
            to: m.destinationAirport,
            country: countryName(m.destinationCountry, locale),
          })}
        </dd>
        <dt>{t("movements.fields.seats")}</dt>
        <dd data-testid="seats">
          {m.seatsTaken} / {m.capacity}
        </dd>
        <dt>{t("movements.fields.escorts")}</dt>
        <dd>
          {t("movements.detail.escorts", { medical: m.medicalEscorts, operational: m.operationalEscorts })}
        </dd>
        <dt>{t("movements.fields.status")}</dt>
        <dd data-testid="movement-status">{t(`vhr.movementStatuses.${m.status}`)}</dd>
      </dl>
      <section aria-labelledby="manifest-h">
        <h2 id="manifest-h">{t("movements.manifest.title")}</h2>
        {planned && !canConfirm ? (
          <p className="muted">{t("movements.confirm.notYet", { hours: BOARDING_WINDOW_HOURS })}</p>
        ) : null}
        <Manifest
          movementId={m.id}
          movementVersion={m.version}
          entries={m.manifest}
          planned={planned}
          canConfirm={canConfirm}
          canClose={m.canClose}
        />
      </section>
      {planned ? (
        <section aria-labelledby="candidates-h" className="no-print">
          <h2 id="candidates-h">{t("movements.candidates.title")}</h2>
          <p className="muted">
            {t("movements.candidates.intro", { country: countryName(m.destinationCountry, locale) })}
          </p>
          {full ? <p className="alert warn">{t("vhr.errors.movementFull")}</p> : null}
          <BookingCandidates movementId={m.id} candidates={m.candidates} full={full} />
        </section>
      ) : null}
    </>
  );
}
