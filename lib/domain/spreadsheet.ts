/**
 * Spreadsheet safety for exports: a cell starting with = + - @ tab or carriage return may run as a
 * formula in Excel or LibreOffice (CSV injection), so it gets a leading apostrophe, which those
 * programs show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV with every cell neutralised; CRLF line ends; a BOM so Excel reads UTF-8 (Arabic). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const line = (cells: readonly unknown[]) =>
    cells
      .map((cell) => {
        const text = neutraliseCell(cell);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(",");
  return `\uFEFF${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}
