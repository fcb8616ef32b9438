import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./password-policy";

describe("isCommonPassword", () => {
  it.each([
    "qwerty123456",
    "1q2w3e4r5t6y",
    "Password1234!",
    "iloveyou2024!!",
    "qwertyqwerty",
    "aaaaaaaaaaaa",
    "abababababab",
  ])("rejects %j", (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(["sanad-demo-password", "correct-horse-battery", "Tripoli harbour at dawn", "k7#Lq2!vZp9@"])(
    "accepts %j",
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );

  it("ships a list of at least 10,000 entries", async () => {
    const { readFileSync } = await import("node:fs");
    const lines = readFileSync("lib/dal/auth/common-passwords.txt", "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(lines.length).toBeGreaterThanOrEqual(10_000);
  });
});
