import { describe, expect, it } from "vitest";
import {
  AGE_GROUPS,
  type AgeGroup,
  ageAt,
  ageGroupOf,
  dateOfBirthRangeFor,
  estimatedDateOfBirth,
  isChildAt,
  todayIso,
} from "./age";

/** Every ISO date from `from` to `to` inclusive, computed independently of the module under test. */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe("ageAt", () => {
  it("counts whole years completed", () => {
    expect(ageAt("1990-06-15", "2025-06-14")).toBe(34);
    expect(ageAt("1990-06-15", "2025-06-15")).toBe(35);
    expect(ageAt("1990-06-15", "2025-06-16")).toBe(35);
  });

  it("is one less the day before the birthday, across a month boundary", () => {
    expect(ageAt("2000-03-01", "2025-02-28")).toBe(24);
    expect(ageAt("2000-03-01", "2025-03-01")).toBe(25);
  });

  it("handles birthdays at the turn of the year", () => {
    expect(ageAt("2000-01-01", "2024-12-31")).toBe(24);
    expect(ageAt("2000-01-01", "2025-01-01")).toBe(25);
    expect(ageAt("2000-12-31", "2025-12-30")).toBe(24);
    expect(ageAt("2000-12-31", "2025-12-31")).toBe(25);
  });

  it("is zero on the day of birth and before the first birthday", () => {
    expect(ageAt("2025-05-10", "2025-05-10")).toBe(0);
    expect(ageAt("2024-05-10", "2025-05-09")).toBe(0);
    expect(ageAt("2024-05-10", "2025-05-10")).toBe(1);
  });

  it("29 February birthday: in a common year the birthday is 28 February", () => {
    expect(ageAt("2004-02-29", "2005-02-27")).toBe(0);
    expect(ageAt("2004-02-29", "2005-02-28")).toBe(1);
    expect(ageAt("2004-02-29", "2005-03-01")).toBe(1);
    expect(ageAt("2004-02-29", "2022-02-27")).toBe(17);
    expect(ageAt("2004-02-29", "2022-02-28")).toBe(18);
  });

  it("29 February birthday: in a leap year the birthday is 29 February", () => {
    expect(ageAt("2004-02-29", "2008-02-28")).toBe(3);
    expect(ageAt("2004-02-29", "2008-02-29")).toBe(4);
    expect(ageAt("2004-02-29", "2024-02-28")).toBe(19);
    expect(ageAt("2004-02-29", "2024-02-29")).toBe(20);
  });

  it("century years follow the Gregorian rule (1900 and 2100 are common, 2000 is leap)", () => {
    expect(ageAt("1896-02-29", "1900-02-28")).toBe(4);
    expect(ageAt("1996-02-29", "2000-02-28")).toBe(3);
    expect(ageAt("1996-02-29", "2000-02-29")).toBe(4);
    expect(ageAt("2096-02-29", "2100-02-28")).toBe(4);
  });

  it("rejects dates that are not ISO YYYY-MM-DD", () => {
    expect(() => ageAt("15/06/1990", "2025-06-15")).toThrow();
    expect(() => ageAt("1990-06-15", "2025-6-15")).toThrow();
    expect(() => ageAt("1990-06-15T00:00:00Z", "2025-06-15")).toThrow();
  });
});

describe("isChildAt", () => {
  it("is a child until the 18th birthday", () => {
    expect(isChildAt("2007-09-01", "2025-08-31")).toBe(true);
    expect(isChildAt("2007-09-01", "2025-09-01")).toBe(false);
  });
});

describe("ageGroupOf", () => {
  // biome-ignore format: keep the boundary table aligned
  const BOUNDARIES: ReadonlyArray<readonly [number, AgeGroup]> = [
    [0, "0-4"],   [4, "0-4"],
    [5, "5-11"],  [11, "5-11"],
    [12, "12-17"], [17, "12-17"],
    [18, "18-59"], [59, "18-59"],
    [60, "60+"],  [110, "60+"],
  ];

  it.each(BOUNDARIES)("age %i is in %s", (age, group) => {
    expect(ageGroupOf(age)).toBe(group);
  });

  it("places every age from 0 to 120 in exactly the group whose bounds contain it", () => {
    for (let age = 0; age <= 120; age++) {
      const expected: AgeGroup =
        age <= 4 ? "0-4" : age <= 11 ? "5-11" : age <= 17 ? "12-17" : age <= 59 ? "18-59" : "60+";
      expect(ageGroupOf(age)).toBe(expected);
    }
  });
});

