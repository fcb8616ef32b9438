import "server-only";
import { desc, eq } from "drizzle-orm";
import { caseNotes, users } from "@/db/schema";
import { can } from "@/lib/authz";
import { canEditNote, editableUntil, noteEditWindowMinutes } from "@/lib/domain/case-notes";
import { acceptsCasework } from "@/lib/domain/case-status";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { caseInScope } from "./case-access";

export interface NoteDto {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
  editedAt: string | null;
  version: number;
  /** Set while the actor may still edit this note (they wrote it and the window is open). */
  editableUntil: string | null;
}

/** The notes tab, newest first. Every read of notes is recorded. */
export async function listNotes(
  ctx: DalContext,
  beneficiaryId: string,
  options: { now?: Date; windowMinutes?: number } = {},
): Promise<{ notes: NoteDto[]; canWrite: boolean }> {
  const scope = authorize(ctx.actor, "case.note.read");
  const now = options.now ?? new Date();
  const windowMinutes = options.windowMinutes ?? noteEditWindowMinutes();
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, beneficiaryId);
    const rows = await tx
      .select({ note: caseNotes, authorName: users.name })
      .from(caseNotes)
      .innerJoin(users, eq(users.id, caseNotes.authorId))
      .where(eq(caseNotes.beneficiaryId, row.id))
      .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "case_notes",
      entityId: row.id,
      detail: { count: rows.length },
    });
    const canWrite = can(ctx.actor.role, "case.note.write") && acceptsCasework(row.status);
    return {
      canWrite,
      notes: rows.map(({ note, authorName }) => ({
        id: note.id,
        body: note.body,
        authorName,
        createdAt: note.createdAt.toISOString(),
        editedAt: note.editedAt?.toISOString() ?? null,
        version: note.version,
        editableUntil:
          can(ctx.actor.role, "case.note.write") && canEditNote(note, ctx.actor.id, now, windowMinutes)
            ? editableUntil(note, windowMinutes).toISOString()
            : null,
      })),
    };
  });
}
