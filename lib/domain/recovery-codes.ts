/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand stays unambiguous. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECOVERY_CODE_COUNT = 8;
/** 16 symbols of 5 bits: 80 random bits, beyond offline search even if the hashes leak. */
const LENGTH = 16;

/** Fresh recovery codes, formatted for display in groups of four ("7K2M-…"). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
    const symbols = Array.from(bytes, (b) => ALPHABET[b & 31]).join("");
    return symbols.match(/.{4}/g)?.join("-") ?? symbols;
  });
}

/**
 * The canonical form of a typed recovery code: separators and case ignored, and the letters
 * Crockford's alphabet leaves out read as the digits they resemble. Null when it cannot be one.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}
