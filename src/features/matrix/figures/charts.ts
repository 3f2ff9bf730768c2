/**
 * The geometry of the figure charts, as pure functions: nice axis ticks, linear scales, bar,
 * grouped-bar and histogram layouts, label wrapping. `chart-svg.tsx` draws what these compute;
 * keeping the arithmetic here lets it be tested by hand-computed cases.
 *
 * Layouts are computed left to right and then mirrored for right-to-left readers, so that in
 * Arabic the first category stands at the right and the value axis on the right-hand side.
 */

/** The drawing area and its margins, in SVG user units; `start` and `end` are the logical sides. */
export interface Frame {
  width: number;
  height: number;
  top: number;
  bottom: number;
  /** The side the value axis stands on: left in LTR, right in RTL. */
  start: number;
  end: number;
}

export const defaultFrame: Frame = { width: 640, height: 320, top: 28, bottom: 72, start: 56, end: 16 };

/** Two decimals: enough for SVG, and stable in tests and output. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The step of about `target` intervals covering 0..max, taken from 1, 2, 5 times a power of ten:
 * max 37 gives 10 (0, 10, 20, 30, 40), max 100 gives 20, max 5 gives 1. With `integer` (counts),
 * the step is never below 1.
 */
export function niceStep(max: number, target = 5, integer = true): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalized = raw / magnitude;
  const nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
  const step = nice * magnitude;
  return integer ? Math.max(1, step) : step;
}

/** Ticks from 0 to the first multiple of the nice step at or above max; [0, 1] when max is 0. */
export function niceTicks(max: number, target = 5, integer = true): number[] {
  const step = niceStep(max, target, integer);
  const top = max > 0 ? Math.ceil(max / step - 1e-9) * step : step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i++) ticks.push(round2(i * step));
  return ticks;
}

/** A linear scale from 0..top (the last tick) onto 0..length. */
export interface LinearScale {
  ticks: number[];
  top: number;
  length: number;
  map: (value: number) => number;
}

export function linearScale(max: number, length: number, target = 5, integer = true): LinearScale {
  const ticks = niceTicks(max, target, integer);
  const top = ticks[ticks.length - 1]!;
  return { ticks, top, length, map: (value) => (Math.max(0, value) / top) * length };
}

export interface PlotArea {
  /** Left, right, top and bottom edges of the plot, after mirroring. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Where the value axis line stands: x0 in LTR, x1 in RTL. */
  axisX: number;
}

export interface AxisTick {
  value: number;
  y: number;
}

