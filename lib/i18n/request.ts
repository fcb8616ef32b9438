import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { compiledMessages } from "./compiled-messages";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locales";

async function preferredLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const accept = (await headers()).get("accept-language") ?? "";
  for (const part of accept.split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}

/** The locale lives in a cookie rather than the URL, so case URLs stay the same in every language. */
export default getRequestConfig(async () => {
  const locale = await preferredLocale();
  return {
    locale,
    messages: compiledMessages(locale),
    timeZone: "Africa/Tripoli",
  };
});
