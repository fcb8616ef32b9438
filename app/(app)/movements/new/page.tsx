import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { MovementForm } from "@/components/movements/movement-form";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { requireMovementOfficer } from "@/lib/dal/vhr/require-movement-officer";
import { todayIso } from "@/lib/domain/age";
import { countryOptions } from "@/lib/reference/countries";

export const metadata: Metadata = { robots: { index: false } };

export default async function NewMovementPage() {
  const ctx = await requireContext();
  await orNotFound(requireMovementOfficer(ctx));
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <h1>{t("movements.new.title")}</h1>
      <p className="muted">{t("movements.new.intro")}</p>
      <MovementForm countries={countryOptions(locale)} defaultDate={todayIso()} />
    </>
  );
}
