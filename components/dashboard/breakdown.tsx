import { BarChart } from "./bar-chart";

/** One breakdown: the chart to look at and the table to read, side by side. */
export function Breakdown({
  id,
  title,
  note,
  rows,
  columnLabel,
  countLabel,
  chart = true,
  locale,
}: {
  id: string;
  title: string;
  note?: string;
  rows: Array<{ key: string; label: string; value: number }>;
  columnLabel: string;
  countLabel: string;
  chart?: boolean;
  locale: string;
}) {
  const fmt = (n: number) => n.toLocaleString(locale);
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={`breakdown-${id}`}>
      <h3 id={`${id}-title`} style={{ marginBlockStart: 0 }}>
        {title}
      </h3>
      {note ? <p className="figure-note">{note}</p> : null}
      <div className={chart ? "chart-pair" : undefined}>
        {chart ? (
          <BarChart items={rows.map((r) => ({ label: r.label, value: r.value }))} formatValue={fmt} />
        ) : null}
        <table>
          <thead>
            <tr>
              <th scope="col">{columnLabel}</th>
              <th scope="col" className="num">
                {countLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{fmt(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
