import { describe, expect, it } from "vitest";
import { isDissent, quorumOf, tally, voteExclusion } from "./votes";

describe("who may vote", () => {
  const bid = { authorId: "author", ownerId: "owner" };
  it("excludes the author, the owner and declared conflicts", () => {
    expect(voteExclusion({ userId: "author", conflictDeclared: false }, bid)).toBe("author");
    expect(voteExclusion({ userId: "owner", conflictDeclared: false }, bid)).toBe("owner");
    expect(voteExclusion({ userId: "m", conflictDeclared: true }, bid)).toBe("conflict");
    expect(voteExclusion({ userId: "m", conflictDeclared: false }, bid)).toBeNull();
    expect(
      voteExclusion({ userId: "m", conflictDeclared: false }, { authorId: null, ownerId: "o" }),
    ).toBeNull();
  });
});

describe("quorum", () => {
  const chair = { agency: "IOM", isChair: true } as const;
  const unicef = { agency: "UNICEF", isChair: false } as const;
  const unhcr = { agency: "UNHCR", isChair: false } as const;
  const rule = { quorum: 3, requiredAgencies: [] };

  it("needs the configured number of voting members, the chair among them", () => {
    expect(quorumOf([chair, unicef, unhcr], rule).met).toBe(true);
    expect(quorumOf([chair, unicef], rule)).toMatchObject({ met: false, present: 2 });
    expect(quorumOf([unicef, unhcr, { ...unicef }], rule)).toMatchObject({ met: false, chairPresent: false });
  });

  it("needs every required agency", () => {
    const required = { quorum: 3, requiredAgencies: ["IOM", "UNICEF", "UNHCR"] as const };
    expect(quorumOf([chair, unicef, { ...unicef }], required)).toMatchObject({
      met: false,
      missingAgencies: ["UNHCR"],
    });
    expect(quorumOf([chair, unicef, unhcr], required).met).toBe(true);
  });
});

describe("tally", () => {
  it("consensus when all positions agree", () => {
    expect(tally(["approve", "approve", "approve"])).toMatchObject({ consensus: true, majority: "approved" });
  });
  it("majority with dissent", () => {
    const t = tally(["approve", "approve", "not_approve"]);
    expect(t).toMatchObject({ consensus: false, majority: "approved" });
    expect(t.counts.not_approved).toBe(1);
    expect(isDissent("not_approve", "approved")).toBe(true);
    expect(isDissent("approve", "approved")).toBe(false);
  });
  it("approve and approve with conditions are different positions", () => {
    expect(tally(["approve", "approve_with_conditions"])).toMatchObject({ consensus: false, majority: null });
  });
  it("no majority on a tie or a three-way split, nor with no votes", () => {
    expect(tally(["approve", "approve", "defer", "defer"]).majority).toBeNull();
    expect(tally(["approve", "defer", "not_approve"]).majority).toBeNull();
    expect(tally([])).toMatchObject({ consensus: false, majority: null });
  });
});
