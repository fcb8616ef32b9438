import { getFormatter, getTranslations } from "next-intl/server";
import type { ReferralHistoryEntry } from "@/lib/dal/referrals/history";

/** Who did what and when, with the note, oldest first. */
export async function ReferralHistory({ entries }: { entries: ReferralHistoryEntry[] }) {
  const t = await getTranslations("referrals");
  const format = await getFormatter();
  return (
    <ol className="referral-history">
      {entries.map((e) => (
        <li key={`${e.at}-${e.toState}`}>
          <time dateTime={e.at}>
            {format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}
          </time>{" "}
          · <strong>{t(`states.${e.toState}`)}</strong> · {e.actorName ?? t("system")}
          {e.event === "withdraw_consent" ? ` · ${t("consentWithdrawn")}` : ""}
          {e.note ? <p className="muted">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
