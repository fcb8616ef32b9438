import { describe, expect, it } from "vitest";
import {
  arabicKey,
  CASE_NUMBER_ALPHABET,
  CASE_NUMBER_PATTERN,
  formatCaseNumber,
  nameKey,
  normalizeCaseNumber,
} from "./names";

/** Spellings of one name that a caseworker may type; all must give the same key. */
const SAME_NAME: ReadonlyArray<readonly string[]> = [
  ["Mohamed", "Mohammed", "Muhammad", "Mohamad"],
  ["Ahmed", "Ahmad"],
  ["Abdel Rahman", "Abdul Rahman", "Abd al-Rahman", "Abdurrahman", "Abdelrahman"],
  ["El-Sayed", "Al Sayed", "Elsayed"],
  ["Ousmane", "Usman", "Osman"],
  ["Youssef", "Yusuf", "Yousef"],
  ["Ibrahim", "Ebrahim"],
  ["Fatima", "Fatimah"],
  ["Diallo", "Dialo"],
  ["Traore", "Traoré"],
  // Arabic script: diacritics, hamza forms, taa marbuta, the article, a spaced or joined "Abd".
  ["مُحَمَّد", "محمد"],
  ["أحمد", "احمد"],
  ["فاطمة", "فاطمه"],
  ["عبد الرحمن", "عبدالرحمن"],
];

/** Different names that must not collapse onto one key. */
const DIFFERENT_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["Mensah", "Owusu"],
  ["Kofi", "Kwame"],
  ["Mohamed", "Ahmed"],
  ["Mohamed", "Mustafa"],
  ["Hassan", "Khaled"],
  ["Abdel Rahman", "Abdel Aziz"],
  ["Ibrahim", "Ismail"],
  ["Fatima", "Fatou"],
  ["Diallo", "Bah"],
  ["Youssef", "Yaya"],
  ["محمد", "أحمد"],
  ["فاطمة", "عائشة"],
];

describe("nameKey: spelling variants of one name give one key", () => {
  it.each(SAME_NAME.map((variants) => [variants.join(" / "), variants] as const))(
    "%s",
    (_label, variants) => {
      const [first, ...rest] = variants.map((name) => nameKey(name));
      expect(first).not.toBe("");
      for (const key of rest) expect(key).toBe(first);
    },
  );

  it("folds letter case and surrounding whitespace", () => {
    expect(nameKey("  MOHAMED  ")).toBe(nameKey("mohamed"));
    expect(nameKey("TRAORÉ")).toBe(nameKey("traore"));
  });

  it("folds apostrophes in transliterations", () => {
    expect(nameKey("Abd al-Rahman")).toBe(nameKey("ʿAbd al-Raḥman"));
  });

  it("folds a full name, family name and given names, token by token", () => {
    expect(nameKey("Traoré", "Mohammed Abdel Rahman")).toBe(nameKey("Traore", "Muhammad Abdurrahman"));
  });

  it("keeps names in order so that the Latin and Arabic parts both contribute", () => {
    const key = nameKey("Traoré", "Mohamed", "مُحَمَّد");
    expect(key).toBe(`${nameKey("Traore")} ${nameKey("Mohamed")} ${nameKey("محمد")}`);
  });

  it("ignores missing names", () => {
    expect(nameKey(undefined, "Ahmed", null, "")).toBe(nameKey("Ahmed"));
    expect(nameKey()).toBe("");
    expect(nameKey(null, undefined, "")).toBe("");
  });
});

