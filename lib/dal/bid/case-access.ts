import "server-only";
import { desc, eq } from "drizzle-orm";
import { bias, bids } from "@/db/schema";
import type { Scope } from "@/lib/authz";
import type { BidActor, BidActorKind } from "@/lib/domain/bid/bid-machine";
import { canSeeCategory } from "../access/can-see-category";
import { findInScope } from "../beneficiaries/scope";
import type { DalContext, Tx } from "../context";
import { forbidden, invalid, notFound } from "../errors";

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findInScope>>>;
export type BidRow = typeof bids.$inferSelect;
export type BiaRow = typeof bias.$inferSelect;

/**
 * Who sees a child's BIA and BID besides a holder of the "bid" category: the case owner and the
 * office supervisor. Anyone else who reaches the case sees the section as restricted.
 */
export async function seesBid(tx: Tx, ctx: DalContext, row: CaseRow): Promise<boolean> {
  if (row.ownerId === ctx.actor.id) return true;
  if (ctx.actor.role === "supervisor" && row.officeCode === ctx.actor.officeCode) return true;
  return canSeeCategory(tx, ctx.actor, row.id, "bid");
}

/** The case for a BID write: in scope and BID-visible, or the same refusals a read would give. */
export async function bidCase(
  tx: Tx,
  ctx: DalContext,
  scope: Scope,
  beneficiaryId: string,
  lock = false,
): Promise<CaseRow> {
  const row = await findInScope(tx, ctx.actor, scope, beneficiaryId, lock);
  if (!row) throw notFound();
  if (!(await seesBid(tx, ctx, row))) throw forbidden();
  return row;
}

/** A BID by id, through its case: out of scope is "not found". */
export async function bidInScope(
  tx: Tx,
  ctx: DalContext,
  scope: Scope,
  bidId: string,
): Promise<{ bid: BidRow; child: CaseRow }> {
  if (!/^[0-9a-f-]{36}$/i.test(bidId)) throw notFound();
  const [bid] = await tx.select().from(bids).where(eq(bids.id, bidId)).for("update");
  if (!bid) throw notFound();
  const child = await bidCase(tx, ctx, scope, bid.beneficiaryId);
  return { bid, child };
}

/** Capacities of a case-side actor (never "chair": the chair acts through the panel pages). */
export function caseActor(ctx: DalContext, bid: Pick<BidRow, "authorId">): BidActor {
  const kinds: BidActorKind[] = ["drafter"];
  if (ctx.actor.role === "supervisor") kinds.push("supervisor");
  return { kinds, isAuthor: bid.authorId === ctx.actor.id };
}

export async function latestBia(tx: Tx, beneficiaryId: string): Promise<BiaRow | undefined> {
  const [row] = await tx
    .select()
    .from(bias)
    .where(eq(bias.beneficiaryId, beneficiaryId))
    .orderBy(desc(bias.createdAt))
    .limit(1);
  return row;
}

export async function latestBid(tx: Tx, beneficiaryId: string): Promise<BidRow | undefined> {
  const [row] = await tx
    .select()
    .from(bids)
    .where(eq(bids.beneficiaryId, beneficiaryId))
    .orderBy(desc(bids.createdAt))
    .limit(1);
  return row;
}

/** A refused transition as a value the form can show. */
export function refused(result: { error: string; guard?: string }): never {
  if (result.error === "role") throw forbidden();
  throw invalid({ _form: [`bid.refused.${result.guard ?? result.error}`] });
}
