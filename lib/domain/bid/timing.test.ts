import { describe, expect, it } from "vitest";
import { agesOutBeforeDecision, eighteenthBirthday, panelWindowOpen } from "./timing";

describe("panel access window", () => {
  const published = new Date("2025-03-01T09:00:00Z");
  const decided = new Date("2025-03-10T12:00:00Z");
  it("is closed before the agenda is published", () => {
    expect(panelWindowOpen({ publishedAt: null, decidedAt: null }, 14, new Date("2025-03-02"))).toBe(false);
    expect(panelWindowOpen({ publishedAt: published, decidedAt: null }, 14, new Date("2025-02-28"))).toBe(
      false,
    );
  });
  it("is open from publication until the decision plus the configured days", () => {
    expect(panelWindowOpen({ publishedAt: published, decidedAt: null }, 14, new Date("2026-01-01"))).toBe(
      true,
    );
    expect(
      panelWindowOpen({ publishedAt: published, decidedAt: decided }, 14, new Date("2025-03-24T12:00:00Z")),
    ).toBe(true);
    expect(
      panelWindowOpen({ publishedAt: published, decidedAt: decided }, 14, new Date("2025-03-24T12:00:01Z")),
    ).toBe(false);
    expect(
      panelWindowOpen({ publishedAt: published, decidedAt: decided }, 0, new Date("2025-03-10T12:00:01Z")),
    ).toBe(false);
  });
});

describe("coming of age before a decision", () => {
  it("computes the 18th birthday, 29 February included", () => {
    expect(eighteenthBirthday("2008-05-20")).toBe("2026-05-20");
    expect(eighteenthBirthday("2008-02-29")).toBe("2026-02-28");
    expect(eighteenthBirthday("2006-02-29")).toBe("2024-02-29");
  });
  it("flags a birthday on or before the session date", () => {
    expect(agesOutBeforeDecision("2008-05-20", "2026-04-01", "2026-05-20", 30)).toBe(true);
    expect(agesOutBeforeDecision("2008-05-21", "2026-04-01", "2026-05-20", 30)).toBe(false);
  });
  it("without a session, flags a birthday within the horizon", () => {
    expect(agesOutBeforeDecision("2008-05-01", "2026-04-01", null, 30)).toBe(true);
    expect(agesOutBeforeDecision("2008-05-02", "2026-04-01", null, 30)).toBe(false);
  });
  it("flags someone already 18", () => {
    expect(agesOutBeforeDecision("2000-01-01", "2026-04-01", "2026-05-01", 30)).toBe(true);
  });
});
