import "server-only";
import { and, eq } from "drizzle-orm";
import { bias } from "@/db/schema";
import { nextBiaStatus } from "@/lib/domain/bid/bia-machine";
import { type BiaReviewInput, biaReviewSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, notFound } from "../errors";
import { parseInput } from "../parse";
import { bidCase, refused } from "./case-access";

/** The office supervisor approves a submitted BIA or returns it with a reason; never their own. */
export async function reviewBia(ctx: DalContext, input: BiaReviewInput): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "bid.review");
  const v = parseInput(biaReviewSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [bia] = await tx.select().from(bias).where(eq(bias.id, v.biaId)).for("update");
    if (!bia) throw notFound();
    await bidCase(tx, ctx, scope, bia.beneficiaryId);
    const event =
      v.decision === "approve"
        ? ({ type: "approve" } as const)
        : ({ type: "return", reason: v.reason ?? "" } as const);
    const result = nextBiaStatus(bia.status, event, {
      role: "supervisor",
      isAuthor: bia.authorId === ctx.actor.id,
    });
    if (!result.ok) refused(result);
    if (bia.version !== v.version) throw conflict();
    const now = new Date();
    const [row] = await tx
      .update(bias)
      .set({
        status: result.status,
        reviewedBy: ctx.actor.id,
        reviewedAt: now,
        returnReason: v.decision === "return" ? (v.reason ?? null) : null,
        updatedAt: now,
        version: bia.version + 1,
      })
      .where(and(eq(bias.id, bia.id), eq(bias.version, v.version)))
      .returning({ version: bias.version });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: v.decision === "approve" ? "bia.approve" : "bia.return",
      entity: "bia",
      entityId: bia.id,
      detail: { beneficiaryId: bia.beneficiaryId },
    });
    return row;
  });
}
