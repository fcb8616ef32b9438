import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

/** A 256-bit key for one purpose, derived from the application secret (HKDF-SHA256). */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "sanad", purpose, 32));
}

function appSecret(): string {
  const secret = process.env.AUTH_SECRET;
  // Refuse rather than encrypt under a guessable key.
  if (!secret || secret.length < 16) throw new Error("AUTH_SECRET must be set");
  return secret;
}

export const totpSecretKey = () => deriveKey(appSecret(), "totp-secret:v1");
export const recoveryCodeKey = () => deriveKey(appSecret(), "totp-recovery-code:v1");

/**
 * AES-256-GCM with a random 96-bit nonce. `context` (the owner's id) is authenticated but not
 * stored, so a ciphertext copied onto another user's row does not decrypt.
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

/** Throws when the value was tampered with, sealed for another context or under another key. */
export function open(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("unreadable sealed value");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Keyed hash of a normalised recovery code (see user_totp_recovery_codes). */
export function hashRecoveryCode(key: Buffer, normalisedCode: string): string {
  return createHmac("sha256", key).update(normalisedCode).digest("hex");
}
