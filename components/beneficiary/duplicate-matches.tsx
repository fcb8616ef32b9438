"use client";

import { useTranslations } from "next-intl";
import { nationalityLabel } from "@/lib/reference/nationalities";
import type { CountryOption } from "./reference";

export type DuplicateMatchView =
  | {
      inScope: true;
      id: string;
      caseNumber: string;
      familyName: string;
      givenNames: string;
      officeCode: string;
      age: number;
      dobEstimated: boolean;
      nationality: string;
      score: number;
    }
  | { inScope: false; officeCode: string; score: number };

export function DuplicateMatches({
  matches,
  countries,
}: {
  matches: DuplicateMatchView[];
  /** The form's country list, named on the server in the reader's language. */
  countries: CountryOption[];
}) {
  const t = useTranslations();
  // Named from the countries the server gave: nationalityName would bring the country code table
  // into this page's JavaScript.
  const countryName = (code: string) =>
    nationalityLabel(code, t("enums.stateless"), (c) => countries.find((x) => x.code === c)?.name ?? c);
  return (
    <ul className="matches" data-testid="duplicate-matches">
      {matches.map((m, i) =>
        m.inScope ? (
          <li key={m.id}>
            <span>
              {t("register.matchInScope", {
                caseNumber: m.caseNumber,
                name: `${m.familyName}, ${m.givenNames}`,
                age: m.age,
                estimated: m.dobEstimated ? t("register.matchEstimated") : "",
                nationality: countryName(m.nationality),
                office: t(`offices.${m.officeCode as "TIP"}`),
              })}{" "}
              <span className="muted">
                · {t("register.similarity", { score: Math.round(m.score * 100) })}
              </span>
            </span>
            {/* A plain link: leaving the form needs no client-side navigation, nor next/link's code. */}
            <a className="button secondary" href={`/cases/${m.id}`}>
              {t("register.open")}
            </a>
          </li>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: out-of-scope matches carry no id by design
          <li key={`out-${i}`}>
            <span>{t("register.matchOutOfScope", { office: t(`offices.${m.officeCode as "TIP"}`) })}</span>
          </li>
        ),
      )}
    </ul>
  );
}
