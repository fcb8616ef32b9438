/**
 * A horizontal bar chart drawn on the server as SVG: no script, prints well, and the table beside
 * it carries the same numbers for screen readers (the SVG is hidden from them).
 */
export function BarChart({
  items,
  max,
  formatValue,
}: {
  items: Array<{ label: string; value: number }>;
  max?: number;
  formatValue: (n: number) => string;
}) {
  const rowHeight = 22;
  const labelWidth = 150;
  const width = 420;
  const top = Math.max(1, max ?? Math.max(0, ...items.map((i) => i.value)));
  const height = Math.max(rowHeight, items.length * rowHeight);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      aria-hidden="true"
      focusable="false"
      preserveAspectRatio="xMinYMin meet"
    >
      {items.map((item, i) => {
        const w = ((width - labelWidth - 60) * item.value) / top;
        const y = i * rowHeight;
        return (
          <g key={item.label} transform={`translate(0, ${y})`}>
            <text x={labelWidth - 6} y={rowHeight / 2 + 4} textAnchor="end" className="chart-label">
              {item.label.length > 22 ? `${item.label.slice(0, 21)}…` : item.label}
            </text>
            <rect
              x={labelWidth}
              y={3}
              width={Math.max(w, item.value > 0 ? 1 : 0)}
              height={rowHeight - 6}
              className="chart-bar"
            />
            <text x={labelWidth + w + 4} y={rowHeight / 2 + 4} className="chart-value">
              {formatValue(item.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
