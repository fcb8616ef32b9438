import "server-only";
import type { ColumnMapping } from "@/lib/domain/import/fields";
import { suggestMapping } from "@/lib/domain/import/mapping";
import { type FileIssue, type ParseLimits, parseImportFile } from "@/lib/import/parse-file";
import { importFileSchema } from "@/lib/validation/import";
import { authorize } from "../authorize";
import type { DalContext } from "../context";
import { parseInput } from "../parse";

export type InspectResult =
  | { ok: true; headers: string[]; rowCount: number; suggested: ColumnMapping }
  | { ok: false; issues: FileIssue[] };

/**
 * First step of an import: reads the file's header row and proposes a mapping. No cell values
 * are returned, and nothing is written.
 */
export async function inspectImportFile(
  ctx: DalContext,
  input: { fileName: string; bytes: Uint8Array },
  limits?: ParseLimits,
): Promise<InspectResult> {
  authorize(ctx.actor, "import.run");
  const file = parseInput(importFileSchema, input);
  const parsed = await parseImportFile(file.bytes, file.fileName, limits);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const { headers, rows } = parsed.file;
  return {
    ok: true,
    headers: headers.filter(Boolean),
    rowCount: rows.length,
    suggested: suggestMapping(headers),
  };
}
