import { getTranslations } from "next-intl/server";

/**
 * A plain link home, not `next/link`: with it, this page got its own copy of the link runtime and
 * every page rendering `next/link` from a server component loaded that copy as well.
 */
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="content" id="content">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <a href="/">{t("home")}</a>
    </main>
  );
}