export interface BarGeometry {
  category: number;
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CategoryGeometry {
  index: number;
  /** The middle of the category's band, where its label goes. */
  center: number;
  band: number;
}

export interface BarLayout {
  width: number;
  height: number;
  rtl: boolean;
  plot: PlotArea;
  ticks: AxisTick[];
  bars: BarGeometry[];
  categories: CategoryGeometry[];
}

export interface LayoutOptions {
  frame?: Frame;
  rtl?: boolean;
  /** Share of each band left empty around its bars (0–1). */
  padding?: number;
  /** Whether values are counts (integer ticks). */
  integer?: boolean;
}

function plotOf(frame: Frame, rtl: boolean): PlotArea {
  const left = rtl ? frame.end : frame.start;
  const right = frame.width - (rtl ? frame.start : frame.end);
  return { x0: left, x1: right, y0: frame.top, y1: frame.height - frame.bottom, axisX: rtl ? right : left };
}

/** Mirrors a horizontal span [x, x + w) of the frame for right-to-left readers. */
export function mirrorSpan(x: number, w: number, width: number, rtl: boolean): number {
  return rtl ? width - x - w : x;
}

/**
 * Bars in groups: `groups[i][s]` is the value of series s in category i. Categories share the
 * plot's width in equal bands; the bars of a category share its band less the padding.
 */
export function groupedBarLayout(groups: readonly (readonly number[])[], options: LayoutOptions = {}): BarLayout {
  const frame = options.frame ?? defaultFrame;
  const rtl = options.rtl ?? false;
  const padding = options.padding ?? 0.2;
  const plot = plotOf(frame, rtl);
  const plotWidth = frame.width - frame.start - frame.end;
  const plotHeight = plot.y1 - plot.y0;
  const max = Math.max(0, ...groups.flat());
  const scale = linearScale(max, plotHeight, 5, options.integer ?? true);
  const band = groups.length ? plotWidth / groups.length : plotWidth;
  const groupWidth = band * (1 - padding);
  const bars: BarGeometry[] = [];
  const categories: CategoryGeometry[] = [];
  groups.forEach((values, category) => {
    const bandStart = frame.start + category * band;
    categories.push({ index: category, center: round2(mirrorSpan(bandStart + band / 2, 0, frame.width, rtl)), band: round2(band) });
    const barWidth = values.length ? groupWidth / values.length : groupWidth;
    values.forEach((value, series) => {
      const x = bandStart + (band - groupWidth) / 2 + series * barWidth;
      const height = scale.map(value);
      bars.push({
        category,
        series,
        value,
        x: round2(mirrorSpan(x, barWidth, frame.width, rtl)),
        y: round2(plot.y1 - height),
        width: round2(barWidth),
        height: round2(height),
      });
    });
  });
  const ticks = scale.ticks.map((value) => ({ value, y: round2(plot.y1 - scale.map(value)) }));
  return { width: frame.width, height: frame.height, rtl, plot, ticks, bars, categories };
}

/** One bar per category. */
export function barLayout(values: readonly number[], options: LayoutOptions = {}): BarLayout {
  return groupedBarLayout(
    values.map((value) => [value]),
    options,
  );
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface HistogramLayout {
  width: number;
  height: number;
  rtl: boolean;
  plot: PlotArea;
  ticks: AxisTick[];
  /** One bar per bin, touching its neighbours. */
  bars: (BarGeometry & { from: number; to: number })[];
  /** The bin edges along the axis, where their values are written. */
  edges: { value: number; x: number }[];
}

/** Bins side by side across the plot, each as wide as the others, heights in proportion to counts. */
export function histogramLayout(bins: readonly HistogramBin[], options: LayoutOptions = {}): HistogramLayout {
  const frame = options.frame ?? defaultFrame;
  const rtl = options.rtl ?? false;
  const plot = plotOf(frame, rtl);
  const plotWidth = frame.width - frame.start - frame.end;
  const plotHeight = plot.y1 - plot.y0;
  const scale = linearScale(Math.max(0, ...bins.map((b) => b.count)), plotHeight);
  const binWidth = bins.length ? plotWidth / bins.length : plotWidth;
  const bars = bins.map((bin, index) => {
    const height = scale.map(bin.count);
    return {
      category: index,
      series: 0,
      value: bin.count,
      from: bin.from,
      to: bin.to,
      x: round2(mirrorSpan(frame.start + index * binWidth, binWidth, frame.width, rtl)),
      y: round2(plot.y1 - height),
      width: round2(binWidth),
      height: round2(height),
    };
  });
  const edges = bins.length
    ? [...bins.map((bin, index) => ({ value: bin.from, at: index })), { value: bins[bins.length - 1]!.to, at: bins.length }].map((e) => ({
        value: e.value,
        x: round2(mirrorSpan(frame.start + e.at * binWidth, 0, frame.width, rtl)),
      }))
    : [];
  const ticks = scale.ticks.map((value) => ({ value, y: round2(plot.y1 - scale.map(value)) }));
  return { width: frame.width, height: frame.height, rtl, plot, ticks, bars, edges };
}

/** Characters of East Asian scripts take about a full em; others about half of one. */
function charWidth(char: string, fontSize: number): number {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x2e80 && code <= 0xffef ? 1 : 0.55) * fontSize;
}

export function estimateTextWidth(text: string, fontSize = 12): number {
  let width = 0;
  for (const char of text) width += charWidth(char, fontSize);
  return width;
}

/**
 * Splits a label into at most `maxLines` lines of about `maxWidth`: at spaces, or between
 * characters in scripts written without them. A label too long for the lines ends with "…".
 */
export function wrapLabel(text: string, maxWidth: number, fontSize = 12, maxLines = 3): string[] {
  const words = text.includes(' ') ? text.split(/\s+/).filter(Boolean) : [...text];
  const joiner = text.includes(' ') ? ' ' : '';
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line}${joiner}${word}` : word;
    if (line && estimateTextWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}
