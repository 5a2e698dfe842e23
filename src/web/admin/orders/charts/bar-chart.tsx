// A bar chart drawn as SVG on the server: readable without JavaScript, with its title and a
// summary for screen readers (role="img", aria-labelledby) and its numbers as a table below.

/** One bar: where it sits on the axis, its height, and its value as words. */
export type Bar = { label: string; value: number };

export type BarChartProps = {
  id: string;
  title: string;
  summary: string;
  bars: Bar[];
  /** Formats a value for the axis ("120", "£960"). */
  format: (n: number) => string;
  /** A horizontal line across the chart, e.g. the capacity. */
  reference?: { value: number; label: string } | undefined;
  /** A vertical line before a bar, e.g. the start time. */
  marker?: { index: number; label: string } | undefined;
  /** The numbers, for the table under the picture. */
  table: { headings: string[]; rows: string[][] };
  showNumbers: string;
  empty: string;
};

const W = 640;
const H = 240;
const LEFT = 64;
const RIGHT = 16;
const TOP = 20;
const BOTTOM = 44;
// Dark blue bars and a dark red line on white: both above 4.5:1 contrast.
const BAR = "#1d4f91";
const LINE = "#a4262c";
const INK = "#1f2328";

/** Which bars get a label under them: all when few, else about six evenly spaced. */
const labelled = (n: number) => {
  const step = n <= 8 ? 1 : Math.ceil(n / 6);
  return (i: number) => i % step === 0 || i === n - 1;
};

/** A figure with the chart, its caption, and its numbers in a table. */
export function BarChart(props: BarChartProps) {
  const { id, bars } = props;
  const caption = (
    <figcaption id={`${id}-caption`}>
      <strong>{props.title}</strong> {props.summary}
    </figcaption>
  );
  if (!bars.length) {
    return (
      <figure class="chart" aria-labelledby={`${id}-caption`}>
        {caption}
        <p>{props.empty}</p>
      </figure>
    );
  }
  const max = Math.max(1, ...bars.map((b) => b.value), props.reference?.value ?? 0);
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / bars.length;
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const showLabel = labelled(bars.length);
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${W} ${H}`} width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.summary}</desc>
        <line x1={LEFT} y1={TOP + plotH} x2={W - RIGHT} y2={TOP + plotH} stroke={INK} stroke-width="1" />
        <line x1={LEFT} y1={TOP} x2={LEFT} y2={TOP + plotH} stroke={INK} stroke-width="1" />
        <text x={LEFT - 6} y={TOP + 4} text-anchor="end" font-size="12" fill={INK}>
          {props.format(max)}
        </text>
        <text x={LEFT - 6} y={TOP + plotH} text-anchor="end" font-size="12" fill={INK}>
          {props.format(0)}
        </text>
        {bars.map((b, i) => {
          const x = LEFT + i * slot + (slot - barW) / 2;
          return (
            <g>
              <rect x={x.toFixed(1)} y={y(b.value).toFixed(1)} width={barW.toFixed(1)} height={(TOP + plotH - y(b.value)).toFixed(1)} fill={BAR} />
              {showLabel(i) && (
                <text x={(x + barW / 2).toFixed(1)} y={H - BOTTOM + 16} text-anchor="middle" font-size="11" fill={INK}>
                  {b.label}
                </text>
              )}
            </g>
          );
        })}
        {props.reference && (
          <g>
            <line x1={LEFT} y1={y(props.reference.value).toFixed(1)} x2={W - RIGHT} y2={y(props.reference.value).toFixed(1)} stroke={LINE} stroke-width="2" stroke-dasharray="6 4" />
            <text x={W - RIGHT} y={(y(props.reference.value) - 5).toFixed(1)} text-anchor="end" font-size="12" fill={LINE}>
              {props.reference.label}
            </text>
          </g>
        )}
        {props.marker && (
          <g>
            <line x1={(LEFT + props.marker.index * slot).toFixed(1)} y1={TOP} x2={(LEFT + props.marker.index * slot).toFixed(1)} y2={TOP + plotH} stroke={LINE} stroke-width="2" stroke-dasharray="6 4" />
            <text x={(LEFT + props.marker.index * slot + 4).toFixed(1)} y={TOP + 10} font-size="12" fill={LINE}>
              {props.marker.label}
            </text>
          </g>
        )}
      </svg>
      {caption}
      <details>
        <summary>{props.showNumbers}</summary>
        <table class="data-table">
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              {props.table.headings.map((h, i) => (
                <th scope="col" class={i ? "num" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.map((row) => (
              <tr>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th scope="row">{cell}</th>
                  ) : (
                    <td class="num">{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
