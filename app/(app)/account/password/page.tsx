import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { PasswordForm } from "./password-form";

export default async function ChangePasswordPage() {
  const { actor } = await requireContext({ allowPasswordChange: true });
  const t = await getTranslations("account");
  return (
    <>
      <h1>{t("title")}</h1>
      {actor.mustChangePassword ? (
        <div className="alert warn" role="status">
          {t("mustChange")}
        </div>
      ) : null}
      <div className="card" style={{ maxWidth: "30rem" }}>
        <PasswordForm />
      </div>
    </>
  );
}
