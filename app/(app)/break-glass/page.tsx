import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listBreakGlass } from "@/lib/dal/access/list-break-glass";
import { BreakGlassReviewList } from "./review-list";

export const metadata: Metadata = { robots: { index: false } };

/** The supervisor's queue of break-glass openings in their office, unreviewed first. */
export default async function BreakGlassPage() {
  const ctx = await requireContext();
  const items = await orNotFound(listBreakGlass(ctx));
  const t = await getTranslations("audit");
  return (
    <>
      <h1>{t("breakGlass.title")}</h1>
      <p className="muted">{t("breakGlass.help")}</p>
      <section className="card">
        <BreakGlassReviewList items={items} />
      </section>
    </>
  );
}
