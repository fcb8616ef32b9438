import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Messages = { [key: string]: string | Messages };

const MESSAGES_DIR = path.join(process.cwd(), "lib", "i18n", "messages");
const cache = new Map<string, Messages>();

/**
 * Every `lib/i18n/messages/<locale>/*.json` file merged. Each feature keeps its own file with its
 * own top-level namespaces, so features never edit each other's messages; a namespace defined
 * twice is an error rather than a silent overwrite.
 */
export function loadMessages(locale: string, dir = MESSAGES_DIR): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const merged: Messages = {};
  // Read at run time from the source tree. turbopackIgnore keeps the build's file tracer from
  // taking these dynamic paths as a reason to trace the whole project.
  const localeDir = path.join(/* turbopackIgnore: true */ dir, locale);
  for (const file of readdirSync(localeDir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const part = JSON.parse(
      readFileSync(path.join(/* turbopackIgnore: true */ localeDir, file), "utf8"),
    ) as Messages;
    for (const [namespace, value] of Object.entries(part)) {
      if (namespace in merged)
        throw new Error(`Message namespace "${namespace}" is defined twice (${locale}/${file})`);
      merged[namespace] = value;
    }
  }
  cache.set(locale, merged);
  return merged;
}
