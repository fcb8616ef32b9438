import { describe, expect, it } from "vitest";
import { ageAt } from "./age";
import { coarsenDateOfBirth, pastRetention, retentionCategoryOf } from "./retention";

describe("coarsenDateOfBirth", () => {
  it("uses the first of January when no service falls between it and the birthday", () => {
    expect(coarsenDateOfBirth("1990-09-14", ["2024-10-01", "2024-12-02"])).toBe("1990-01-01");
  });

  it("falls back to a later candidate when a service date falls before the birthday in its year", () => {
    // On 2024-05-01 the person is 33; born 1 January they would be 34.
    expect(coarsenDateOfBirth("1990-09-14", ["2024-05-01"])).toBe("1990-07-01");
    expect(coarsenDateOfBirth("1990-09-14", ["2024-08-01"])).toBe("1990-09-01");
    expect(coarsenDateOfBirth("1990-09-14", ["2024-09-05"])).toBe("1990-09-14");
    expect(coarsenDateOfBirth("1990-11-20", ["2024-08-01"])).toBe("1990-11-01");
  });

  it("keeps the age at every service date, for many birthdays and dates", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const day = (start: number, span: number) =>
      new Date(Date.UTC(start, 0, 1) + Math.floor(random() * span * 365.25) * 86_400_000)
        .toISOString()
        .slice(0, 10);
    for (let i = 0; i < 2000; i++) {
      const dob = day(1940, 80);
      const dates = Array.from({ length: 1 + Math.floor(random() * 6) }, () => day(2020, 6)).filter(
        (d) => d >= dob,
      );
      const coarse = coarsenDateOfBirth(dob, dates);
      expect(coarse <= dob).toBe(true);
      for (const d of dates) expect(ageAt(coarse, d)).toBe(ageAt(dob, d));
    }
  });

  it("handles 29 February", () => {
    const coarse = coarsenDateOfBirth("2000-02-29", ["2023-02-28", "2023-03-01"]);
    for (const d of ["2023-02-28", "2023-03-01"]) expect(ageAt(coarse, d)).toBe(ageAt("2000-02-29", d));
  });
});

describe("retention periods", () => {
  it("gives separated and unaccompanied children their own category", () => {
    expect(retentionCategoryOf({ uascStatus: "unaccompanied" })).toBe("child_case");
    expect(retentionCategoryOf({ uascStatus: "separated" })).toBe("child_case");
    expect(retentionCategoryOf({ uascStatus: "accompanied" })).toBe("case");
    expect(retentionCategoryOf({ uascStatus: null })).toBe("case");
  });

  it("counts whole days from closure", () => {
    const closed = new Date("2020-01-01T00:00:00Z");
    expect(pastRetention(closed, 10, new Date("2020-01-10T23:59:59Z"))).toBe(false);
    expect(pastRetention(closed, 10, new Date("2020-01-11T00:00:00Z"))).toBe(true);
  });
});
