/**
 * People reached, cumulative by month, against the straight-line target trajectory. Server-drawn
 * SVG; the table beside it holds the same series.
 */
export function TrendChart({
  points,
  legend,
}: {
  points: Array<{ month: string; cumulative: number; expected: number | null }>;
  legend: { reached: string; trajectory: string };
}) {
  const width = 480;
  const height = 200;
  const pad = { left: 48, right: 12, top: 12, bottom: 24 };
  const top = Math.max(1, ...points.map((p) => Math.max(p.cumulative, p.expected ?? 0)));
  const x = (i: number) =>
    pad.left + (points.length <= 1 ? 0 : (i * (width - pad.left - pad.right)) / (points.length - 1));
  const y = (v: number) => height - pad.bottom - (v * (height - pad.top - pad.bottom)) / top;
  const line = (values: number[]) =>
    values.map((v, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const hasTarget = points.some((p) => p.expected !== null);
  const labels = points.filter(
    (_, i) => i === 0 || i === points.length - 1 || points[i]?.month.endsWith("-01-01"),
  );
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height + 20}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
    >
      <line x1={pad.left} y1={y(0)} x2={width - pad.right} y2={y(0)} className="chart-axis" />
      <text x={pad.left - 4} y={y(top) + 4} textAnchor="end" className="chart-value">
        {top.toLocaleString("en")}
      </text>
      <text x={pad.left - 4} y={y(0)} textAnchor="end" className="chart-value">
        0
      </text>
      {labels.map((p) => (
        <text
          key={p.month}
          x={x(points.indexOf(p))}
          y={height - 6}
          textAnchor="middle"
          className="chart-value"
        >
          {p.month.slice(0, 7)}
        </text>
      ))}
      {hasTarget ? <path d={line(points.map((p) => p.expected ?? 0))} className="chart-target" /> : null}
      <path d={line(points.map((p) => p.cumulative))} className="chart-line" />
      <g transform={`translate(${pad.left}, ${height + 14})`}>
        <rect width="12" height="4" y="-4" className="chart-bar" />
        <text x="16" className="chart-value">
          {legend.reached}
        </text>
        {hasTarget ? (
          <>
            <line x1="150" x2="162" y1="-2" y2="-2" className="chart-target" />
            <text x="166" className="chart-value">
              {legend.trajectory}
            </text>
          </>
        ) : null}
      </g>
    </svg>
  );
}