describe("nameKey: different names give different keys", () => {
  it.each(DIFFERENT_NAMES)("%s ≠ %s", (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it("distinguishes a person's name from the same names swapped for another", () => {
    expect(nameKey("Mensah", "Kofi")).not.toBe(nameKey("Owusu", "Kwame"));
  });

  it("keeps a name that merely starts like an article", () => {
    expect(nameKey("Alpha")).not.toBe("");
    expect(nameKey("Alpha")).not.toBe(nameKey("Pha"));
    expect(nameKey("Ali")).not.toBe("");
  });

  it("keeps a lone article or Abd rather than dropping the whole name", () => {
    expect(nameKey("El")).not.toBe("");
    expect(nameKey("Abdou")).not.toBe("");
  });
});

describe("arabicKey", () => {
  it("drops the definite article from a long enough word", () => {
    expect(arabicKey("السيد")).toBe(arabicKey("سيد"));
  });

  it("folds alif maqsura and the hamza seats", () => {
    expect(arabicKey("مصطفى")).toBe(arabicKey("مصطفي"));
    expect(arabicKey("إبراهيم")).toBe(arabicKey("ابراهيم"));
    expect(arabicKey("آمنة")).toBe(arabicKey("امنه"));
  });

  it("ignores tatweel", () => {
    expect(arabicKey("محـــمد")).toBe(arabicKey("محمد"));
  });
});

describe("normalizeCaseNumber", () => {
  it("upper-cases and removes spaces", () => {
    expect(normalizeCaseNumber(" 25-4k7qx2 ")).toBe("25-4K7QX2");
    expect(normalizeCaseNumber("4K7 QX2")).toBe("4K7QX2");
    expect(normalizeCaseNumber("25 - 4k7 qx2")).toBe("25-4K7QX2");
  });

  it("reads the letter O as zero", () => {
    expect(normalizeCaseNumber("O0oAB2")).toBe("000AB2");
  });

  it("reads the letters I and L as one", () => {
    expect(normalizeCaseNumber("iIlL12")).toBe("111112");
  });

  it("does not invent hyphens", () => {
    expect(normalizeCaseNumber("lby 25 4k7qx2")).not.toMatch(CASE_NUMBER_PATTERN);
  });

  // A caseworker who types or pastes a full case number must find the case by number.
  it("keeps the LBY prefix, so a typed full case number is recognised as one", () => {
    expect(normalizeCaseNumber("LBY-25-4K7QX2")).toBe("LBY-25-4K7QX2");
    expect(normalizeCaseNumber(" lby - 25 - 4k7 qx2 ")).toBe("LBY-25-4K7QX2");
    expect(normalizeCaseNumber("lby-25-o1i2l3")).toBe("LBY-25-011213");
    for (let byte = 0; byte < 256; byte += 5) {
      const printed = formatCaseNumber(
        2031,
        new Uint8Array([byte, byte + 1, byte + 2, byte + 3, byte + 4, 9]),
      );
      const typed = printed.toLowerCase().replace(/-/g, " - ");
      expect(normalizeCaseNumber(typed)).toBe(printed);
      expect(normalizeCaseNumber(typed)).toMatch(CASE_NUMBER_PATTERN);
    }
  });
});

describe("formatCaseNumber", () => {
  it("formats the year and six base-32 characters", () => {
    expect(formatCaseNumber(2025, new Uint8Array([0, 1, 2, 3, 4, 5]))).toBe("LBY-25-012345");
    expect(formatCaseNumber(2025, new Uint8Array([31, 30, 10, 18, 22, 27]))).toBe("LBY-25-ZYAJPV");
  });

  it("pads the year to two digits", () => {
    expect(formatCaseNumber(2007, new Uint8Array(6))).toBe("LBY-07-000000");
    expect(formatCaseNumber(2100, new Uint8Array(6))).toBe("LBY-00-000000");
  });

  it("wraps every byte value into the alphabet", () => {
    expect(formatCaseNumber(2025, new Uint8Array([32, 33, 255, 64, 100, 200]))).toBe(
      `LBY-25-${["0", "1", "Z", "0", "4", "8"].join("")}`,
    );
  });

  it("always matches CASE_NUMBER_PATTERN and uses only the Crockford alphabet", () => {
    for (let byte = 0; byte < 256; byte++) {
      const random = new Uint8Array([
        byte,
        (byte + 37) % 256,
        (byte * 7) % 256,
        255 - byte,
        byte ^ 0x55,
        byte >> 1,
      ]);
      const formatted = formatCaseNumber(2025, random);
      expect(formatted).toMatch(CASE_NUMBER_PATTERN);
      for (const ch of formatted.slice("LBY-25-".length)) expect(CASE_NUMBER_ALPHABET).toContain(ch);
      expect(formatted.slice(7)).not.toMatch(/[ILOU]/);
    }
  });

  it("uses Crockford base 32: 32 distinct characters without I, L, O or U", () => {
    expect(CASE_NUMBER_ALPHABET).toHaveLength(32);
    expect(new Set(CASE_NUMBER_ALPHABET).size).toBe(32);
    expect(CASE_NUMBER_ALPHABET).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
  });

  it("CASE_NUMBER_PATTERN rejects malformed numbers", () => {
    for (const bad of [
      "LBY-25-4K7QX",
      "LBY-25-4K7QX22",
      "LBY-2025-4K7QX2",
      "lby-25-4k7qx2",
      "LBY-25-4K7QXU",
      "LBY-25-4K7QXI",
    ]) {
      expect(bad).not.toMatch(CASE_NUMBER_PATTERN);
    }
  });
});
