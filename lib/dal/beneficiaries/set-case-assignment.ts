import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { caseAssignments, users } from "@/db/schema";
import { assignmentSchema } from "@/lib/validation/assignment";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { findInScope } from "./scope";

/**
 * A supervisor adds a caseworker of the office to a case besides its owner, or removes them. An
 * assigned caseworker reaches the case like its owner, but not its sensitive categories.
 */
export async function setCaseAssignment(ctx: DalContext, input: unknown): Promise<{ assigned: boolean }> {
  const scope = authorize(ctx.actor, "beneficiary.reassign");
  const v = parseInput(assignmentSchema, input);
  return withTransaction(ctx, async (tx) => {
    const current = await findInScope(tx, ctx.actor, scope, v.id, true);
    if (!current) throw notFound();
    if (v.assigned) {
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.id, v.userId),
            eq(users.active, true),
            eq(users.officeCode, current.officeCode),
            sql`${users.role} in ('caseworker', 'supervisor')`,
          ),
        );
      if (!user || user.id === current.ownerId) throw invalid({ userId: ["ownerNotEligible"] });
      await tx
        .insert(caseAssignments)
        .values({ beneficiaryId: current.id, userId: v.userId, assignedBy: ctx.actor.id })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(caseAssignments)
        .where(and(eq(caseAssignments.beneficiaryId, current.id), eq(caseAssignments.userId, v.userId)));
    }
    await recordAudit(tx, ctx, {
      action: v.assigned ? "assign" : "unassign",
      entity: "beneficiary",
      entityId: current.id,
      detail: { userId: v.userId },
    });
    return { assigned: v.assigned };
  });
}
