import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import {
  ASSISTANCE_TYPE_PROGRAMME,
  ASSISTANCE_TYPES,
  type AssistanceType,
  type DetentionFilter,
} from "../../lib/domain/assistance";
import type { PopulationType } from "../../lib/domain/beneficiary";
import type { Database } from "../client";
import {
  assistanceTypes,
  donorProjects,
  indicatorAssistanceTypes,
  indicators,
  indicatorTargets,
  programmes,
  reportingPeriods,
  rollupSettings,
} from "../schema";

const PLAN = fileURLToPath(new URL("./data/programmes.json", import.meta.url));

interface PlanFile {
  period: { start: string; end: string };
  programmes: Array<{
    code: string;
    name: string;
    funding_usd: number;
    targets: Array<{
      indicator: string;
      label: string;
      population: string;
      age_max?: number;
      target: number;
    }>;
  }>;
  donor_projects: Array<{ sectors: string[]; title: string; donor: string }>;
}

export const PLAN_PERIOD_CODE = "plan-2019-2021";

/** How each of the plan's indicators counts: the plan names the population; the rest is its activity. */
const INDICATOR_RULES: Record<string, { types: AssistanceType[]; detention?: DetentionFilter }> = {
  vhr_returns: { types: ["vhr_departure"] },
  reintegration: { types: ["reintegration_support"] },
  cs_participants: { types: ["cs_participation"] },
  da_migrants: { types: ["nfi_kit"] },
  da_idps: { types: ["nfi_kit"] },
  mrrm_beneficiaries: { types: ["mrrm_outreach"] },
  sar_disembarkation: { types: ["disembarkation_assistance"] },
  mhpss_detention: { types: ["mhpss_session"], detention: "detained" },
  atd_beneficiaries: { types: ["atd_placement"] },
  cp_migrant_children: { types: ["cp_service"] },
  cp_idp_children: { types: ["cp_service"] },
};

export function readPlan(): PlanFile {
  return JSON.parse(readFileSync(PLAN, "utf8")) as PlanFile;
}

/**
 * The plan's programmes, indicators, targets and donor projects. Idempotent and never overwrites:
 * once an administrator edits a target or a project, a later seed leaves it as they set it.
 */
export async function seedProgrammes(db: Database): Promise<void> {
  const plan = readPlan();
  await db
    .insert(programmes)
    .values(
      plan.programmes.map((p, i) => ({
        code: p.code,
        name: p.name,
        fundingUsd: p.funding_usd,
        sortOrder: i,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(assistanceTypes)
    .values(
      ASSISTANCE_TYPES.map((code, i) => ({
        code,
        programmeCode: ASSISTANCE_TYPE_PROGRAMME[code],
        sortOrder: i,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(reportingPeriods)
    .values({
      code: PLAN_PERIOD_CODE,
      label: "Activity plan 2019-2021",
      startDate: plan.period.start,
      endDate: plan.period.end,
    })
    .onConflictDoNothing();
  const [period] = await db.execute<{ id: string }>(
    sql`select id from reporting_periods where code = ${PLAN_PERIOD_CODE}`,
  );
  let order = 0;
  for (const p of plan.programmes) {
    for (const t of p.targets) {
      const rule = INDICATOR_RULES[t.indicator];
      if (!rule) throw new Error(`No counting rule for indicator ${t.indicator}`);
      const inserted = await db
        .insert(indicators)
        .values({
          code: t.indicator,
          programmeCode: p.code,
          label: t.label,
          populationTypes: t.population === "any" ? [] : [t.population as PopulationType],
          ageMax: t.age_max ?? null,
          detention: rule.detention ?? "any",
          sortOrder: order++,
        })
        .onConflictDoNothing()
        .returning({ code: indicators.code });
      if (inserted.length === 0) continue;
      await db
        .insert(indicatorAssistanceTypes)
        .values(rule.types.map((assistanceType) => ({ indicatorCode: t.indicator, assistanceType })))
        .onConflictDoNothing();
      if (period) {
        await db
          .insert(indicatorTargets)
          .values({ indicatorCode: t.indicator, periodId: period.id, target: t.target })
          .onConflictDoNothing();
      }
    }
  }
  await db
    .insert(donorProjects)
    .values(
      plan.donor_projects.map((d, i) => ({
        code: `DP${String(i + 1).padStart(2, "0")}`,
        title: d.title,
        donor: d.donor,
        sectors: d.sectors,
      })),
    )
    .onConflictDoNothing();
  await db.insert(rollupSettings).values({ id: 1 }).onConflictDoNothing();
}
