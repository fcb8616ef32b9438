import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The sections of a case, each its own route under /cases/[id]. A feature adds its section here
 * and a `caseTabs.<key>` message; the page behind it checks access through the DAL as usual.
 */
export const CASE_TABS = [
  { key: "overview", path: "" },
  { key: "screenings", path: "/screenings" },
  { key: "plan", path: "/plan" },
  { key: "assistance", path: "/assistance" },
  { key: "referrals", path: "/referrals" },
  { key: "bid", path: "/bid" },
  { key: "notes", path: "/notes" },
  { key: "closure", path: "/closure" },
  { key: "history", path: "/history" },
] as const satisfies ReadonlyArray<{
  key: string;
  path: string;
}>;

export type CaseTabKey = (typeof CASE_TABS)[number]["key"];

export async function CaseTabs({ id, active }: { id: string; active: CaseTabKey }) {
  const t = await getTranslations("caseTabs");
  return (
    <nav aria-label={t("label")} className="case-tabs">
      <ul>
        {CASE_TABS.map((tab) => (
          <li key={tab.key}>
            <Link href={`/cases/${id}${tab.path}`} aria-current={tab.key === active ? "page" : undefined}>
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
