import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { assistanceRecords } from "@/db/schema";
import { type CorrectAssistanceInput, correctAssistanceSchema } from "@/lib/validation/assistance";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { conflict, notFound } from "../errors";
import { parseInput } from "../parse";
import { buildRecord } from "./build-record";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The only way to change a record: void it with a reason (it stops counting now) and optionally
 * record what should have been recorded, linked to it. A record already voided is a conflict.
 */
export async function correctAssistance(
  ctx: DalContext,
  input: CorrectAssistanceInput,
  now: Date = new Date(),
): Promise<{ voidedId: string; replacementId: string | null }> {
  const scope = authorize(ctx.actor, "assistance.correct");
  const data = parseInput(correctAssistanceSchema, input);
  return withTransaction(ctx, async (tx) => {
    if (!UUID.test(data.id)) throw notFound();
    const [original] = await tx.select().from(assistanceRecords).where(eq(assistanceRecords.id, data.id));
    if (!original) throw notFound();
    const b = await findInScope(tx, ctx.actor, scope, original.beneficiaryId, true);
    if (!b) throw notFound();
    const voided = await tx
      .update(assistanceRecords)
      .set({ voidedAt: now, voidedBy: ctx.actor.id, voidReason: data.reason })
      .where(and(eq(assistanceRecords.id, original.id), isNull(assistanceRecords.voidedAt)))
      .returning({ id: assistanceRecords.id });
    if (voided.length === 0) throw conflict();
    await recordAudit(tx, ctx, {
      action: "void",
      entity: "assistance",
      entityId: original.id,
      detail: { beneficiaryId: b.id, replaced: data.replace },
    });
    let replacementId: string | null = null;
    if (data.replace && data.replacement) {
      const values = await buildRecord(tx, ctx.actor, b, data.replacement, {
        referralId: original.referralId ?? undefined,
        replacesId: original.id,
      });
      const [row] = await tx.insert(assistanceRecords).values(values).returning({ id: assistanceRecords.id });
      replacementId = row?.id ?? null;
      await recordAudit(tx, ctx, {
        action: "create",
        entity: "assistance",
        entityId: replacementId,
        detail: {
          beneficiaryId: b.id,
          assistanceType: data.replacement.assistanceType,
          replaces: original.id,
        },
      });
    }
    return { voidedId: original.id, replacementId };
  });
}
