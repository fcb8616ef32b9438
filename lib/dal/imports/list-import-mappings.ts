import "server-only";
import { asc, eq } from "drizzle-orm";
import { importMappings } from "@/db/schema";
import type { ImportMappingSpec } from "@/lib/domain/import/fields";
import { mappingSpecSchema } from "@/lib/validation/import";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";

export interface SavedMapping {
  id: string;
  name: string;
  mapping: ImportMappingSpec;
  updatedAt: string;
}

/** The office's saved mappings, by name. A stored mapping that no longer parses is left out. */
export async function listImportMappings(ctx: DalContext): Promise<SavedMapping[]> {
  authorize(ctx.actor, "import.run");
  return withTransaction(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(importMappings)
      .where(eq(importMappings.officeCode, ctx.actor.officeCode))
      .orderBy(asc(importMappings.name));
    return rows.flatMap((r) => {
      const parsed = mappingSpecSchema.safeParse(r.mapping);
      return parsed.success
        ? [{ id: r.id, name: r.name, mapping: parsed.data, updatedAt: r.updatedAt.toISOString() }]
        : [];
    });
  });
}
