import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Browser code loads zod only with a dynamic import (components/forms/lazy-resolver.ts), so that
 * it stays out of the JavaScript every form page needs first. A static value import of a module
 * that builds zod schemas would put it back; type imports are erased and allowed.
 */
const ROOT = path.resolve(__dirname, "../..");
const ZOD_MODULES = [
  /^zod(\/|$)/,
  /^@hookform\/resolvers\/zod$/,
  /^@\/lib\/validation\/(?!field-errors$)/,
  /^@\/lib\/domain\/screenings$/,
  /^@\/lib\/domain\/screenings\/(build-schema|index|[\w-]+\/v\d+)$/,
];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [rel] : [];
  });
}

/** Modules a file imports at least one value from, statically (`import type` and `type X` left out). */
function staticValueImports(source: string): string[] {
  return [...source.matchAll(/^import\s+([\s\S]*?)\s+from\s+"([^"]+)";/gm)]
    .filter(([, clause = ""]) => {
      if (clause.startsWith("type ")) return false;
      const names = clause
        .replace(/[{}]/g, "")
        .split(",")
        .map((n) => n.trim());
      return names.some((n) => n !== "" && !n.startsWith("type "));
    })
    .map(([, , from]) => from as string);
}

describe("client components", () => {
  const clientFiles = [...sources("app"), ...sources("components")].filter((file) =>
    /^\s*["']use client["']/.test(readFileSync(path.join(ROOT, file), "utf8")),
  );

  it("are found", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it("import no zod schema module statically", () => {
    const offending = clientFiles.flatMap((file) =>
      staticValueImports(readFileSync(path.join(ROOT, file), "utf8"))
        .filter((from) => ZOD_MODULES.some((pattern) => pattern.test(from)))
        .map((from) => `${file}: ${from}`),
    );
    expect(offending).toEqual([]);
  });
});
