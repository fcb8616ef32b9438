import "server-only";
import { and, asc, eq } from "drizzle-orm";
import {
  donorProjects,
  indicators,
  indicatorTargets,
  programmes,
  reportingPeriods,
  rollupSettings,
} from "@/db/schema";
import { can } from "@/lib/authz";
import { type DateRange, resolvePeriod } from "@/lib/domain/rollup/period";
import { proratedTarget, straightLineTrajectory } from "@/lib/domain/rollup/trajectory";
import type { IndicatorCounts } from "@/lib/domain/rollup/types";
import { type DashboardFilters, MANTIKA_PCODE, OFFICE_CODE } from "@/lib/validation/rollup";
import { authorize } from "../authorize";
import { type DalContext, type Tx, withTransaction } from "../context";
import { invalid } from "../errors";
import { queryIndicator, queryOverview } from "./rollup-sql";

export const PLAN_PERIOD_CODE = "plan-2019-2021";

export interface IndicatorRow {
  code: string;
  label: string;
  /** The plan's target and the part of it due within the view (straight line). */
  target: number | null;
  targetForView: number | null;
  reached: number;
  percentOfTarget: number | null;
}

export interface ProgrammeRow {
  code: string;
  name: string;
  fundingUsd: number;
  reached: number;
  indicators: IndicatorRow[];
}

/** Aggregates only: nothing in here identifies a person. */
export interface Dashboard {
  plan: DateRange;
  view: DateRange;
  filters: DashboardFilters;
  /** A supervisor's view is locked to their office. */
  officeLocked: boolean;
  threshold: number;
  mission: number;
  programmes: ProgrammeRow[];
  selected: {
    indicator: IndicatorRow & { programmeCode: string };
    counts: IndicatorCounts;
    trend: Array<{ month: string; cumulative: number; expected: number | null }>;
  } | null;
  donorProjects: Array<{ id: string; code: string; title: string; donor: string }>;
  permissions: { exportInternal: boolean; exportExternal: boolean };
}

async function loadPlan(tx: Tx): Promise<{ range: DateRange }> {
  const [plan] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.code, PLAN_PERIOD_CODE));
  if (!plan) throw new Error("the plan period is not seeded");
  return { range: { start: plan.startDate, end: plan.endDate } };
}

/** Per programme and indicator: target, reached, % of target; one indicator's breakdowns and trend. */
export async function getDashboard(ctx: DalContext, requested: DashboardFilters): Promise<Dashboard> {
  const scope = authorize(ctx.actor, "rollup.view");
  // Cells of every scope share one column: an office code read as a mantika would find the
  // office's cells. The URL schema holds these shapes; a direct caller is held to them here.
  if (requested.officeCode !== null && !OFFICE_CODE.test(requested.officeCode))
    throw invalid({ office: ["invalid"] });
  if (requested.mantikaPcode !== null && !MANTIKA_PCODE.test(requested.mantikaPcode))
    throw invalid({ mantika: ["invalid"] });
  // Two batches, each sent at once on the transaction's connection (postgres.js pipelines
  // queries issued together) instead of one round trip per query: the plan and the reference
  // data, then the two roll-up reads, which need the plan's dates.
  return withTransaction(ctx, async (tx) => {
    const [plan, progs, defs, [settings], projects] = await Promise.all([
      loadPlan(tx),
      tx.select().from(programmes).orderBy(asc(programmes.sortOrder)),
      tx
        .select({ i: indicators, target: indicatorTargets.target })
        .from(indicators)
        .leftJoin(reportingPeriods, eq(reportingPeriods.code, PLAN_PERIOD_CODE))
        .leftJoin(
          indicatorTargets,
          and(
            eq(indicatorTargets.indicatorCode, indicators.code),
            eq(indicatorTargets.periodId, reportingPeriods.id),
          ),
        )
        .where(eq(indicators.active, true))
        .orderBy(asc(indicators.sortOrder), asc(indicators.code)),
      tx.select().from(rollupSettings).where(eq(rollupSettings.id, 1)),
      tx
        .select({
          id: donorProjects.id,
          code: donorProjects.code,
          title: donorProjects.title,
          donor: donorProjects.donor,
        })
        .from(donorProjects)
        .orderBy(asc(donorProjects.code)),
    ]);
    const filters: DashboardFilters = {
      ...requested,
      officeCode: scope === "office" ? ctx.actor.officeCode : requested.officeCode,
    };
    const view = resolvePeriod(filters.period, plan.range);
    const q = { ...view, officeCode: filters.officeCode, mantikaPcode: filters.mantikaPcode };
    const chosen = defs.find((d) => d.i.code === filters.indicatorCode) ?? defs[0];
    const [overview, counts] = await Promise.all([
      queryOverview(
        tx,
        q,
        defs.map((d) => d.i.code),
      ),
      chosen ? queryIndicator(tx, q, chosen.i.code) : null,
    ]);
    const reachedOf = (code: string) => overview.indicators.find((x) => x.key === code)?.count ?? 0;
    const row = (d: (typeof defs)[number]): IndicatorRow => {
      const reached = reachedOf(d.i.code);
      const target = d.target ?? null;
      return {
        code: d.i.code,
        label: d.i.label,
        target,
        targetForView: target === null ? null : proratedTarget(target, plan.range, view),
        reached,
        percentOfTarget: target ? Math.round((reached / target) * 1000) / 10 : null,
      };
    };
    const programmeRows = progs.map((p) => ({
      code: p.code,
      name: p.name,
      fundingUsd: p.fundingUsd,
      reached: overview.programmes.find((x) => x.key === p.code)?.count ?? 0,
      indicators: defs.filter((d) => d.i.programmeCode === p.code).map(row),
    }));
    let selected: Dashboard["selected"] = null;
    if (chosen && counts) {
      const indicator = { ...row(chosen), programmeCode: chosen.i.programmeCode };
      const expected =
        chosen.target === null ? null : straightLineTrajectory(chosen.target, plan.range, view);
      let cumulative = 0;
      const trend = (expected ?? straightLineTrajectory(0, plan.range, view)).map((e) => {
        cumulative += counts.newByMonth.find((m) => m.key === e.month)?.count ?? 0;
        return { month: e.month, cumulative, expected: expected ? e.expected : null };
      });
      selected = { indicator, counts, trend };
    }
    return {
      plan: plan.range,
      view,
      filters: { ...filters, indicatorCode: chosen?.i.code ?? null },
      officeLocked: scope === "office",
      threshold: settings?.suppressionThreshold ?? 5,
      mission: overview.mission,
      programmes: programmeRows,
      selected,
      donorProjects: projects,
      permissions: {
        exportInternal: can(ctx.actor.role, "rollup.export_internal"),
        exportExternal: can(ctx.actor.role, "rollup.export_external"),
      },
    };
  });
}
