import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getRetentionPolicies } from "@/lib/dal/retention/retention-policies";
import { RETENTION_CATEGORIES } from "@/lib/domain/retention";
import { RetentionForm } from "./retention-form";

export const metadata: Metadata = { robots: { index: false } };

/** The administrator sets how long closed cases of each category are kept before anonymisation. */
export default async function RetentionPage() {
  const ctx = await requireContext();
  const days = await orNotFound(getRetentionPolicies(ctx));
  const t = await getTranslations("retention");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("help")}</p>
      <section className="card">
        {RETENTION_CATEGORIES.map((category) => (
          <RetentionForm key={category} category={category} days={days[category]} />
        ))}
      </section>
    </>
  );
}
