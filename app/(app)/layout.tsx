import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/language-switcher";
import { NavLinks } from "@/components/nav-links";
import { currentActor } from "@/lib/auth/actor";
import { navigationFor } from "@/lib/authz";
import { signOutAction } from "./sign-out-action";

/** The signed-in shell. Pages still check the actor themselves through the DAL. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const t = await getTranslations();
  const items =
    actor.mustChangePassword || actor.mustEnrolTotp ? [] : navigationFor(actor.role, actor.services);
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t("app.skipToContent")}
      </a>
      <aside className="sidebar">
        <div>
          <div className="brand">{t("app.name")}</div>
          <div className="who" data-testid="who">
            {t("nav.signedInAs", { name: actor.name })}
            <br />
            {t(`roles.${actor.role}`)} · {t(`offices.${actor.officeCode as "TIP"}`)}
          </div>
        </div>
        <nav aria-label={t("nav.main")}>
          <NavLinks
            items={[
              { href: "/", label: t("nav.home"), key: "home" },
              ...items.map((item) => ({ key: item.key, href: item.href, label: t(`nav.${item.key}`) })),
            ]}
          />
        </nav>
        <div className="bottom">
          <LanguageSwitcher />
          <a href="/account/password">{t("nav.account")}</a>
          <a href="/account/security">{t("nav.twoFactor")}</a>
          <form action={signOutAction}>
            <button type="submit" className="link">
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      </aside>
      <main className="content" id="content">
        {children}
      </main>
    </div>
  );
}
