import format from "icu-minify/format";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { type CompiledMessages, compiledMessages } from "./compiled-messages";
import { loadMessages, type Messages } from "./load-messages";
import { LOCALES } from "./locales";

type Value = string | number | Date;

/** Sample values for each argument a compiled message uses, read from the compiled form. */
function argumentsOf(node: unknown, out: Map<string, Value[]>) {
  if (!Array.isArray(node)) return;
  const [name, type, options] = node as [unknown, unknown, unknown];
  if (typeof name === "string" && (type === undefined || typeof type === "number")) {
    if (type === undefined) out.set(name, out.get(name) ?? ["Zed"]);
    else if (type === 1) out.set(name, [...Object.keys(options as object), "unlisted"]);
    else if (type === 2 || type === 3 || type === 4) out.set(name, [0, 1, 2, 3, 11, 100, 1234.5]);
    else out.set(name, [new Date(Date.UTC(2024, 4, 1, 10))]);
    if (type === 1 || type === 2 || type === 3)
      for (const branch of Object.values(options as object)) argumentsOf(branch, out);
    return;
  }
  for (const child of node) argumentsOf(child, out);
}

function leaves(messages: Messages | CompiledMessages, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      for (const [k, v] of leaves(value as Messages, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) =>
    new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) =>
    new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};

describe("messages parsed on the server", () => {
  for (const locale of LOCALES) {
    it(`format exactly as the runtime ICU parser would (${locale})`, () => {
      const timeZone = "Africa/Tripoli";
      const t = createTranslator({ locale, messages: loadMessages(locale), timeZone });
      const compiled = leaves(compiledMessages(locale));
      const differences: string[] = [];
      for (const [key, message] of compiled) {
        const args = new Map<string, Value[]>();
        argumentsOf(message, args);
        const rounds = Math.max(1, ...[...args.values()].map((v) => v.length));
        for (let i = 0; i < rounds; i++) {
          const values = Object.fromEntries([...args].map(([name, v]) => [name, v[i % v.length] as Value]));
          const expected = t(key as never, values as never);
          const actual = format(message as never, locale, values, { formatters, timeZone });
          if (actual !== expected)
            differences.push(`${key} ${JSON.stringify(values)}: ${actual} ≠ ${expected}`);
        }
      }
      expect(compiled.size).toBeGreaterThan(100);
      expect(differences).toEqual([]);
    });
  }
});
