import { getTranslations } from "next-intl/server";
import type { ReferralState } from "@/lib/domain/referrals/catalogue";

export async function StateBadge({ state, overdue }: { state: ReferralState; overdue?: boolean }) {
  const t = await getTranslations("referrals");
  return (
    <>
      <span className={`badge referral-state state-${state}`} data-testid="referral-state">
        {t(`states.${state}`)}
      </span>
      {overdue ? (
        <>
          {" "}
          <span className="badge overdue" data-testid="referral-overdue">
            {t("overdue")}
          </span>
        </>
      ) : null}
    </>
  );
}
