import { getTranslations } from "next-intl/server";
import type { CaseAccess } from "@/lib/dal/access/get-case-access";
import { SENSITIVE_CATEGORIES } from "@/lib/domain/sensitive";
import { AccessBadge, RestrictedSection } from "./restricted-section";

/** The case's sensitive categories and the actor's access to each, with break-glass where allowed. */
export async function SensitiveSections({
  beneficiaryId,
  access,
}: {
  beneficiaryId: string;
  access: CaseAccess;
}) {
  const t = await getTranslations("access");
  return (
    <section className="card" aria-labelledby="sensitive">
      <h2 id="sensitive" style={{ marginBlockStart: 0 }}>
        {t("title")}
      </h2>
      <table>
        <tbody>
          {SENSITIVE_CATEGORIES.map((category) => {
            const state = access.categories[category];
            return (
              <tr key={category} data-testid={`category-${category}`}>
                <th scope="row">{t(`categories.${category}`)}</th>
                <td>
                  {state === "restricted" ? (
                    <RestrictedSection
                      beneficiaryId={beneficiaryId}
                      category={category}
                      canBreakGlass={access.canBreakGlass}
                    />
                  ) : (
                    <>
                      <AccessBadge access={state} />
                      {state === "break_glass" ? (
                        <span className="muted"> {t("breakGlass.logged")}</span>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">{t("help")}</p>
    </section>
  );
}
