import { describe, expect, it } from "vitest";
import { REPORT_ELEMENTS } from "./constants";
import { type BidReport, EMPTY_REPORT, missingElements, submissionBlockers } from "./report";

const OPTION_A = {
  option: "reunification_origin",
  pros: "Family located",
  cons: "Economic hardship",
} as const;
const OPTION_B = { option: "care_host_family", pros: "Safe now", cons: "Separation prolonged" } as const;

const COMPLETE: BidReport = {
  reason: "Return to Niger requested by the child",
  tracingRequests: [{ agency: "ICRC", requestedOn: "2025-01-10" }],
  tracingOutcome: "located",
  familyAssessment: "Mother and two siblings in Zinder, visited by partner",
  childViews: "Wants to go home to his mother",
  childHeardLanguage: "Hausa",
  childHeardInterpreter: true,
  childAgeMaturity: "15, mature for his age",
  caregiverViews: "Shelter staff support return",
  caregiverConsent: "given",
  risksLibya: "Detention and labour exploitation",
  risksTransit: "Escorted flight, low risk",
  risksDestination: "Poverty; reintegration support planned",
  health: "Healthy; MHPSS sessions ongoing",
  education: "Primary school completed",
  identityCulture: "Hausa, Muslim",
  siblings: "Two younger sisters with the mother",
  options: [OPTION_A, OPTION_B],
  recommendedOption: "reunification_origin",
  rationale: "Family willing and able; child's wish",
};

describe("BID report completeness", () => {
  it("a complete report misses nothing", () => {
    expect(missingElements(COMPLETE)).toEqual([]);
    expect(submissionBlockers(COMPLETE, {})).toEqual([]);
  });

  it("an empty report misses every element", () => {
    expect(missingElements(EMPTY_REPORT)).toEqual([...REPORT_ELEMENTS]);
  });

  it.each([
    ["tracing", { tracingOutcome: null }],
    ["tracing", { tracingRequests: [{ agency: " ", requestedOn: "2025-01-10" }] }],
    ["childViews", { childHeardLanguage: "" }],
    ["childViews", { childAgeMaturity: "  " }],
    ["caregiverViews", { caregiverConsent: null }],
    ["risks", { risksTransit: "" }],
    ["siblings", { siblings: "" }],
  ] as Array<[string, Partial<BidReport>]>)("%s is missing when %o", (element, change) => {
    expect(missingElements({ ...COMPLETE, ...change })).toEqual([element]);
  });

  it("options need two distinct options, each with pros and cons", () => {
    const one = { ...COMPLETE, options: [OPTION_A, { ...OPTION_A }] };
    expect(missingElements(one)).toEqual(["options"]);
    const noCons = { ...COMPLETE, options: [OPTION_A, { ...OPTION_B, cons: "" }] };
    expect(missingElements(noCons)).toEqual(["options"]);
  });

  it("the recommendation must be one of the options, with a rationale", () => {
    expect(missingElements({ ...COMPLETE, recommendedOption: "resettlement_other_pathway" })).toEqual([
      "recommendation",
    ]);
    expect(missingElements({ ...COMPLETE, rationale: "" })).toEqual(["recommendation"]);
  });

  it("a missing element is excused by a reason of at least 10 characters", () => {
    const report = { ...COMPLETE, education: "", siblings: "" };
    expect(submissionBlockers(report, {})).toEqual(["education", "siblings"]);
    expect(submissionBlockers(report, { education: "Never attended school, no records" })).toEqual([
      "siblings",
    ]);
    expect(submissionBlockers(report, { education: "n/a", siblings: "None known to the child" })).toEqual([
      "education",
    ]);
  });

  it("options and recommendation cannot be excused", () => {
    const report = { ...COMPLETE, options: [], recommendedOption: null };
    expect(
      submissionBlockers(report, {
        options: "Not yet identified by the team",
        recommendation: "Pending the panel",
      }),
    ).toEqual(["options", "recommendation"]);
  });
});
