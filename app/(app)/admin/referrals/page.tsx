import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getReferralSettings } from "@/lib/dal/referrals/get-referral-settings";
import { DeadlinesForm } from "./deadlines-form";
import { PartnerForm } from "./partner-form";

export const metadata: Metadata = { robots: { index: false } };

/** Partner organisations, the services each takes, and the deadline per urgency. */
export default async function ReferralSettingsPage() {
  const ctx = await requireContext();
  const settings = await orNotFound(getReferralSettings(ctx));
  const t = await getTranslations("referrals");
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <section className="card" aria-labelledby="deadlines">
        <h2 id="deadlines" style={{ marginBlockStart: 0 }}>
          {t("admin.deadlines")}
        </h2>
        <DeadlinesForm version={settings.settingsVersion} hours={settings.hours} />
      </section>
      <section className="card" aria-labelledby="partners">
        <h2 id="partners" style={{ marginBlockStart: 0 }}>
          {t("admin.partners")}
        </h2>
        <p className="muted">{t("admin.partnersIntro")}</p>
        {settings.organisations.map((o) => (
          <details key={o.id} data-testid="partner">
            <summary>
              {o.name} ({o.code}){o.active ? "" : ` · ${t("admin.inactive")}`} ·{" "}
              {o.services.map((s) => t(`services.${s}`)).join(", ") || t("admin.noServices")}
            </summary>
            <PartnerForm organisation={o} />
          </details>
        ))}
        <h3>{t("admin.addPartner")}</h3>
        <PartnerForm />
      </section>
    </>
  );
}
