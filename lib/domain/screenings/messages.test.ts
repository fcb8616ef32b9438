import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allItems, SCREENING_VALIDATION } from "./build-schema";
import { CP_CONCERNS, CP_RISK_LEVELS } from "./child-protection/v1";
import { FTT_CONDITIONS } from "./fit-to-travel/v1";
import { allDefinitions, INSTRUMENTS, SERVICES, URGENCIES } from "./index";
import { K10_BANDS } from "./k10/v1";
import { PHQ9_BANDS } from "./phq9/v1";
import { VULN_FLAGS, VULN_LEVELS, VULN_OUTCOMES } from "./vulnerability/v1";

const here = fileURLToPath(new URL(".", import.meta.url));
const messages = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../i18n/messages/en/screenings.json", import.meta.url)), "utf8"),
) as { screenings: Record<string, unknown> };

function has(path: string): boolean {
  let node: unknown = messages.screenings;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** Reason keys written literally in the definitions' sources, e.g. "ftt.fever". */
function literalReasonKeys(): string[] {
  const keys = new Set<string>();
  for (const dir of readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(`${here}${dir.name}`).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
    )) {
      const source = readFileSync(`${here}${dir.name}/${file}`, "utf8");
      for (const m of source.matchAll(/"((?:k10|phq9|ftt|ct|cp|vuln)\.[A-Za-z_]+)"/g))
        keys.add(m[1] as string);
    }
  }
  return [...keys];
}

describe("screening messages (en; other locales are checked against en by lib/i18n)", () => {
  it("every instrument, outcome, section, item and option has a label", () => {
    const missing: string[] = [];
    const need = (key: string) => {
      if (!has(key)) missing.push(key);
    };
    for (const id of INSTRUMENTS) {
      need(`instruments.${id}`);
      need(`intro.${id}`);
    }
    for (const d of allDefinitions()) {
      for (const outcome of d.outcomes) need(`outcomes.${d.id}.${outcome}`);
      for (const section of d.sections) need(`sections.${d.messages}.${section.key}`);
      for (const item of allItems(d.sections)) {
        need(`items.${d.messages}.${item.key}`);
        if ("optionSet" in item) for (const o of item.options) need(`options.${item.optionSet}.${o}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every reason, flag, service, urgency, condition and validation message exists", () => {
    const dynamic = [
      ...K10_BANDS.map((b) => `k10.${b}`),
      ...PHQ9_BANDS.map((b) => `phq9.${b}`),
      "ftt.temporarily_unfitCare",
      "ftt.unfitCare",
      ...CP_RISK_LEVELS.map((l) => `cp.risk_${l}`),
      ...CP_CONCERNS.map((c) => `cp.concern_${c}`),
      ...VULN_OUTCOMES.map((l) => `vuln.judged_${l}`),
      ...VULN_LEVELS.map((l) => `vuln.level_${l}`),
    ];
    const keys = [
      ...[...literalReasonKeys(), ...dynamic].map((k) => `reasons.${k}`),
      ...["self_harm", "trafficking", "child", "uasc", "immediate_safe_care", ...VULN_FLAGS].map(
        (f) => `flags.${f}`,
      ),
      ...SERVICES.map((s) => `services.${s}`),
      ...URGENCIES.map((u) => `urgency.${u}`),
      ...FTT_CONDITIONS.map((c) => `conditionNames.${c}`),
      ...[...Object.values(SCREENING_VALIDATION), "outdatedVersion", "beforeBirth", "childrenOnly"].map(
        (k) => `validation.${k.replace("screenings.validation.", "")}`,
      ),
    ];
    expect(literalReasonKeys().length).toBeGreaterThan(40);
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });
});
