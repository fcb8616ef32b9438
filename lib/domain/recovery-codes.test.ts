import { describe, expect, it } from "vitest";
import { newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("generates distinct, well-formed codes that normalise back", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(normaliseRecoveryCode(code)).toBe(code.replace(/-/g, ""));
    }
  });

  it("ignores case and separators and reads O, I and L as digits", () => {
    expect(normaliseRecoveryCode("abcd efgh-jkmn-pqrs")).toBe("ABCDEFGHJKMNPQRS");
    expect(normaliseRecoveryCode("oooo-iiii-llll-0000")).toBe("0000111111110000");
  });

  it("refuses the wrong length or letters outside the alphabet", () => {
    expect(normaliseRecoveryCode("ABCD-EFGH-JKMN")).toBeNull();
    expect(normaliseRecoveryCode("ABCD-EFGH-JKMN-PQRU")).toBeNull();
    expect(normaliseRecoveryCode("123456")).toBeNull();
  });
});
