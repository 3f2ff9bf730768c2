import type { FC } from 'hono/jsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import {
  type AxisTick,
  type BarLayout,
  defaultFrame,
  groupedBarLayout,
  histogramLayout,
  type PlotArea,
  round2,
  wrapLabel,
} from './charts.ts';

/**
 * The figure charts as inline SVG (hono/jsx). Each is an image with a title and a description
 * (the table next to it carries the numbers for those who cannot see it); its text is in the
 * reader's language and number format, and its geometry is mirrored for Arabic. Colours and fonts
 * come from CSS classes (`.chart-*` in app.css): the CSP forbids style attributes.
 */

export interface ChartProps {
  m: Messages;
  /** Unique on the page: the title and description ids derive from it. */
  id: string;
  title: string;
  desc: string;
  categories: string[];
  integer: boolean;
}

const labelFont = 12;

/** 12 345, 12,5, ١٢: the reader's way of writing numbers; one decimal at most. */
export function formatNumber(m: Messages, value: number, integer = false): string {
  return new Intl.NumberFormat(m.locale, { maximumFractionDigits: integer ? 0 : 1 }).format(value);
}

const Frame: FC<{
  m: Messages;
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  rtl: boolean;
  children?: unknown;
}> = ({ id, title, desc, width, height, rtl, children }) => (
  <svg
    class="chart"
    viewBox={`0 0 ${width} ${height}`}
    width={width}
    height={height}
    role="img"
    aria-labelledby={`${id}-title ${id}-desc`}
    direction={rtl ? 'rtl' : 'ltr'}
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id={`${id}-title`}>{title}</title>
    <desc id={`${id}-desc`}>{desc}</desc>
    {children}
  </svg>
);

/** The value axis: a line, a grid line and a label per tick, the labels centred in the margin. */
const ValueAxis: FC<{ m: Messages; plot: PlotArea; ticks: AxisTick[]; rtl: boolean; integer: boolean }> = ({
  m,
  plot,
  ticks,
  rtl,
  integer,
}) => {
  const labelX = round2(rtl ? plot.axisX + defaultFrame.start / 2 : plot.axisX - defaultFrame.start / 2);
  return (
    <g class="chart-axis">
      {ticks.map((t) => (
        <>
          <line class="chart-grid" x1={plot.x0} x2={plot.x1} y1={t.y} y2={t.y} />
          <text class="chart-tick" x={labelX} y={round2(t.y + 4)} text-anchor="middle">
            {formatNumber(m, t.value, integer)}
          </text>
        </>
      ))}
      <line class="chart-axis-line" x1={plot.axisX} x2={plot.axisX} y1={plot.y0} y2={plot.y1} />
      <line class="chart-axis-line" x1={plot.x0} x2={plot.x1} y1={plot.y1} y2={plot.y1} />
    </g>
  );
};

/** A category's name under its band, wrapped on up to three lines. */
const CategoryLabel: FC<{ text: string; x: number; y: number; width: number }> = ({ text, x, y, width }) => (
  <text class="chart-label" x={x} y={y} text-anchor="middle">
    {wrapLabel(text, Math.max(24, width - 4), labelFont, 3).map((line, i) => (
      <tspan x={x} dy={i === 0 ? '0' : '1.2em'}>
        {line}
      </tspan>
    ))}
  </text>
);

const Bars: FC<{ m: Messages; layout: BarLayout; integer: boolean; showValues: boolean }> = ({ m, layout, integer, showValues }) => (
  <g class="chart-bars">
    {layout.bars.map((b) => (
      <>
        <rect class={`chart-bar series-${b.series}`} x={b.x} y={b.y} width={b.width} height={b.height} data-value={String(b.value)} />
        {showValues && (
          <text class="chart-value" x={round2(b.x + b.width / 2)} y={round2(b.y - 4)} text-anchor="middle">
            {formatNumber(m, b.value, integer)}
          </text>
        )}
      </>
    ))}
  </g>
);

/** Bars in groups (one series per kind), with a legend in HTML under the chart. */
export const GroupedBarChart: FC<ChartProps & { values: number[][]; series: string[] }> = ({
  m,
  id,
  title,
  desc,
  categories,
  values,
  series,
  integer,
}) => {
  const rtl = m.dir === 'rtl';
  const layout = groupedBarLayout(values, { rtl, integer });
  const labelY = layout.plot.y1 + 18;
  return (
    <>
      <Frame m={m} id={id} title={title} desc={desc} width={layout.width} height={layout.height} rtl={rtl}>
        <ValueAxis m={m} plot={layout.plot} ticks={layout.ticks} rtl={rtl} integer={integer} />
        <Bars m={m} layout={layout} integer={integer} showValues={layout.bars.every((b) => b.width >= 14)} />
        {layout.categories.map((c) => (
          <CategoryLabel text={categories[c.index] ?? ''} x={c.center} y={labelY} width={c.band} />
        ))}
      </Frame>
      {series.length > 1 && (
        <ul class="chart-legend" aria-hidden="true">
          {series.map((name, i) => (
            <li>
              <span class={`chart-swatch series-${i}`} /> {name}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};

/** One bar per category. */
export const BarChart: FC<ChartProps & { values: number[] }> = ({ values, ...props }) => (
  <GroupedBarChart {...props} values={values.map((v) => [v])} series={[]} />
);

/** States per bin of fields with X: bins side by side, their edges written under the axis. */
export const Histogram: FC<ChartProps & { bins: { from: number; to: number; count: number }[]; axisLabel: string }> = ({
  m,
  id,
  title,
  desc,
  bins,
  axisLabel,
}) => {
  const rtl = m.dir === 'rtl';
  const layout = histogramLayout(bins, { rtl });
  const plot = layout.plot;
  return (
    <Frame m={m} id={id} title={title} desc={desc} width={layout.width} height={layout.height} rtl={rtl}>
      <ValueAxis m={m} plot={plot} ticks={layout.ticks} rtl={rtl} integer={true} />
      <g class="chart-bars">
        {layout.bars.map((b) => (
          <>
            <rect class="chart-bar series-0 histogram" x={b.x} y={b.y} width={b.width} height={b.height} data-value={String(b.value)} />
            {b.width >= 14 && (
              <text class="chart-value" x={round2(b.x + b.width / 2)} y={round2(b.y - 4)} text-anchor="middle">
                {formatNumber(m, b.value, true)}
              </text>
            )}
          </>
        ))}
      </g>
      {layout.edges.map((e) => (
        <text class="chart-tick" x={e.x} y={plot.y1 + 16} text-anchor="middle">
          {formatNumber(m, e.value, true)}
        </text>
      ))}
      <text class="chart-label" x={round2((plot.x0 + plot.x1) / 2)} y={plot.y1 + 40} text-anchor="middle">
        {axisLabel}
      </text>
    </Frame>
  );
};
