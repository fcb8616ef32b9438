import { describe, expect, it } from "vitest";
import { allItems, isVisible } from "./build-schema";
import { allDefinitions, getDefinition, INSTRUMENTS, latestVersion, SERVICES } from "./index";

const ctx = { ageAtScreening: 15, screenedOn: "2025-03-01", screenedAt: new Date("2025-03-01T10:00:00Z") };

describe("screening registry", () => {
  it("has a version 1 of every instrument, and latestVersion finds it", () => {
    for (const id of INSTRUMENTS) {
      expect(getDefinition(id, 1)?.id).toBe(id);
      expect(latestVersion(id)).toBeGreaterThanOrEqual(1);
    }
    expect(getDefinition("k10", 99)).toBeUndefined();
    expect(getDefinition("nope", 1)).toBeUndefined();
  });

  it("holds each (instrument, version) once, with unique item keys and message subtrees", () => {
    const ids = allDefinitions().map((d) => `${d.id}@${d.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    const messages = allDefinitions().map((d) => d.messages);
    expect(new Set(messages).size).toBe(messages.length);
    for (const d of allDefinitions()) {
      const keys = allItems(d.sections).map((i) => i.key);
      expect(new Set(keys).size, d.id).toBe(keys.length);
      for (const item of allItems(d.sections)) {
        if (item.showIf) expect(keys, `${d.id}.${item.key}`).toContain(item.showIf.key);
      }
    }
  });

  it("suggests only known services", () => {
    const sample = getDefinition("child_protection", 1);
    const answers = sample?.schema.parse({
      status: "unaccompanied",
      separationCause: "other",
      careArrangement: "alone",
      tracingStatus: "ongoing",
      concerns: ["trafficked", "detained", "gbv", "child_labour", "armed_groups"],
      riskLevel: "high",
    });
    for (const s of sample?.evaluate(answers, ctx).suggestions ?? []) expect(SERVICES).toContain(s.service);
  });

  it("hides an item until its condition holds", () => {
    const item = { key: "w", type: "date", required: true, showIf: { key: "p", in: [true] } } as const;
    expect(isVisible(item, { p: true })).toBe(true);
    expect(isVisible(item, { p: false })).toBe(false);
    expect(isVisible(item, {})).toBe(false);
  });
});
