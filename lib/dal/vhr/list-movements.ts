import "server-only";
import { and, asc, count, desc, eq, gte, sql } from "drizzle-orm";
import { beneficiaries, movementBookings, movements, vhrCases } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, type Tx, withTransaction } from "../context";
import { requireVhrUnit } from "./access";
import { type MovementSummary, movementSummary } from "./dto";
import { SEAT_STATUSES } from "./get-movement";
import { readinessOn } from "./readiness";

export interface MovementListItem extends MovementSummary {
  seatsTaken: number;
  /** For planned movements: booked people ready to fly and people still blocked. */
  ready: number;
  blocked: number;
  departed: number;
}

/** Readiness counts of the people still booked on a movement; no names. */
export async function movementCounts(
  tx: Tx,
  m: typeof movements.$inferSelect,
): Promise<Pick<MovementListItem, "seatsTaken" | "ready" | "blocked" | "departed">> {
  const statuses = await tx
    .select({ status: movementBookings.status, n: count() })
    .from(movementBookings)
    .where(eq(movementBookings.movementId, m.id))
    .groupBy(movementBookings.status);
  const n = (s: string) => statuses.find((x) => x.status === s)?.n ?? 0;
  let ready = 0;
  let blocked = 0;
  if (m.status === "planned" && n("booked") > 0) {
    const rows = await tx
      .select({ k: movementBookings, c: vhrCases, b: beneficiaries })
      .from(movementBookings)
      .innerJoin(vhrCases, eq(vhrCases.id, movementBookings.vhrCaseId))
      .innerJoin(beneficiaries, eq(beneficiaries.id, movementBookings.beneficiaryId))
      .where(and(eq(movementBookings.movementId, m.id), eq(movementBookings.status, "booked")));
    const r = await readinessOn(
      tx,
      m,
      rows.map((x) => ({ c: x.c, b: x.b, kitGiven: x.k.kitAssistanceId !== null })),
    );
    for (const x of rows) {
      if ((r.get(x.c.id)?.departure.length ?? 0) === 0) ready += 1;
      else blocked += 1;
    }
  }
  return {
    seatsTaken: SEAT_STATUSES.reduce((sum, s) => sum + n(s), 0),
    ready,
    blocked,
    departed: n("departed"),
  };
}

/** Upcoming movements first (soonest first), then the last 50 past or closed ones. */
export async function listMovements(
  ctx: DalContext,
  now: Date = new Date(),
): Promise<{ upcoming: MovementListItem[]; past: MovementListItem[] }> {
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "movement.read");
    const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
    const upcomingRows = await tx
      .select()
      .from(movements)
      .where(and(eq(movements.status, "planned"), gte(movements.departsAt, dayAgo)))
      .orderBy(asc(movements.departsAt))
      .limit(100);
    const pastRows = await tx
      .select()
      .from(movements)
      .where(
        sql`${movements.status} <> 'planned' or ${movements.departsAt} < ${dayAgo.toISOString()}::timestamptz`,
      )
      .orderBy(desc(movements.departsAt))
      .limit(50);
    const withCounts = async (rows: Array<typeof movements.$inferSelect>) => {
      const out: MovementListItem[] = [];
      for (const m of rows) out.push({ ...movementSummary(m), ...(await movementCounts(tx, m)) });
      return out;
    };
    const upcoming = await withCounts(upcomingRows);
    const past = await withCounts(pastRows);
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "movements",
      detail: { count: upcoming.length + past.length },
    });
    return { upcoming, past };
  });
}
