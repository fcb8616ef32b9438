import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ts from "typescript";

export interface JsxElement {
  tag: string;
  /** The element's attributes by name, with their text (`"button"`, `{reset}`), or "" when bare. */
  attributes: Map<string, string>;
  /** file:line */
  at: string;
}

/** Every JSX element of the app's and the components' committed .tsx files. */
export function jsxElements(): JsxElement[] {
  const files = execFileSync("git", ["ls-files", "app/**/*.tsx", "app/*.tsx", "components/**/*.tsx"], {
    encoding: "utf8",
  })
    .trim()
    .split("\n");
  const out: JsxElement[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, "utf8"),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    const visit = (node: ts.Node) => {
      if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
        const attributes = new Map<string, string>();
        for (const p of node.attributes.properties) {
          if (ts.isJsxAttribute(p)) attributes.set(p.name.getText(), p.initializer?.getText() ?? "");
        }
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        out.push({ tag: node.tagName.getText(), attributes, at: `${file}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
