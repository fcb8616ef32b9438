import { describe, expect, it } from "vitest";
import { deriveKey, hashRecoveryCode, open, seal } from "./secret-box";

const key = deriveKey("a-test-application-secret-of-enough-length", "totp-secret:v1");

describe("secret box", () => {
  it("round-trips and never repeats a ciphertext", () => {
    const a = seal(key, "JBSWY3DPEHPK3PXP", "user-1");
    const b = seal(key, "JBSWY3DPEHPK3PXP", "user-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open(key, a, "user-1")).toBe("JBSWY3DPEHPK3PXP");
    expect(open(key, b, "user-1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses another context, another key or a tampered value", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXP", "user-1");
    expect(() => open(key, sealed, "user-2")).toThrow();
    expect(() =>
      open(deriveKey("another-application-secret-entirely", "totp-secret:v1"), sealed, "user-1"),
    ).toThrow();
    expect(() =>
      open(deriveKey("a-test-application-secret-of-enough-length", "other"), sealed, "user-1"),
    ).toThrow();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    expect(() =>
      open(key, [parts[0], parts[1], parts[2], body.toString("base64url")].join("."), "user-1"),
    ).toThrow();
    expect(() => open(key, "garbage", "user-1")).toThrow();
  });

  it("hashes recovery codes with the key", () => {
    const other = deriveKey("another-application-secret-entirely", "totp-recovery-code:v1");
    expect(hashRecoveryCode(key, "ABCD")).toBe(hashRecoveryCode(key, "ABCD"));
    expect(hashRecoveryCode(key, "ABCD")).not.toBe(hashRecoveryCode(other, "ABCD"));
    expect(hashRecoveryCode(key, "ABCD")).toMatch(/^[0-9a-f]{64}$/);
  });
});
