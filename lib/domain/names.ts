/**
 * Name keys that survive the spelling variants of Arabic names written in Latin script
 * (Mohamed / Mohammed / Muhammad, Abdel / Abdul / Abd al, Al- / El-, ou / u, double letters)
 * and the usual variants of Arabic script (hamza forms, taa marbuta, diacritics).
 *
 * A Latin token becomes a consonant skeleton: digraphs are folded, vowels dropped (a leading
 * vowel is kept as "a"), and doubled letters collapse. Postgres compares keys with trigram
 * similarity, so what the skeleton does not fold still scores close.
 */

const ARABIC_LETTER = /[\u0600-\u06FF]/;
const ARTICLES = new Set([
  "al",
  "el",
  "ul",
  "il",
  "ad",
  "ed",
  "as",
  "es",
  "ar",
  "er",
  "an",
  "en",
  "at",
  "az",
  "ash",
  "ech",
]);
const ABD_PREFIX = /^abd(?:[aeiou]{1,2}[lr]?)?$/; // abd, abdel, abdul, abdal, abdou, abdoul, abdur
const ABD_JOINED = /^abd(?:el|ul|al|oul|ol|ou|u)(?=[a-z]{3,})/;
const ARTICLE_JOINED = /^(?:al|el)(?=[b-df-hj-km-np-tv-z][a-z]{3,})/; // Elsayed, Alhassan (not Alpha, Almaz, Allison)

function stripMarks(input: string): string {
  return input.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

function latinTokens(input: string): string[] {
  const cleaned = stripMarks(input)
    .toLowerCase()
    .replace(/[''`ʿʾ]/g, "")
    .replace(/[^a-z\s-]/g, " ");
  const raw = cleaned.split(/[\s-]+/).filter(Boolean);
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i] as string;
    const next = raw[i + 1];
    if (ARTICLES.has(token) && next !== undefined) continue;
    if (ABD_PREFIX.test(token) && next !== undefined) {
      const rest = ARTICLES.has(next) && raw[i + 2] !== undefined ? (raw[i + 2] as string) : next;
      tokens.push(`abd${rest}`);
      i += rest === next ? 1 : 2;
      continue;
    }
    tokens.push(token.replace(ARTICLE_JOINED, "").replace(ABD_JOINED, "abd"));
  }
  return tokens;
}

export function latinSkeleton(token: string): string {
  let s = token
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/dj/g, "j")
    .replace(/tch|ch|sch/g, "sh")
    .replace(/kh/g, "k")
    .replace(/gh/g, "g")
    .replace(/th/g, "t")
    .replace(/dh/g, "d")
    .replace(/sh/g, "s")
    .replace(/q/g, "k")
    .replace(/c/g, "k")
    .replace(/x/g, "ks")
    .replace(/([aeiou])h$/g, "$1");
  const leadingVowel = /^[aeiou]/.test(s);
  s = s.replace(/[aeiouyw]/g, (ch, offset: number) => (offset === 0 && (ch === "y" || ch === "w") ? ch : ""));
  s = s.replace(/(.)\1+/g, "$1");
  return leadingVowel ? `a${s}` : s;
}

export function arabicKey(input: string): string {
  return input
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/[^\u0621-\u064A\s]/g, " ")
    .replace(/(^|\s)عبد\s*(?:ال)?(?=\S)/g, "$1عبد") // عبد الرحمن = عبدالرحمن
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => (token.startsWith("ال") && token.length > 3 ? token.slice(2) : token))
    .join(" ");
}

/** The key stored for a person and computed for a query: Latin skeletons, then the Arabic key. */
export function nameKey(...names: Array<string | null | undefined>): string {
  const latin: string[] = [];
  const arabic: string[] = [];
  for (const name of names) {
    if (!name) continue;
    if (ARABIC_LETTER.test(name)) arabic.push(arabicKey(name));
    const tokens = latinTokens(name).map(latinSkeleton).filter(Boolean);
    latin.push(...tokens);
  }
  return [...latin, ...arabic].filter(Boolean).join(" ").trim();
}

/** Case numbers are typed by hand: fold case, spaces and the letters people confuse with digits. */
export function normalizeCaseNumber(input: string): string {
  const compact = input.toUpperCase().replace(/\s+/g, "");
  // Only what follows the prefix is folded: the "LBY" prefix itself has an L.
  const prefix = compact.startsWith("LBY") ? "LBY" : "";
  return prefix + compact.slice(prefix.length).replace(/O/g, "0").replace(/[IL]/g, "1");
}

export const CASE_NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U
export const CASE_NUMBER_PATTERN = /^LBY-\d{2}-[0-9A-HJKMNP-TV-Z]{6}$/;

/** `LBY-25-4K7QX2`: year of registration and six random base-32 characters, never sequential. */
export function formatCaseNumber(year: number, random: Uint8Array): string {
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += CASE_NUMBER_ALPHABET[(random[i] ?? 0) % 32];
  return `LBY-${String(year % 100).padStart(2, "0")}-${suffix}`;
}
