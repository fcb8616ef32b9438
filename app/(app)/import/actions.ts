"use server";

import { runAction } from "@/lib/auth/action";
import { getImportJob } from "@/lib/dal/imports/get-import-job";
import { inspectImportFile } from "@/lib/dal/imports/inspect-import-file";
import { listImportMappings } from "@/lib/dal/imports/list-import-mappings";
import { saveImportMapping } from "@/lib/dal/imports/save-import-mapping";
import { startImport } from "@/lib/dal/imports/start-import";
import type { SaveMappingInput } from "@/lib/validation/import";

// Each action is a public endpoint: the DAL checks the actor, parses the file and the options.

async function fileOf(form: FormData): Promise<{ fileName: string; bytes: Uint8Array }> {
  const file = form.get("file");
  if (!(file instanceof File)) return { fileName: "", bytes: new Uint8Array() };
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export async function inspectFileAction(form: FormData) {
  const file = await fileOf(form);
  return runAction((ctx) => inspectImportFile(ctx, file));
}

export async function startImportAction(form: FormData) {
  const file = await fileOf(form);
  let options: unknown;
  try {
    options = JSON.parse(String(form.get("options") ?? "{}"));
  } catch {
    options = {};
  }
  return runAction(async (ctx) => ({ jobId: (await startImport(ctx, { ...file, options })).jobId }));
}

export async function importJobAction(id: string) {
  return runAction((ctx) => getImportJob(ctx, id));
}

export async function saveMappingAction(input: SaveMappingInput) {
  return runAction(async (ctx) => {
    await saveImportMapping(ctx, input);
    return listImportMappings(ctx);
  });
}
