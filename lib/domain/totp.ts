import { generate, generateSecret, generateURI, verify } from "otplib";

/** RFC 6238 parameters every common authenticator app understands: SHA-1, 6 digits, 30 s. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = "Sanad";
/** Clocks on phones drift: one step either side of the server's is accepted, no more. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code an authenticator shows at `now`; used by tests and nowhere in sign-in. */
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/** Six digits, ignoring the spaces people type or paste ("123 456"). */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

export type TotpCheck =
  | { valid: true; step: number }
  | { valid: false; reason: "malformed" | "wrong" | "replayed" };

/**
 * Checks a code at `now`, one step either side. A code whose step is not after `lastStep` (the last
 * accepted one) is refused, so a code seen over someone's shoulder cannot be used a second time.
 */
export async function checkTotp(
  secret: string,
  input: string,
  now: Date,
  lastStep: number | null,
): Promise<TotpCheck> {
  const token = normaliseTotpCode(input);
  if (!token) return { valid: false, reason: "malformed" };
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  // The functional API types HOTP results too; a TOTP match always carries its time step.
  if (!result.valid || !("timeStep" in result)) return { valid: false, reason: "wrong" };
  if (lastStep !== null && result.timeStep <= lastStep) return { valid: false, reason: "replayed" };
  return { valid: true, step: result.timeStep };
}
