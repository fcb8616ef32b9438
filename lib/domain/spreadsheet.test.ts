import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "./spreadsheet";

describe("neutraliseCell", () => {
  it.each(["=1+1", "+218911234567", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")'])(
    "prefixes %j with an apostrophe",
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it("leaves ordinary text, numbers and empties alone", () => {
    expect(neutraliseCell("Diallo")).toBe("Diallo");
    expect(neutraliseCell("محمد")).toBe("محمد");
    expect(neutraliseCell(42)).toBe("42");
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
    expect(neutraliseCell("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("quotes separators, quotes and line breaks, and neutralises formulas", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        ["x,y", 'say "hi"'],
        ["line\nbreak", "=cmd|' /C calc'!A0"],
      ],
    );
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\'=cmd|\' /C calc\'!A0\r\n');
  });
});
