import { describe, expect, it } from "vitest";
import { type IndicatorRule, qualifies } from "./eligibility";

const children: IndicatorRule = {
  types: ["cp_service"],
  populationTypes: ["migrant"],
  ageMin: null,
  ageMax: 17,
  detention: "any",
};
const inDetention: IndicatorRule = {
  types: ["mhpss_session"],
  populationTypes: [],
  ageMin: null,
  ageMax: null,
  detention: "detained",
};
const service = { type: "cp_service", populationType: "migrant" as const, detained: false };

describe("eligibility at the date of service", () => {
  it("counts a child through the day before the 18th birthday only", () => {
    expect(qualifies(children, { ...service, dateOfBirth: "2002-06-15", date: "2020-06-14" })).toBe(true);
    expect(qualifies(children, { ...service, dateOfBirth: "2002-06-15", date: "2020-06-15" })).toBe(false);
  });

  it("a 29 February birthday falls on 28 February in common years", () => {
    expect(qualifies(children, { ...service, dateOfBirth: "2004-02-29", date: "2022-02-27" })).toBe(true);
    expect(qualifies(children, { ...service, dateOfBirth: "2004-02-29", date: "2022-02-28" })).toBe(false);
  });

  it("checks the type, the population type and detention on that date", () => {
    expect(
      qualifies(children, { ...service, type: "nfi_kit", dateOfBirth: "2010-01-01", date: "2020-01-01" }),
    ).toBe(false);
    expect(
      qualifies(children, {
        ...service,
        populationType: "idp",
        dateOfBirth: "2010-01-01",
        date: "2020-01-01",
      }),
    ).toBe(false);
    const mhpss = {
      type: "mhpss_session",
      populationType: "migrant" as const,
      dateOfBirth: "1990-01-01",
      date: "2020-01-01",
    };
    expect(qualifies(inDetention, { ...mhpss, detained: true })).toBe(true);
    expect(qualifies(inDetention, { ...mhpss, detained: false })).toBe(false);
  });
});
