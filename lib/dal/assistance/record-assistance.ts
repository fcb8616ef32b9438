import "server-only";
import { assistanceRecords } from "@/db/schema";
import { type RecordAssistanceInput, recordAssistanceSchema } from "@/lib/validation/assistance";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";
import { parseInput } from "../parse";
import { buildRecord } from "./build-record";

/** Records a service delivered to a person; the roll-up's facts follow in the same transaction. */
export async function recordAssistance(
  ctx: DalContext,
  input: RecordAssistanceInput,
): Promise<{ id: string }> {
  const scope = authorize(ctx.actor, "assistance.record");
  const data = parseInput(recordAssistanceSchema, input);
  return withTransaction(ctx, async (tx) => {
    const b = await findInScope(tx, ctx.actor, scope, data.beneficiaryId);
    if (!b) throw notFound();
    const values = await buildRecord(tx, ctx.actor, b, data, { referralId: data.referralId });
    const [row] = await tx.insert(assistanceRecords).values(values).returning({ id: assistanceRecords.id });
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "assistance",
      entityId: row.id,
      detail: {
        beneficiaryId: b.id,
        assistanceType: data.assistanceType,
        fromReferral: Boolean(data.referralId),
      },
    });
    return { id: row.id };
  });
}
