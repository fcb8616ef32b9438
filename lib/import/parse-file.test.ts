import { describe, expect, it } from "vitest";
import { looksLikeFormula, parseImportFile } from "./parse-file";

const enc = (s: string) => new TextEncoder().encode(s);

describe("parseImportFile", () => {
  it("accepts a UTF-8 BOM and Arabic text, keeping spreadsheet row numbers across blank lines", async () => {
    const r = await parseImportFile(enc("\uFEFFname,sex\nعلي,ذكر\n\nB,F\n"), "f.csv");
    expect(r).toEqual({
      ok: true,
      file: { headers: ["name", "sex"], rows: [["علي", "ذكر"], [""], ["B", "F"]] },
    });
  });

  it("guesses a semicolon delimiter", async () => {
    const r = await parseImportFile(enc("a;b\n1;2\n"), "f.csv");
    expect(r.ok && r.file.rows).toEqual([["1", "2"]]);
  });

  it("refuses UTF-16 and duplicate headers", async () => {
    expect(await parseImportFile(Uint8Array.from([0xff, 0xfe, 0x61, 0]), "f.csv")).toEqual({
      ok: false,
      issues: [{ key: "import.file.encoding" }],
    });
    expect(await parseImportFile(enc("a,a\n1,2\n"), "f.csv")).toEqual({
      ok: false,
      issues: [{ key: "import.file.duplicateHeader", column: "a" }],
    });
  });
});

describe("looksLikeFormula", () => {
  it("flags formulas and DDE payloads, not phone numbers or negative numbers", () => {
    for (const v of ["=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "-A1+1", "\t=1"])
      expect(looksLikeFormula(v)).toBe(true);
    for (const v of ["+218 91 1234567", "-12", "Ahmed", "", "a=b"]) expect(looksLikeFormula(v)).toBe(false);
  });
});
