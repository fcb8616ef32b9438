"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/reference/countries";

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

export function DuplicateMatches({ matches }: { matches: DuplicateMatchView[] }) {
  const t = useTranslations();
  const locale = useLocale();
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
                nationality: countryName(m.nationality, locale),
                office: t(`offices.${m.officeCode as "TIP"}`),
              })}{" "}
              <span className="muted">
                · {t("register.similarity", { score: Math.round(m.score * 100) })}
              </span>
            </span>
            <Link className="button secondary" href={`/cases/${m.id}`}>
              {t("register.open")}
            </Link>
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
