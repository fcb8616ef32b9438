import "server-only";
import { and, eq } from "drizzle-orm";
import { bias } from "@/db/schema";
import { missingBiaFields, nextBiaStatus } from "@/lib/domain/bid/bia-machine";
import { type BiaInput, biaSchema } from "@/lib/validation/bid";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, invalid } from "../errors";
import { parseInput } from "../parse";
import { bidCase, latestBia, refused } from "./case-access";

/**
 * Saves the child's BIA as a draft, and submits it for approval when asked. A new BIA starts when
 * there is none or the last one was approved (a reassessment); a submitted one waits for review.
 */
export async function saveBia(
  ctx: DalContext,
  input: BiaInput & { submit?: boolean },
): Promise<{ id: string; version: number; status: string }> {
  const scope = authorize(ctx.actor, "bid.draft");
  const { beneficiaryId, version, ...fields } = parseInput(biaSchema, input);
  return withTransaction(ctx, async (tx) => {
    const child = await bidCase(tx, ctx, scope, beneficiaryId, true);
    if (child.uascStatus !== "unaccompanied" && child.uascStatus !== "separated")
      throw invalid({ _form: ["bid.refused.notUasc"] });
    const current = await latestBia(tx, beneficiaryId);
    const editing = current && current.status !== "approved" ? current : undefined;
    const actor = {
      role: ctx.actor.role === "supervisor" ? ("supervisor" as const) : ("caseworker" as const),
      isAuthor: editing ? editing.authorId === ctx.actor.id || child.ownerId === ctx.actor.id : true,
    };
    let status = nextBiaStatus(editing?.status ?? null, { type: "save" }, actor);
    if (!status.ok) refused(status);
    if (input.submit) {
      const complete = missingBiaFields(fields).length === 0;
      status = nextBiaStatus("draft", { type: "submit", complete }, actor);
      if (!status.ok) {
        if (status.guard === "incomplete")
          throw invalid(Object.fromEntries(missingBiaFields(fields).map((f) => [f, ["required"]])));
        refused(status);
      }
    }
    const now = new Date();
    const submittedAt = status.status === "submitted" ? now : null;
    if (!editing) {
      const [row] = await tx
        .insert(bias)
        .values({ beneficiaryId, ...fields, status: status.status, authorId: ctx.actor.id, submittedAt })
        .returning({ id: bias.id, version: bias.version });
      if (!row) throw new Error("BIA insert returned no row");
      await recordAudit(tx, ctx, {
        action: status.status === "submitted" ? "bia.submit" : "bia.create",
        entity: "bia",
        entityId: row.id,
        detail: { beneficiaryId },
      });
      return { ...row, status: status.status };
    }
    if (version !== editing.version) throw conflict();
    const [row] = await tx
      .update(bias)
      .set({ ...fields, status: status.status, submittedAt, updatedAt: now, version: editing.version + 1 })
      .where(and(eq(bias.id, editing.id), eq(bias.version, editing.version)))
      .returning({ id: bias.id, version: bias.version });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: status.status === "submitted" ? "bia.submit" : "bia.update",
      entity: "bia",
      entityId: row.id,
      detail: { beneficiaryId, fields: Object.keys(fields) },
    });
    return { ...row, status: status.status };
  });
}
