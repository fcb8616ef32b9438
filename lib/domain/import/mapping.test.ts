import { describe, expect, it } from "vitest";
import { normalizeHeader, suggestMapping } from "./mapping";
import { toBaladiya, toCountry, toEnum, toIsoDate, toMulti, toYesNo } from "./values";

describe("suggestMapping", () => {
  it("drops Kobo group paths and matches known header names", () => {
    expect(normalizeHeader("group_biodata/Family Name")).toBe("family_name");
    expect(
      suggestMapping([
        "_uuid",
        "grp/Surname",
        "grp/First name",
        "Gender",
        "DOB",
        "Nationalité",
        "municipality",
      ]),
    ).toEqual({
      familyName: "grp/Surname",
      givenNames: "grp/First name",
      sex: "Gender",
      dateOfBirth: "DOB",
      nationality: "Nationalité",
      baladiya: "municipality",
    });
  });

  it("uses a column for one field at most and leaves unknown headers alone", () => {
    const m = suggestMapping(["name", "xyz", "age"]);
    expect(Object.values(m).filter((h) => h === "name").length).toBeLessThanOrEqual(1);
    expect(Object.values(m)).not.toContain("xyz");
    expect(m.estimatedAge).toBe("age");
  });
});

describe("value conversion", () => {
  it("reads sex in several languages and refuses anything else", () => {
    expect(toEnum("sex", " F ")).toEqual({ ok: true, value: "female" });
    expect(toEnum("sex", "ذكر")).toEqual({ ok: true, value: "male" });
    expect(toEnum("sex", "H", { sex: { h: "male" } })).toEqual({ ok: true, value: "male" });
    expect(toEnum("sex", "X")).toEqual({ ok: false, key: "import.errors.unknownValue" });
  });

  it("reads yes/no as Kobo writes it", () => {
    for (const v of ["yes", "1", "TRUE", "oui", "نعم"]) expect(toYesNo(v)).toEqual({ ok: true, value: true });
    for (const v of ["no", "0", "false", "non", "لا"]) expect(toYesNo(v)).toEqual({ ok: true, value: false });
    expect(toYesNo("maybe").ok).toBe(false);
  });

  it("accepts ISO dates and Kobo datetimes, refuses day/month orders and impossible days", () => {
    expect(toIsoDate("1990-03-04")).toEqual({ ok: true, value: "1990-03-04" });
    expect(toIsoDate("2025-01-15T09:12:00.000+02:00")).toEqual({ ok: true, value: "2025-01-15" });
    expect(toIsoDate("04/03/1990").ok).toBe(false);
    expect(toIsoDate("1990-02-30").ok).toBe(false);
  });

  it("reads nationality by alpha-3, alpha-2 or English/French name", () => {
    expect(toCountry("ner")).toEqual({ ok: true, value: "NER" });
    expect(toCountry("NG")).toEqual({ ok: true, value: "NGA" });
    expect(toCountry("Côte d’Ivoire").ok || toCountry("Ivory Coast").ok).toBe(true);
    expect(toCountry("Tchad")).toEqual({ ok: true, value: "TCD" });
    expect(toCountry("Atlantis").ok).toBe(false);
  });

  it("reads baladiya by P-code or unique name", () => {
    const index = { codes: new Set(["LY021104"]), byName: new Map([["tripoli", "LY021104"]]) };
    expect(toBaladiya("ly021104", index)).toEqual({ ok: true, value: "LY021104" });
    expect(toBaladiya(" Tripoli ", index)).toEqual({ ok: true, value: "LY021104" });
    expect(toBaladiya("LY999999", index).ok).toBe(false);
  });

  it("splits select_multiple values", () => {
    expect(toMulti("services  sharing", ["services", "sharing"])).toEqual({
      ok: true,
      value: ["services", "sharing"],
    });
    expect(toMulti("services other", ["services"]).ok).toBe(false);
  });
});
