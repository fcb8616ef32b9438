import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getRoleSecurityPolicies } from "@/lib/dal/security/get-role-security-policies";
import { RolePolicyForm } from "./role-policy-form";

export const metadata: Metadata = { robots: { index: false } };

/** The administrator requires two-factor authentication per role. */
export default async function SecuritySettingsPage() {
  const ctx = await requireContext();
  const policies = await orNotFound(getRoleSecurityPolicies(ctx));
  const t = await getTranslations();
  return (
    <>
      <h1>{t("twoFactor.admin.title")}</h1>
      <p className="muted">{t("twoFactor.admin.help")}</p>
      <section className="card">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("twoFactor.admin.role")}</th>
              <th scope="col">{t("twoFactor.admin.enrolled")}</th>
              <th scope="col">{t("twoFactor.admin.require")}</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <tr key={p.role} data-testid={`policy-${p.role}`}>
                <th scope="row">{t(`roles.${p.role}`)}</th>
                <td>
                  {t("twoFactor.admin.enrolledCount", { enrolled: p.enrolledUsers, total: p.activeUsers })}
                </td>
                <td>
                  <RolePolicyForm role={p.role} requireTotp={p.requireTotp} label={t(`roles.${p.role}`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
