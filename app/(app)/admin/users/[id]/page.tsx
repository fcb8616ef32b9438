import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getCategoryGrants } from "@/lib/dal/access/set-category-grant";
import { getUser } from "@/lib/dal/users/list-users";
import { CategoryGrantsForm } from "./category-grants-form";
import { EditUserForm } from "./edit-user-form";
import { ResetTwoFactorSection } from "./reset-two-factor-form";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const user = await orNotFound(getUser(ctx, id));
  const grants = await getCategoryGrants(ctx, user.id);
  const t = await getTranslations();
  return (
    <>
      <h1>{t("users.editTitle", { name: user.name })}</h1>
      <p className="muted" dir="ltr">
        {user.email} · {user.active ? t("users.active") : t("users.inactive")}
      </p>
      <EditUserForm user={user} />
      <ResetTwoFactorSection user={user} />
      <section className="card" aria-labelledby="grants">
        <h2 id="grants" style={{ marginBlockStart: 0 }}>
          {t("access.grants.title")}
        </h2>
        <CategoryGrantsForm userId={user.id} initial={grants} />
      </section>
    </>
  );
}
