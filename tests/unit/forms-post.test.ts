import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * A form without `method` is sent by the browser as a GET when it is submitted before the page's
 * JavaScript runs: every named field, a person's details or a password, goes into the address,
 * the history and the logs on the way (e2e/before-scripts.spec.ts shows it in a browser). So each
 * form says how it is sent: `method="post"` for forms the page handles in script, a server action
 * (`action={…}`, which React sends as a POST), or `method="get"` where the fields are meant for
 * the address, as the case list's filters are.
 */
function formsWithoutMethod(): string[] {
  const files = execFileSync("git", ["ls-files", "app/**/*.tsx", "app/*.tsx", "components/**/*.tsx"], {
    encoding: "utf8",
  })
    .trim()
    .split("\n");
  const missing: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, "utf8"),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const visit = (node: ts.Node) => {
      if (
        (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) &&
        node.tagName.getText() === "form"
      ) {
        const names = node.attributes.properties.flatMap((p) =>
          ts.isJsxAttribute(p) ? [p.name.getText()] : [],
        );
        if (!names.includes("method") && !names.includes("action")) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          missing.push(`${file}:${line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return missing;
}

describe("forms", () => {
  it("every form says how it is sent, so none goes as a GET by default", () => {
    expect(formsWithoutMethod()).toEqual([]);
  });
});
