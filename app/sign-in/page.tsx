import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; out?: string }>;
}) {
  const t = await getTranslations();
  const { next, out } = await searchParams;
  return (
    <main className="auth-page" id="content">
      <div className="card">
        <h1>{t("signIn.title")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        {out ? (
          <div className="alert ok" role="status">
            {t("signIn.signedOut")}
          </div>
        ) : null}
        <SignInForm next={typeof next === "string" ? next : "/"} />
        <div className="actions">
          <LanguageSwitcher />
        </div>
      </div>
    </main>
  );
}
