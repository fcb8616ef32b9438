import { describe, expect, it } from "vitest";
import { fitToTravelV1 } from "./fit-to-travel/v1";
import { emptyRawAnswers, toAnswers } from "./form-values";
import { k10V1 } from "./k10/v1";

describe("toAnswers", () => {
  it("turns form text into typed answers and leaves empty fields out", () => {
    const raw = {
      ...emptyRawAnswers(fitToTravelV1),
      temperature: "37.2",
      pregnant: "no",
      tbSymptoms: ["night_sweats"],
    };
    expect(toAnswers(fitToTravelV1, raw)).toEqual({
      temperature: 37.2,
      pregnant: false,
      tbSymptoms: ["night_sweats"],
    });
  });

  it("drops an answer its condition now hides", () => {
    const raw = { ...emptyRawAnswers(fitToTravelV1), pregnant: "no", pregnancyWeeks: "30" };
    expect(toAnswers(fitToTravelV1, raw)).not.toHaveProperty("pregnancyWeeks");
    expect(toAnswers(fitToTravelV1, { ...raw, pregnant: "yes" })).toMatchObject({ pregnancyWeeks: 30 });
  });

  it("scale answers become numbers the schema accepts", () => {
    const raw = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q${i + 1}`, "2"]));
    expect(k10V1.schema.safeParse(toAnswers(k10V1, raw)).success).toBe(true);
  });
});