describe("estimatedDateOfBirth", () => {
  const dates = daysBetween("2023-01-01", "2025-12-31");

  it("gives a date of birth that has the estimated age on the given date", () => {
    for (const onDate of dates) {
      for (const age of [0, 1, 4, 5, 11, 12, 17, 18, 30, 59, 60, 95, 110]) {
        const dob = estimatedDateOfBirth(age, onDate);
        expect({ onDate, age, got: ageAt(dob, onDate) }).toEqual({ onDate, age, got: age });
      }
    }
  });

  it("never lies in the future", () => {
    for (const onDate of dates) expect(estimatedDateOfBirth(0, onDate) <= onDate).toBe(true);
  });

  it("uses 1 July", () => {
    expect(estimatedDateOfBirth(30, "2025-06-30")).toBe("1994-07-01");
    expect(estimatedDateOfBirth(30, "2025-07-01")).toBe("1995-07-01");
    expect(estimatedDateOfBirth(0, "2025-01-15")).toBe("2024-07-01");
  });
});

describe("dateOfBirthRangeFor", () => {
  const dates = [
    ...daysBetween("2023-01-01", "2025-12-31"),
    "2000-02-28",
    "2000-02-29",
    "2000-03-01",
    "2100-02-28",
    "2100-03-01",
  ];

  /** Born exactly on `from` and on `to` is in the group; one day outside either end is not. Returns what fails. */
  function boundaryFailures(group: AgeGroup, onDates: readonly string[]): string[] {
    const failures: string[] = [];
    for (const onDate of onDates) {
      const { from, to } = dateOfBirthRangeFor(group, onDate);
      const groupOf = (dob: string) => ageGroupOf(ageAt(dob, onDate));
      if (groupOf(to) !== group) failures.push(`${onDate}: born on to=${to} is ${groupOf(to)}`);
      const dayAfterTo = shiftDays(to, 1);
      if (dayAfterTo <= onDate && groupOf(dayAfterTo) === group) {
        failures.push(`${onDate}: born the day after to (${dayAfterTo}) is still ${group}`);
      }
      if (group === "60+") {
        if (from !== null) failures.push(`${onDate}: 60+ has a lower bound ${from}`);
        continue;
      }
      if (from === null || from > to) {
        failures.push(`${onDate}: ${group} has the range ${from} to ${to}`);
        continue;
      }
      if (groupOf(from) !== group) failures.push(`${onDate}: born on from=${from} is ${groupOf(from)}`);
      const dayBeforeFrom = shiftDays(from, -1);
      if (groupOf(dayBeforeFrom) === group) {
        failures.push(`${onDate}: born the day before from (${dayBeforeFrom}) is still ${group}`);
      }
    }
    return failures;
  }

  const isCommonYearFeb28 = (d: string) => d.endsWith("-02-28") && shiftDays(d, 1).endsWith("-03-01");
  const feb28InCommonYears = ["2023-02-28", "2025-02-28", "2100-02-28"];

  it.each(AGE_GROUPS)(
    "%s: born on `from` or `to` is in the group, a day outside either end is not",
    (group) => {
      expect(
        boundaryFailures(
          group,
          dates.filter((d) => !isCommonYearFeb28(d)),
        ),
      ).toEqual([]);
    },
  );

  // Someone born on 29 February turns a year older on 28 February of a common year (see ageAt), so on
  // that date the group boundaries must put a 29 February birth on the older side.
  it("on 28 February of a common year, a 29 February birth at a group boundary is filtered into its own group", () => {
    expect(feb28InCommonYears.every(isCommonYearFeb28)).toBe(true);
    expect(AGE_GROUPS.flatMap((group) => boundaryFailures(group, feb28InCommonYears))).toEqual([]);
  });

  it("0-4 ends on the given date itself, so a newborn is included", () => {
    expect(dateOfBirthRangeFor("0-4", "2025-06-15")).toEqual({ from: "2020-06-16", to: "2025-06-15" });
  });

  it("gives contiguous, non-overlapping ranges from youngest to oldest", () => {
    for (const onDate of dates) {
      const ranges = AGE_GROUPS.map((group) => dateOfBirthRangeFor(group, onDate));
      for (let i = 1; i < ranges.length; i++) {
        const younger = ranges[i - 1];
        const older = ranges[i];
        if (!younger || !older) throw new Error("missing range");
        expect(younger.from).toBe(shiftDays(older.to, 1));
      }
    }
  });

  it("60+ has no lower bound", () => {
    expect(dateOfBirthRangeFor("60+", "2025-06-15")).toEqual({ from: null, to: "1965-06-15" });
  });
});

describe("todayIso", () => {
  it("is the UTC calendar date", () => {
    expect(todayIso(new Date("2025-03-01T23:30:00-05:00"))).toBe("2025-03-02");
    expect(todayIso(new Date("2025-03-02T00:30:00+02:00"))).toBe("2025-03-01");
    expect(todayIso(new Date("0999-12-31T12:00:00Z"))).toBe("0999-12-31");
  });
});
