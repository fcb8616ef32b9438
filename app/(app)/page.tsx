import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MyTasksSection } from "@/components/case-lifecycle/my-tasks-section";
import { requireContext } from "@/lib/auth/actor";
import { navigationFor } from "@/lib/authz";

export default async function HomePage() {
  const ctx = await requireContext();
  const { actor } = ctx;
  const t = await getTranslations();
  const items = navigationFor(actor.role, actor.services).map((i) => i.key);
  return (
    <>
      <h1>{t("home.welcome", { name: actor.name })}</h1>
      <div className="card">
        <p>{t("home.role", { role: t(`roles.${actor.role}`) })}</p>
        <p>{t("home.office", { office: t(`offices.${actor.officeCode as "TIP"}`) })}</p>
        <p className="muted">{t(`roleIntro.${actor.role}`)}</p>
        <div className="actions">
          {items.includes("cases") ? (
            <Link className="button secondary" href="/cases">
              {t("home.openCases")}
            </Link>
          ) : null}
          {items.includes("register") ? (
            <Link className="button" href="/cases/new">
              {t("home.registerNew")}
            </Link>
          ) : null}
          {items.includes("users") ? (
            <Link className="button" href="/admin/users">
              {t("home.manageUsers")}
            </Link>
          ) : null}
        </div>
      </div>
      <MyTasksSection ctx={ctx} />
    </>
  );
}
