import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/locale-action";
import { LOCALES } from "@/lib/i18n/locales";

const NATIVE_NAMES: Record<string, string> = { en: "English", ar: "العربية", fr: "Français" };

/**
 * One button per language, each named in its own language. A plain form that posts to a server
 * action: it works before the page's scripts have run and sends none of its own, and a language
 * changes on a deliberate press, not as a side effect of moving through a select's options.
 */
export async function LanguageSwitcher() {
  const t = await getTranslations("nav");
  const current = await getLocale();
  return (
    <form action={setLocaleAction} className="language">
      <fieldset>
        <legend className="label">{t("language")}</legend>
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            className="link"
            aria-current={locale === current ? "true" : undefined}
          >
            {NATIVE_NAMES[locale]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
