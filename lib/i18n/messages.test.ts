import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./load-messages";
import { LOCALES } from "./locales";

const messagesDir = fileURLToPath(new URL("./messages/", import.meta.url));
const validationDir = fileURLToPath(new URL("../validation/", import.meta.url));

type Messages = { [key: string]: string | Messages };

function load(locale: string): Messages | undefined {
  return existsSync(`${messagesDir}${locale}`) ? (loadMessages(locale, messagesDir) as Messages) : undefined;
}

/** `{ a: { b: "x" } }` → `{ "a.b": "x" }`; a non-string leaf is kept as is so the test can flag it. */
function flatten(messages: Messages, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/** Names of the ICU arguments in a message: `{name}`, `{age, plural, …}`. */
function argumentsOf(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}]/g)].map((m) => m[1] as string)),
  ].sort();
}

const REQUIRED_LOCALES = ["en", "ar", "fr"] as const;

const loaded = new Map(REQUIRED_LOCALES.map((locale) => [locale, load(locale)] as const));
const flat = new Map(
  [...loaded].flatMap(([locale, messages]) => (messages ? [[locale, flatten(messages)] as const] : [])),
);

function flatOf(locale: string): Map<string, unknown> {
  const messages = flat.get(locale as (typeof REQUIRED_LOCALES)[number]);
  if (!messages) throw new Error(`lib/i18n/messages/${locale}/ is missing`);
  return messages;
}

describe("message catalogues", () => {
  it("the app's locales are exactly en, ar and fr", () => {
    expect([...LOCALES].sort()).toEqual([...REQUIRED_LOCALES].sort());
  });

  it.each(REQUIRED_LOCALES)("%s.json exists", (locale) => {
    expect(loaded.get(locale), `lib/i18n/messages/${locale}.json`).toBeDefined();
  });

  it.each(REQUIRED_LOCALES)("%s.json has only non-empty string messages", (locale) => {
    const bad = [...flatOf(locale)].filter(([, value]) => typeof value !== "string" || value.trim() === "");
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it.each(REQUIRED_LOCALES.filter((locale) => locale !== "en"))(
    "%s.json has exactly the keys of en.json",
    (locale) => {
      const en = [...flatOf("en").keys()];
      const other = [...flatOf(locale).keys()];
      const missing = en.filter((key) => !flatOf(locale).has(key));
      const extra = other.filter((key) => !flatOf("en").has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    },
  );

  it.each(REQUIRED_LOCALES.filter((locale) => locale !== "en"))(
    "%s.json uses the same placeholders as en.json in every message",
    (locale) => {
      const en = flatOf("en");
      const other = flatOf(locale);
      const mismatches: string[] = [];
      for (const [key, english] of en) {
        const translated = other.get(key);
        if (typeof english !== "string" || typeof translated !== "string") continue;
        const want = argumentsOf(english).join(",");
        const got = argumentsOf(translated).join(",");
        if (want !== got) mismatches.push(`${key}: en {${want}} vs ${locale} {${got}}`);
      }
      expect(mismatches).toEqual([]);
    },
  );

  it("has no catalogue for a locale the app does not offer", () => {
    const entries = readdirSync(messagesDir, { withFileTypes: true });
    expect(entries.filter((e) => e.isFile() && e.name.endsWith(".json")).map((e) => e.name)).toEqual([]);
    for (const dir of entries.filter((e) => e.isDirectory())) expect(REQUIRED_LOCALES).toContain(dir.name);
  });

  it("every locale has the same feature files", () => {
    const files = (locale: string) => readdirSync(`${messagesDir}${locale}`).sort();
    for (const locale of REQUIRED_LOCALES) expect(files(locale), locale).toEqual(files("en"));
  });
});

/** Every message key the validation schemas can produce, read from their source. */
function validationMessageKeys(): Set<string> {
  const keys = new Set<string>();
  const files = readdirSync(validationDir).filter(
    (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
  );
  const patterns = [
    /\b(?:error|message):\s*"([A-Za-z]+)"/g, // { error: "required" }, { message: "futureDate" }
    /,\s*"([A-Za-z]+)"\s*\)/g, // .min(1, "required"), .refine(isCountryCode, "required")
    /\.int\(\s*"([A-Za-z]+)"\s*\)/g, // .int("invalidNumber")
  ];
  for (const file of files) {
    const source = readFileSync(`${validationDir}${file}`, "utf8");
    for (const pattern of patterns)
      for (const match of source.matchAll(pattern)) keys.add(match[1] as string);
  }
  return keys;
}

describe("validation messages", () => {
  const keys = validationMessageKeys();

  it("are found in the schema sources", () => {
    // Guards the extraction itself: these are used in lib/validation/{common,beneficiary,user}.ts.
    for (const key of [
      "required",
      "tooLong",
      "invalidDate",
      "futureDate",
      "ageRange",
      "uascRequired",
      "passwordsDiffer",
    ]) {
      expect(keys).toContain(key);
    }
  });

  it("every key used by a schema exists under validation. in en.json", () => {
    const en = flatOf("en");
    const missing = [...keys].filter((key) => typeof en.get(`validation.${key}`) !== "string").sort();
    expect(missing).toEqual([]);
  });

  it("the generic fallback validation.invalid exists", () => {
    expect(typeof flatOf("en").get("validation.invalid")).toBe("string");
  });
});
