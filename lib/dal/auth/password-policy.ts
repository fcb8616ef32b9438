import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { invalid } from "../errors";

let common: Set<string> | undefined;

/** The shipped list (common-passwords.txt), loaded once; kept on the server, out of the client bundle. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(path.join(process.cwd(), "lib", "dal", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#")),
  );
  return common;
}

/**
 * Whether a password is, or is merely a padded form of, a common password: "Password1234!" and
 * "qwertyqwerty" are as guessable as "password" and "qwerty".
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.trim().toLowerCase();
  if (list.has(lower)) return true;
  const base = lower.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  if (base.length >= 4 && list.has(base)) return true;
  const half = lower.length / 2;
  if (Number.isInteger(half) && lower.slice(0, half) === lower.slice(half) && list.has(lower.slice(0, half)))
    return true;
  return new Set(lower).size <= 2;
}

/** The server-side part of the password policy (length is in passwordSchema, shared with forms). */
export function assertPasswordPolicy(field: string, password: string): void {
  if (isCommonPassword(password)) throw invalid({ [field]: ["passwordPolicy.common"] });
}
