import "server-only";
import { caseNotes } from "@/db/schema";
import { addNoteSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";
import { caseInScope, recordActivity } from "./case-access";

/** Writes a case note signed by the actor, timestamped `now` (injectable for tests). */
export async function addNote(
  ctx: DalContext,
  input: unknown,
  options: { now?: Date } = {},
): Promise<{ id: string; version: number }> {
  const scope = authorize(ctx.actor, "case.note.write");
  const v = parseInput(addNoteSchema, input);
  const now = options.now ?? new Date();
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, v.beneficiaryId, true);
    await recordActivity(tx, ctx, row);
    const [note] = await tx
      .insert(caseNotes)
      .values({ beneficiaryId: row.id, authorId: ctx.actor.id, body: v.body, createdAt: now })
      .returning({ id: caseNotes.id, version: caseNotes.version });
    if (!note) throw new Error("insert returned nothing");
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "case_note",
      entityId: note.id,
      detail: { beneficiaryId: row.id, length: v.body.length },
    });
    return note;
  });
}
