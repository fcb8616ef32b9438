import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { getTwoFactorStatus } from "@/lib/dal/two-factor/get-two-factor-status";
import { DisableForm } from "./disable-form";
import { EnrolmentForm } from "./enrolment-form";

export const metadata: Metadata = { robots: { index: false } };

/** Each user's own two-factor settings; also where a role's requirement sends those not enrolled. */
export default async function AccountSecurityPage() {
  const ctx = await requireContext({ allowTotpEnrolment: true });
  const status = await getTwoFactorStatus(ctx);
  const t = await getTranslations("twoFactor");
  const format = await getFormatter();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {ctx.actor.mustEnrolTotp ? (
        <div className="alert warn" role="status">
          {t("mustEnrol")}
        </div>
      ) : null}
      <section className="card" style={{ maxWidth: "36rem" }}>
        {status.enabled && status.enabledAt ? (
          <>
            <p data-testid="two-factor-status">
              <span className="badge">{t("status.enabled")}</span>{" "}
              {t("status.since", {
                date: format.dateTime(new Date(status.enabledAt), { dateStyle: "medium" }),
              })}
            </p>
            <p className="muted">{t("status.recoveryCodesLeft", { count: status.recoveryCodesLeft })}</p>
            {status.required ? <p className="muted">{t("status.requiredByRole")}</p> : null}
            <DisableForm />
          </>
        ) : (
          <>
            <p data-testid="two-factor-status">
              <span className="badge">{t("status.disabled")}</span>
            </p>
            <EnrolmentForm />
          </>
        )}
      </section>
    </>
  );
}
