/**
 * Small-cell suppression for figures that leave the organisation. A count from 1 to threshold-1 is
 * hidden (primary suppression); then, wherever a published sum would let someone subtract their
 * way to a hidden cell, another cell of that sum is hidden too (complementary suppression).
 * Zero is published: it describes nobody.
 */

export interface SuppressedCell {
  value: number;
  suppressed: boolean;
}

/**
 * `lines` are sets of cell indexes bound by one equation (parts add up to a total, the total being
 * one of the cells). A line with exactly one hidden cell would give it away, so a second one is
 * hidden: the smallest non-zero visible cell of the line, or a zero when there is no other.
 */
export function suppressCells(
  values: readonly number[],
  lines: ReadonlyArray<readonly number[]>,
  threshold: number,
): SuppressedCell[] {
  const hidden = values.map((v) => v > 0 && v < threshold);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hiddenCount = line.filter((i) => hidden[i]).length;
      if (hiddenCount !== 1) continue;
      const visible = line.filter((i) => !hidden[i]);
      if (visible.length === 0) continue;
      const byValue = (a: number, b: number) => (values[a] as number) - (values[b] as number) || a - b;
      const nonZero = visible.filter((i) => (values[i] as number) > 0).sort(byValue);
      const pick = nonZero[0] ?? [...visible].sort(byValue)[0];
      if (pick === undefined) continue;
      hidden[pick] = true;
      changed = true;
    }
  }
  return values.map((value, i) => ({ value, suppressed: hidden[i] as boolean }));
}

/** A breakdown and its total: cell 0 is the total, the rest its parts. */
export function suppressBreakdown(
  total: number,
  parts: readonly number[],
  threshold: number,
): { total: SuppressedCell; parts: SuppressedCell[] } {
  const line = Array.from({ length: parts.length + 1 }, (_, i) => i);
  const cells = suppressCells([total, ...parts], [line], threshold);
  return { total: cells[0] as SuppressedCell, parts: cells.slice(1) };
}

/**
 * A two-way table (rows × columns) with its row totals, column totals and grand total, every one
 * of which is published; each row and each column is one equation.
 */
export function suppressTwoWay(
  grid: ReadonlyArray<readonly number[]>,
  threshold: number,
): {
  grid: SuppressedCell[][];
  rowTotals: SuppressedCell[];
  columnTotals: SuppressedCell[];
  total: SuppressedCell;
} {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const values: number[] = [];
  const cell = (r: number, c: number) => r * cols + c;
  for (const row of grid) values.push(...row);
  const rowTotalAt = (r: number) => rows * cols + r;
  const colTotalAt = (c: number) => rows * cols + rows + c;
  const grandAt = rows * cols + rows + cols;
  for (const row of grid) values.push(row.reduce((s, v) => s + v, 0));
  for (let c = 0; c < cols; c++) values.push(grid.reduce((s, row) => s + (row[c] as number), 0));
  values.push(values.slice(0, rows * cols).reduce((s, v) => s + v, 0));
  const lines: number[][] = [];
  for (let r = 0; r < rows; r++)
    lines.push([...Array.from({ length: cols }, (_, c) => cell(r, c)), rowTotalAt(r)]);
  for (let c = 0; c < cols; c++)
    lines.push([...Array.from({ length: rows }, (_, r) => cell(r, c)), colTotalAt(c)]);
  lines.push([...Array.from({ length: rows }, (_, r) => rowTotalAt(r)), grandAt]);
  lines.push([...Array.from({ length: cols }, (_, c) => colTotalAt(c)), grandAt]);
  const out = suppressCells(values, lines, threshold);
  return {
    grid: Array.from({ length: rows }, (_, r) => out.slice(r * cols, (r + 1) * cols)),
    rowTotals: out.slice(rows * cols, rows * cols + rows),
    columnTotals: out.slice(rows * cols + rows, grandAt),
    total: out[grandAt] as SuppressedCell,
  };
}

/**
 * A cumulative series: consecutive published values differ by the people first reached between
 * them, so a value is hidden whenever its step from the last published value is a small count.
 */
export function suppressCumulative(values: readonly number[], threshold: number): SuppressedCell[] {
  let lastPublished = 0;
  return values.map((value) => {
    const step = value - lastPublished;
    if (step > 0 && step < threshold) return { value, suppressed: true };
    lastPublished = value;
    return { value, suppressed: false };
  });
}
