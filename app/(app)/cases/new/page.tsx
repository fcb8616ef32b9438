import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { can } from "@/lib/authz";
import { getReferenceData } from "@/lib/dal/reference/get-reference";
import { countryOptions } from "@/lib/reference/countries";
import { RegistrationForm } from "./registration-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage() {
  const ctx = await requireContext();
  if (!can(ctx.actor.role, "beneficiary.register")) notFound();
  const t = await getTranslations("register");
  const reference = await getReferenceData(ctx);
  return (
    <>
      <h1>{t("title")}</h1>
      <RegistrationForm
        reference={{
          mantikas: reference.mantikas,
          baladiyas: reference.baladiyas,
          countries: countryOptions(await getLocale()),
        }}
      />
    </>
  );
}
