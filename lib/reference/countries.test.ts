import { describe, expect, it } from "vitest";
import { countryName, countryOptions, nationalityName } from "./countries";
import { STATELESS_OR_UNKNOWN } from "./nationalities";

describe("nationality names", () => {
  it("names a country in the reader's language", () => {
    expect(nationalityName("NER", "en", "Stateless or unknown")).toBe("Niger");
    expect(nationalityName("NER", "fr", "Apatride")).toBe("Niger");
    expect(nationalityName("EGY", "ar", "عديم الجنسية")).toMatch(/^[\u0600-\u06FF\s]+$/);
  });

  it("gives a nationality not established its message, not the code XXX", () => {
    expect(nationalityName(STATELESS_OR_UNKNOWN, "en", "Stateless or unknown")).toBe("Stateless or unknown");
    expect(countryName(STATELESS_OR_UNKNOWN, "en")).toBe("XXX");
  });

  it("falls back to the code for one it does not know", () => {
    expect(nationalityName("QQQ", "en", "Stateless or unknown")).toBe("QQQ");
  });

  it("lists every country once, sorted in the reader's language", () => {
    const options = countryOptions("en");
    expect(new Set(options.map((o) => o.code)).size).toBe(options.length);
    expect(options.map((o) => o.name)).toEqual(
      [...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b, "en")),
    );
    expect(options.find((o) => o.code === "LBY")?.name).toBe("Libya");
  });
});
