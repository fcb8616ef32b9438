import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { caseNotes } from "@/db/schema";
import { canEditNote, noteEditWindowMinutes } from "@/lib/domain/case-notes";
import { editNoteSchema } from "@/lib/validation/case-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { parseInput } from "../parse";
import { caseInScope } from "./case-access";

/**
 * Corrects a note: only its author, only within the edit window (lib/domain/case-notes.ts), and
 * only from the version they saw. There is deliberately no way to delete a note.
 */
export async function editNote(
  ctx: DalContext,
  input: unknown,
  options: { now?: Date; windowMinutes?: number } = {},
): Promise<{ version: number }> {
  const scope = authorize(ctx.actor, "case.note.write");
  const v = parseInput(editNoteSchema, input);
  const now = options.now ?? new Date();
  const windowMinutes = options.windowMinutes ?? noteEditWindowMinutes();
  return withTransaction(ctx, async (tx) => {
    const [note] = await tx.select().from(caseNotes).where(eq(caseNotes.id, v.id));
    if (!note) throw notFound();
    const row = await caseInScope(tx, ctx, scope, note.beneficiaryId, true);
    if (!canEditNote(note, ctx.actor.id, now, windowMinutes)) {
      throw invalid({ _form: ["lifecycle.validation.noteLocked"] });
    }
    const [updated] = await tx
      .update(caseNotes)
      .set({ body: v.body, editedAt: now, version: sql`${caseNotes.version} + 1` })
      .where(and(eq(caseNotes.id, v.id), eq(caseNotes.version, v.version)))
      .returning({ version: caseNotes.version });
    if (!updated) throw conflict();
    await recordAudit(tx, ctx, {
      action: "update",
      entity: "case_note",
      entityId: v.id,
      detail: { beneficiaryId: row.id, length: v.body.length },
    });
    return updated;
  });
}
