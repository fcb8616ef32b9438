import { describe, expect, it } from "vitest";
import { childProtectionV1 } from "./v1";

const ctx = { ageAtScreening: 15, screenedOn: "2025-03-01", screenedAt: new Date("2025-03-01T10:00:00Z") };
const UASC_HIGH = {
  status: "unaccompanied",
  separationCause: "migration_journey",
  careArrangement: "alone",
  tracingStatus: "not_started",
  riskLevel: "high",
};

function run(answers: Record<string, unknown>) {
  return childProtectionV1.evaluate(childProtectionV1.schema.parse(answers), ctx);
}

describe("child protection v1", () => {
  it("a high-risk unaccompanied child: child protection and a BID assessment, both urgent", () => {
    const result = run(UASC_HIGH);
    expect(result.outcome).toBe("high");
    expect(result.suggestions).toEqual([
      { service: "bid", urgency: "high", reasonKey: "cp.uascBia" },
      { service: "child_protection", urgency: "high", reasonKey: "cp.caseManagement" },
    ]);
    expect(result.flags).toEqual(["uasc", "immediate_safe_care"]);
    expect(result.reasons).toEqual([
      { key: "cp.risk_high" },
      { key: "cp.unaccompanied" },
      { key: "cp.unsafeCare" },
      { key: "cp.tracingNotStarted" },
    ]);
  });

  it("every separated child gets a BIA, with the urgency of the judged risk", () => {
    const result = run({ ...UASC_HIGH, status: "separated", careArrangement: "relatives", riskLevel: "low" });
    expect(result.outcome).toBe("low");
    expect(result.suggestions.map((s) => [s.service, s.urgency])).toEqual([
      ["bid", "low"],
      ["child_protection", "low"],
    ]);
    expect(result.flags).toEqual(["uasc"]);
  });

  it("an accompanied child at low risk with no concern needs nothing; cause and tracing are not asked", () => {
    const answers = { status: "accompanied", careArrangement: "relatives", riskLevel: "low" };
    expect(run(answers).suggestions).toEqual([]);
    expect(childProtectionV1.schema.safeParse({ ...answers, tracingStatus: "ongoing" }).success).toBe(false);
  });

  it("cause of separation and tracing status are required for UASC", () => {
    const { separationCause: _, tracingStatus: __, ...rest } = UASC_HIGH;
    const parsed = childProtectionV1.schema.safeParse(rest);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["separationCause", "tracingStatus"]);
  });

  it("each protection concern adds its service, keeping the most urgent per service", () => {
    const result = run({
      status: "accompanied",
      careArrangement: "relatives",
      riskLevel: "medium",
      concerns: ["trafficked", "detained", "gbv", "child_labour", "armed_groups"],
    });
    expect(result.suggestions).toEqual([
      { service: "child_protection", urgency: "high", reasonKey: "cp.armedGroups" },
      { service: "counter_trafficking", urgency: "high", reasonKey: "cp.trafficked" },
      { service: "atd", urgency: "high", reasonKey: "cp.detained" },
      { service: "health", urgency: "high", reasonKey: "cp.gbvHealth" },
      { service: "mhpss", urgency: "medium", reasonKey: "cp.gbvMhpss" },
    ]);
  });

  it("answers naming GBV are GBV data, trafficking next, otherwise not sensitive", () => {
    expect(childProtectionV1.sensitiveCategory({ concerns: ["trafficked", "gbv"] })).toBe("gbv");
    expect(childProtectionV1.sensitiveCategory({ concerns: ["trafficked"] })).toBe("trafficking");
    expect(childProtectionV1.sensitiveCategory({ concerns: ["child_labour"] })).toBeNull();
    expect(childProtectionV1.sensitiveCategory({ concerns: [] })).toBeNull();
  });

  it("is for children only", () => {
    expect(childProtectionV1.childrenOnly).toBe(true);
  });
});
