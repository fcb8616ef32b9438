import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getVhrSettings } from "@/lib/dal/vhr/settings";
import { VhrSettingsForm } from "./settings-form";

export const metadata: Metadata = { robots: { index: false } };

/** The mission's medical policy for returns: how long before departure fit-to-travel may be. */
export default async function ReturnSettingsPage() {
  const ctx = await requireContext();
  const settings = await orNotFound(getVhrSettings(ctx));
  const t = await getTranslations("returns");
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <section className="card" aria-labelledby="ftt-window">
        <h2 id="ftt-window" style={{ marginBlockStart: 0 }}>
          {t("admin.window")}
        </h2>
        <p className="muted">{t("admin.windowIntro")}</p>
        <VhrSettingsForm version={settings.version} hours={settings.fitToTravelWindowHours} />
      </section>
    </>
  );
}
