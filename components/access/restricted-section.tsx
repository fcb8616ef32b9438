import { getTranslations } from "next-intl/server";
import type { CategoryAccess } from "@/lib/dal/access/can-see-category";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import { BreakGlassForm } from "./break-glass-form";

/**
 * Stands in for a sensitive section the actor may not see: only its existence is shown, as
 * "restricted", with the break-glass form when the actor may use it. Other features render it in
 * place of their section when canSeeCategory is false.
 */
export async function RestrictedSection({
  beneficiaryId,
  category,
  canBreakGlass,
}: {
  beneficiaryId: string;
  category: SensitiveCategory;
  canBreakGlass: boolean;
}) {
  const t = await getTranslations("access");
  return (
    <div className="restricted" data-testid={`restricted-${category}`}>
      <p>
        <span className="badge">{t("restricted")}</span>{" "}
        {t("restrictedHelp", { category: t(`categories.${category}`) })}
      </p>
      {canBreakGlass ? <BreakGlassForm beneficiaryId={beneficiaryId} category={category} /> : null}
    </div>
  );
}

export async function AccessBadge({ access }: { access: CategoryAccess }) {
  const t = await getTranslations("access");
  return <span className={`badge access-${access}`}>{t(`state.${access}`)}</span>;
}
