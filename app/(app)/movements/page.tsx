import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listMovements, type MovementListItem } from "@/lib/dal/vhr/list-movements";
import { countryName } from "@/lib/reference/countries";

export const metadata: Metadata = { robots: { index: false } };

export default async function MovementsPage() {
  const ctx = await requireContext();
  const { upcoming, past } = await orNotFound(listMovements(ctx));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const table = (rows: MovementListItem[], caption: string, testId: string) => (
    <table className="table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("movements.fields.reference")}</th>
          <th scope="col">{t("movements.fields.departs")}</th>
          <th scope="col">{t("movements.fields.route")}</th>
          <th scope="col">{t("movements.fields.seats")}</th>
          <th scope="col">{t("movements.fields.ready")}</th>
          <th scope="col">{t("movements.fields.blocked")}</th>
          <th scope="col">{t("movements.fields.departed")}</th>
          <th scope="col">{t("movements.fields.status")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <td>
              <Link href={`/movements/${m.id}`} dir="ltr">
                {m.reference}
              </Link>
            </td>
            <td>
              {format.dateTime(new Date(m.departsAt), {
                dateStyle: "medium",
                timeStyle: "short",
                timeZone: "Africa/Tripoli",
              })}
            </td>
            <td>
              {t("movements.route", {
                from: t(`vhr.airports.${m.departureAirport}`),
                to: m.destinationAirport,
                country: countryName(m.destinationCountry, locale),
              })}
            </td>
            <td>
              {m.seatsTaken} / {m.capacity}
            </td>
            <td>{m.status === "planned" ? m.ready : "—"}</td>
            <td>{m.status === "planned" ? m.blocked : "—"}</td>
            <td>{m.departed}</td>
            <td>{t(`vhr.movementStatuses.${m.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <div className="toolbar">
        <h1>{t("movements.title")}</h1>
        <Link className="button" href="/movements/new">
          {t("movements.new.title")}
        </Link>
      </div>
      <p className="muted">{t("movements.intro")}</p>
      {upcoming.length === 0 ? (
        <p className="muted">{t("movements.noUpcoming")}</p>
      ) : (
        table(upcoming, t("movements.upcoming"), "upcoming-movements")
      )}
      {past.length > 0 ? table(past, t("movements.past"), "past-movements") : null}
    </>
  );
}
