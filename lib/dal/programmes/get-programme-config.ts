import "server-only";
import { asc } from "drizzle-orm";
import {
  donorProjects,
  indicatorAssistanceTypes,
  indicators,
  indicatorTargets,
  programmes,
  reportingPeriods,
  rollupSettings,
} from "@/db/schema";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";

/** Everything the administrator configures for the roll-up. No personal data. */
export async function getProgrammeConfig(ctx: DalContext) {
  authorize(ctx.actor, "programme.configure");
  return withTransaction(ctx, async (tx) => {
    const types = await tx.select().from(indicatorAssistanceTypes);
    const targets = await tx.select().from(indicatorTargets);
    const [settings] = await tx.select().from(rollupSettings);
    return {
      programmes: await tx.select().from(programmes).orderBy(asc(programmes.sortOrder)),
      periods: await tx.select().from(reportingPeriods).orderBy(asc(reportingPeriods.startDate)),
      indicators: (
        await tx.select().from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.code))
      ).map((i) => ({
        ...i,
        assistanceTypes: types.filter((t) => t.indicatorCode === i.code).map((t) => t.assistanceType),
        targets: targets
          .filter((t) => t.indicatorCode === i.code)
          .map((t) => ({ periodId: t.periodId, target: t.target })),
      })),
      donorProjects: await tx.select().from(donorProjects).orderBy(asc(donorProjects.code)),
      threshold: settings?.suppressionThreshold ?? 5,
    };
  });
}
export type ProgrammeConfig = Awaited<ReturnType<typeof getProgrammeConfig>>;
