import "server-only";
import { sql } from "drizzle-orm";
import { importMappings } from "@/db/schema";
import { saveMappingSchema } from "@/lib/validation/import";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { parseInput } from "../parse";

/** Saves a column mapping under a name for the office; saving the same name again replaces it. */
export async function saveImportMapping(ctx: DalContext, input: unknown): Promise<{ id: string }> {
  authorize(ctx.actor, "import.run");
  const v = parseInput(saveMappingSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(importMappings)
      .values({ officeCode: ctx.actor.officeCode, name: v.name, mapping: v.mapping, createdBy: ctx.actor.id })
      .onConflictDoUpdate({
        target: [importMappings.officeCode, importMappings.name],
        set: { mapping: v.mapping, createdBy: ctx.actor.id, updatedAt: sql`now()` },
      })
      .returning({ id: importMappings.id });
    if (!row) throw new Error("upsert returned no row");
    await recordAudit(tx, ctx, {
      action: "save",
      entity: "import_mapping",
      entityId: row.id,
      detail: { name: v.name },
    });
    return { id: row.id };
  });
}
