import compile from "icu-minify/compile";
import { loadMessages, type Messages } from "./load-messages";

type Compiled = ReturnType<typeof compile>;
export type CompiledMessages = { [key: string]: Compiled | CompiledMessages };

const cache = new Map<string, CompiledMessages>();

function compileAll(messages: Messages): CompiledMessages {
  const out: CompiledMessages = {};
  for (const [key, value] of Object.entries(messages)) {
    out[key] = typeof value === "string" ? compile(value) : compileAll(value);
  }
  return out;
}

/**
 * The locale's messages with every ICU message parsed once on the server. next.config.ts turns on
 * next-intl's precompiled formatting: server and browser only format these parsed messages, and the
 * browser bundle no longer carries the ICU parser.
 */
export function compiledMessages(locale: string): CompiledMessages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  // The compiler builds plural and select branches on null-prototype objects, which React refuses
  // to pass to the client provider; a JSON round trip gives the plain objects it accepts.
  const compiled = JSON.parse(JSON.stringify(compileAll(loadMessages(locale)))) as CompiledMessages;
  cache.set(locale, compiled);
  return compiled;
}
