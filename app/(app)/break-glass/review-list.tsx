"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useTransition } from "react";
import { ScriptButton } from "@/components/forms/script-button";
import type { BreakGlassReview } from "@/lib/dal/access/list-break-glass";
import { reviewBreakGlassAction } from "../access/actions";

export function BreakGlassReviewList({
  items,
  showCase = true,
}: {
  items: BreakGlassReview[];
  showCase?: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (items.length === 0) return <p className="muted">{t("audit.breakGlass.none")}</p>;
  return (
    <table data-testid="break-glass-list">
      <thead>
        <tr>
          {showCase ? <th scope="col">{t("audit.breakGlass.case")}</th> : null}
          <th scope="col">{t("audit.breakGlass.who")}</th>
          <th scope="col">{t("audit.breakGlass.category")}</th>
          <th scope="col">{t("audit.breakGlass.reason")}</th>
          <th scope="col">{t("audit.breakGlass.when")}</th>
          <th scope="col">{t("audit.breakGlass.review")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className={item.reviewedAt ? undefined : "flagged"}>
            {showCase ? (
              <td dir="ltr">
                <Link href={`/cases/${item.beneficiaryId}/history`}>{item.caseNumber}</Link>
              </td>
            ) : null}
            <td>{item.userName}</td>
            <td>
              <span className="badge flag">{t(`access.categories.${item.category}`)}</span>
            </td>
            <td>{item.reason}</td>
            <td>{format.dateTime(new Date(item.grantedAt), { dateStyle: "medium", timeStyle: "short" })}</td>
            <td>
              {item.reviewedAt ? (
                t("audit.breakGlass.reviewedBy", { name: item.reviewedBy ?? "" })
              ) : (
                <ScriptButton
                  disabled={pending}
                  onClick={() =>
                    startTransition(async () => {
                      await reviewBreakGlassAction(item.id);
                      router.refresh();
                    })
                  }
                >
                  {t("audit.breakGlass.markReviewed")}
                </ScriptButton>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
