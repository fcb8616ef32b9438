import { describe, expect, it } from "vitest";
import { checkTotp, newTotpSecret, normaliseTotpCode, totpCodeAt, totpStepAt, totpUri } from "./totp";

// A step boundary: 1_800_000_000 is a multiple of 30.
const BOUNDARY = new Date(1_800_000_000 * 1000);
const at = (seconds: number) => new Date(BOUNDARY.getTime() + seconds * 1000);

describe("checkTotp", () => {
  const secret = newTotpSecret();

  it("accepts the current code and reports its step", async () => {
    const code = await totpCodeAt(secret, at(10));
    expect(await checkTotp(secret, code, at(10), null)).toEqual({ valid: true, step: totpStepAt(at(10)) });
  });

  it("accepts the previous and next step, and nothing further", async () => {
    const now = at(0); // first second of step N
    const step = totpStepAt(now);
    const previous = await totpCodeAt(secret, at(-1)); // last second of step N-1
    const next = await totpCodeAt(secret, at(30)); // step N+1
    const twoBack = await totpCodeAt(secret, at(-31)); // step N-2
    const twoAhead = await totpCodeAt(secret, at(60)); // step N+2
    expect(await checkTotp(secret, previous, now, null)).toEqual({ valid: true, step: step - 1 });
    expect(await checkTotp(secret, next, now, null)).toEqual({ valid: true, step: step + 1 });
    expect(await checkTotp(secret, twoBack, now, null)).toEqual({ valid: false, reason: "wrong" });
    expect(await checkTotp(secret, twoAhead, now, null)).toEqual({ valid: false, reason: "wrong" });
  });

  it("still accepts a code from the step just ended at the last second of the current step", async () => {
    const code = await totpCodeAt(secret, at(0));
    expect((await checkTotp(secret, code, at(59), null)).valid).toBe(true);
    expect((await checkTotp(secret, code, at(60), null)).valid).toBe(false);
  });

  it("refuses a code whose step is not after the last accepted step", async () => {
    const code = await totpCodeAt(secret, at(5));
    const first = await checkTotp(secret, code, at(5), null);
    expect(first.valid).toBe(true);
    const lastStep = first.valid ? first.step : -1;
    expect(await checkTotp(secret, code, at(6), lastStep)).toEqual({ valid: false, reason: "replayed" });
    // An older code still inside the window is refused too once a later one was used.
    const older = await totpCodeAt(secret, at(-20));
    expect(await checkTotp(secret, older, at(6), lastStep)).toEqual({ valid: false, reason: "replayed" });
    const later = await totpCodeAt(secret, at(35));
    expect(await checkTotp(secret, later, at(35), lastStep)).toEqual({ valid: true, step: lastStep + 1 });
  });

  it("refuses another secret's code and malformed input", async () => {
    const other = await totpCodeAt(newTotpSecret(), at(3));
    const own = await totpCodeAt(secret, at(3));
    if (other !== own) expect((await checkTotp(secret, other, at(3), null)).valid).toBe(false);
    expect(await checkTotp(secret, "12345", at(3), null)).toEqual({ valid: false, reason: "malformed" });
    expect(await checkTotp(secret, "abcdef", at(3), null)).toEqual({ valid: false, reason: "malformed" });
    expect(await checkTotp(secret, "", at(3), null)).toEqual({ valid: false, reason: "malformed" });
  });
});

describe("codes and URIs", () => {
  it("ignores spaces in a typed code", () => {
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    expect(normaliseTotpCode("1234567")).toBeNull();
  });

  it("builds an otpauth URI carrying the issuer and secret", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "someone@sanad.example");
    expect(uri.startsWith("otpauth://totp/")).toBe(true);
    expect(uri).toContain("secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(uri).toContain("issuer=Sanad");
  });

  it("generates base32 secrets of 160 bits", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });
});
