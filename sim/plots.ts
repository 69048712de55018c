// The shared SVG plot module: line/marker series, shaded bands (mean ± sd), log or linear axes with nice ticks,
// stacked panels sharing x, legends, reference lines. Pure: a spec in, an SVG string out (no browser, no files).
//
//   renderPlot({ title: 'Exchange', xLabel: 'time (s)', xLog: true, panels: [
//     { yLabel: 'fraction exchanged', series: [{ label: 'KMC', x, y, band: { lo, hi } }, { label: 'Fick', x, y: fit }] },
//     { yLabel: 'residual', weight: 0.4, hLines: [{ y: 0 }], series: [{ x, y: residual, markers: true, line: false }] },
//   ] })

/** Colour-blind-safe palette (Okabe & Ito 2008), black last. */
export const PALETTE: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#999999', '#000000'];

export interface PlotSeries {
  /** Legend text; unlabelled series are not listed. */
  label?: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Shaded band between lo and hi at the same x (e.g. mean ± sd). */
  band?: { lo: ArrayLike<number>; hi: ArrayLike<number> };
  /** CSS colour; default PALETTE by series index within the panel. */
  color?: string;
  dashed?: boolean;
  /** Draw a dot at every point; default false. */
  markers?: boolean;
  /** Draw the connecting line; default true. NaN (or non-positive on a log axis) breaks the line. */
  line?: boolean;
  /** Line width, px; default 2. */
  lineWidth?: number;
}

export interface ReferenceLine {
  /** Position on the panel's y axis (hLines) or on the x axis (vLines). */
  at: number;
  label?: string;
  color?: string;
  /** Default true. */
  dashed?: boolean;
}

export interface PlotPanel {
  /** y-axis label with units, e.g. 'D (m²/s)'. */
  yLabel: string;
  series: PlotSeries[];
  yLog?: boolean;
  /** Fixed y range; default from the data. */
  yRange?: [number, number];
  hLines?: ReferenceLine[];
  /** Relative panel height; default 1. */
  weight?: number;
  /** Show the legend (when some series has a label); default true. */
  legend?: boolean;
}

export interface PlotSpec {
  title?: string;
  /** A smaller second line under the title (e.g. fit results). */
  subtitle?: string;
  /** x-axis label with units, e.g. 'time (s)'. */
  xLabel: string;
  xLog?: boolean;
  xRange?: [number, number];
  /** Pixels; default 720 × 480 (multi-panel plots default to 720 × (300 + 180 per extra panel)). */
  width?: number;
  height?: number;
  /** Single-panel shorthand (ignored when `panels` is given). */
  yLabel?: string;
  series?: PlotSeries[];
  yLog?: boolean;
  yRange?: [number, number];
  hLines?: ReferenceLine[];
  /** Stacked panels sharing the x axis (top to bottom). */
  panels?: PlotPanel[];
  /** Vertical reference lines drawn in every panel. */
  vLines?: ReferenceLine[];
}

// ---------------------------------------------------------------- ticks and numbers

/** About `count` round tick values (1, 2, 2.5, 5 × 10^k steps) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * 0.999) ?? 10 * magnitude;
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  // toPrecision(12) removes float noise from k·step (0.6000000000000001 -> 0.6)
  for (let k = first; k <= last; k++) ticks.push(k === 0 ? 0 : Number((k * step).toPrecision(12)));
  return ticks;
}

/** Round a linear range outwards to the nice ticks that cover it. */
function niceRange(lo: number, hi: number): [number, number] {
  const ticks = niceTicks(lo, hi);
  if (ticks.length < 2) return [lo, hi];
  const step = ticks[1]! - ticks[0]!;
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
}

/** Log-axis ticks: labelled values (decades, thinned when many; 1-2-5 when the span is short) and minor ticks. */
export function logTicks(lo: number, hi: number): { major: number[]; minor: number[] } {
  if (!(hi > lo && lo > 0) || !Number.isFinite(hi)) return { major: [], minor: [] };
  const e0 = Math.floor(Math.log10(lo) + 1e-9);
  const e1 = Math.ceil(Math.log10(hi) - 1e-9);
  const decades = Math.log10(hi / lo);
  const inside = (v: number): boolean => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  if (decades < 1) return { major: niceTicks(lo, hi, 5).filter((v) => v > 0), minor: [] };
  const major: number[] = [];
  const minor: number[] = [];
  const every = Math.max(1, Math.ceil((e1 - e0) / 8));
  for (let e = e0; e <= e1; e++) {
    const decade = 10 ** e;
    if (e % every === 0 && inside(decade)) major.push(decade);
    else if (inside(decade)) minor.push(decade);
    for (let m = 2; m <= 9; m++) {
      const v = m * decade;
      if (!inside(v)) continue;
      if (decades < 1.5 && (m === 2 || m === 5)) major.push(v);
      else if (decades <= 8) minor.push(v);
    }
  }
  major.sort((a, b) => a - b);
  return { major, minor };
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

function powerOfTen(exponent: number): string {
  return `10${String(exponent).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch)}`;
}

/** Decimals needed to write multiples of `step` exactly (2.5 -> 1, 0.05 -> 2, 20 -> 0). */
function decimalsFor(step: number): number {
  for (let d = 0; d < 9; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * scaled) return d;
  }
  return 9;
}

/** Tick label: plain decimals for moderate values (as many as the tick step needs), m×10ⁿ or 10ⁿ otherwise. */
export function formatTick(value: number, step = 0): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e5) {
    const text = step > 0 ? value.toFixed(decimalsFor(step)) : String(Number(value.toPrecision(4)));
    return text.replace('-', '−');
  }
  const exponent = Math.floor(Math.log10(magnitude) + 1e-9);
  const mantissa = Number((value / 10 ** exponent).toPrecision(3));
  if (mantissa === 1) return powerOfTen(exponent);
  if (mantissa === -1) return `−${powerOfTen(exponent)}`;
  return `${String(mantissa).replace('-', '−')}×${powerOfTen(exponent)}`;
}

// ---------------------------------------------------------------- SVG helpers

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';
const CHAR_WIDTH_PX = 0.58; // average glyph width per font-size unit, for layout estimates

function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * CHAR_WIDTH_PX;
}

interface Axis {
  lo: number;
  hi: number;
  log: boolean;
  /** Pixel of the low and high ends. */
  p0: number;
  p1: number;
}

function toPixel(axis: Axis, value: number): number {
  if (axis.log) {
    if (!(value > 0)) return Number.NaN;
    return axis.p0 + ((Math.log10(value) - Math.log10(axis.lo)) / (Math.log10(axis.hi) - Math.log10(axis.lo))) * (axis.p1 - axis.p0);
  }
  return axis.p0 + ((value - axis.lo) / (axis.hi - axis.lo)) * (axis.p1 - axis.p0);
}

function usable(value: number, log: boolean): boolean {
  return Number.isFinite(value) && (!log || value > 0);
}

/** Data range over values (and band limits) usable on the axis; undefined if none. */
function extent(values: ArrayLike<number>[], log: boolean): [number, number] | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const array of values) {
    for (let i = 0; i < array.length; i++) {
      const v = array[i]!;
      if (!usable(v, log)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** Final axis range: explicit, or the data widened a little (linear: to nice ticks), never empty. */
function axisRange(data: [number, number] | undefined, log: boolean, fixed: [number, number] | undefined, snap: boolean): [number, number] {
  if (fixed !== undefined && fixed[1] > fixed[0] && (!log || fixed[0] > 0)) return fixed;
  if (data === undefined) return log ? [1, 10] : [0, 1];
  let [lo, hi] = data;
  if (log) {
    if (hi / lo < 1.0001) return [lo / 2, hi * 2];
    const pad = (hi / lo) ** 0.03;
    return [lo / pad, hi * pad];
  }
  if (hi - lo <= Math.abs(hi) * 1e-12) {
    const half = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - half, hi + half];
  }
  if (!snap) {
    const pad = (hi - lo) * 0.03;
    return [lo - pad, hi + pad];
  }
  [lo, hi] = niceRange(lo, hi);
  return [lo, hi];
}

function ticksFor(axis: Axis): { major: number[]; minor: number[]; step: number } {
  if (axis.log) return { ...logTicks(axis.lo, axis.hi), step: 0 };
  const major = niceTicks(axis.lo, axis.hi);
  return { major, minor: [], step: major.length > 1 ? major[1]! - major[0]! : 0 };
}

/** Path segments through consecutive usable points. */
function linePath(series: PlotSeries, xAxis: Axis, yAxis: Axis): string {
  const n = Math.min(series.x.length, series.y.length);
  let d = '';
  let pen = false;
  for (let i = 0; i < n; i++) {
    const x = series.x[i]!;
    const y = series.y[i]!;
    if (!usable(x, xAxis.log) || !usable(y, yAxis.log)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${num(toPixel(xAxis, x))} ${num(toPixel(yAxis, y))}`;
    pen = true;
  }
  return d;
}

/** Closed polygons for the band, one per run of usable points. */
function bandPath(series: PlotSeries, xAxis: Axis, yAxis: Axis): string {
  const band = series.band!;
  const n = Math.min(series.x.length, band.lo.length, band.hi.length);
  let d = '';
  let start = -1;
  const flush = (end: number): void => {
    if (start < 0 || end - start < 2) return;
    let part = '';
    for (let i = start; i < end; i++) part += `${i === start ? 'M' : 'L'}${num(toPixel(xAxis, series.x[i]!))} ${num(toPixel(yAxis, band.hi[i]!))}`;
    for (let i = end - 1; i >= start; i--) part += `L${num(toPixel(xAxis, series.x[i]!))} ${num(toPixel(yAxis, band.lo[i]!))}`;
    d += `${part}Z`;
  };
  for (let i = 0; i < n; i++) {
    const ok = usable(series.x[i]!, xAxis.log) && usable(band.lo[i]!, yAxis.log) && usable(band.hi[i]!, yAxis.log);
    if (ok && start < 0) start = i;
    if (!ok) {
      flush(i);
      start = -1;
    }
  }
  flush(n);
  return d;
}

interface LegendEntry {
  label: string;
  color: string;
  dashed: boolean;
  markers: boolean;
  line: boolean;
  band: boolean;
}

/** Legend box in the panel corner holding the fewest data points. */
function renderLegend(entries: LegendEntry[], panel: PlotPanel, xAxis: Axis, yAxis: Axis): string {
  if (entries.length === 0) return '';
  const fontSize = 12;
  const rowHeight = 17;
  const boxWidth = 34 + Math.max(...entries.map((e) => textWidth(e.label, fontSize)));
  const boxHeight = entries.length * rowHeight + 8;
  const left = Math.min(xAxis.p0, xAxis.p1);
  const right = Math.max(xAxis.p0, xAxis.p1);
  const top = Math.min(yAxis.p0, yAxis.p1);
  const bottom = Math.max(yAxis.p0, yAxis.p1);
  const corners = [
    { x: right - boxWidth - 8, y: top + 8 },
    { x: left + 8, y: top + 8 },
    { x: right - boxWidth - 8, y: bottom - boxHeight - 8 },
    { x: left + 8, y: bottom - boxHeight - 8 },
  ];
  // Count data (points and the segments between them, sampled) under each candidate box.
  const counts = corners.map(() => 0);
  const hit = (px: number, py: number): void => {
    corners.forEach((c, k) => {
      if (px >= c.x - 4 && px <= c.x + boxWidth + 4 && py >= c.y - 4 && py <= c.y + boxHeight + 4) counts[k] = counts[k]! + 1;
    });
  };
  for (const s of panel.series) {
    const n = Math.min(s.x.length, s.y.length);
    const stride = Math.max(1, Math.floor(n / 400));
    let previousX = Number.NaN;
    let previousY = Number.NaN;
    for (let i = 0; i < n; i += stride) {
      const px = toPixel(xAxis, s.x[i]!);
      const py = toPixel(yAxis, s.y[i]!);
      if (!Number.isFinite(px) || !Number.isFinite(py)) {
        previousX = Number.NaN;
        continue;
      }
      hit(px, py);
      if (s.line !== false && Number.isFinite(previousX)) for (let k = 1; k < 8; k++) hit(previousX + ((px - previousX) * k) / 8, previousY + ((py - previousY) * k) / 8);
      previousX = px;
      previousY = py;
    }
  }
  const best = counts.indexOf(Math.min(...counts));
  const { x, y } = corners[best]!;
  let svg = `<g class="legend"><rect x="${num(x)}" y="${num(y)}" width="${num(boxWidth)}" height="${num(boxHeight)}" fill="#ffffff" fill-opacity="0.85" stroke="#bbbbbb"/>`;
  entries.forEach((e, k) => {
    const cy = y + 4 + rowHeight * (k + 0.5);
    if (e.band) svg += `<rect x="${num(x + 6)}" y="${num(cy - 6)}" width="22" height="12" fill="${e.color}" fill-opacity="0.2"/>`;
    if (e.line) svg += `<line x1="${num(x + 6)}" y1="${num(cy)}" x2="${num(x + 28)}" y2="${num(cy)}" stroke="${e.color}" stroke-width="2"${e.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
    if (e.markers) svg += `<circle cx="${num(x + 17)}" cy="${num(cy)}" r="3" fill="${e.color}"/>`;
    svg += `<text x="${num(x + 32)}" y="${num(cy + 4)}" font-size="${fontSize}">${escapeXml(e.label)}</text>`;
  });
  return `${svg}</g>`;
}

// ---------------------------------------------------------------- the plot

/** Render a plot as a standalone SVG document. NaN, empty series and non-positive values on log axes are skipped. */
export function renderPlot(spec: PlotSpec): string {
  const panels: PlotPanel[] = spec.panels ?? [
    { yLabel: spec.yLabel ?? '', series: spec.series ?? [], yLog: spec.yLog, yRange: spec.yRange, hLines: spec.hLines },
  ];
  const width = spec.width ?? 720;
  const height = spec.height ?? (panels.length > 1 ? 300 + 180 * (panels.length - 1) : 480);
  const xLog = spec.xLog ?? false;

  const titleSpace = (spec.title ? 30 : 12) + (spec.subtitle ? 18 : 0);
  const marginLeft = 78;
  const marginRight = 24;
  const marginBottom = 52;
  const gap = 14;
  const plotLeft = marginLeft;
  const plotRight = width - marginRight;
  const plotHeight = height - titleSpace - marginBottom - gap * (panels.length - 1);
  const totalWeight = panels.reduce((sum, p) => sum + (p.weight ?? 1), 0);

  const xValues: ArrayLike<number>[] = [];
  for (const p of panels) for (const s of p.series) xValues.push(s.x);
  const xData = extent(xValues, xLog);
  const [xLo, xHi] = axisRange(xData, xLog, spec.xRange, false);
  const xAxis: Axis = { lo: xLo, hi: xHi, log: xLog, p0: plotLeft, p1: plotRight };
  const xTicks = ticksFor(xAxis);

  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`;
  svg += `<rect width="${width}" height="${height}" fill="#ffffff"/>`;
  if (spec.title) svg += `<text x="${num(width / 2)}" y="22" font-size="16" font-weight="bold" text-anchor="middle">${escapeXml(spec.title)}</text>`;
  if (spec.subtitle) svg += `<text x="${num(width / 2)}" y="${spec.title ? 41 : 20}" font-size="12" fill="#444444" text-anchor="middle">${escapeXml(spec.subtitle)}</text>`;

  let top = titleSpace;
  panels.forEach((panel, index) => {
    const panelHeight = (plotHeight * (panel.weight ?? 1)) / totalWeight;
    const bottom = top + panelHeight;
    const yLog = panel.yLog ?? false;
    const yValues: ArrayLike<number>[] = [];
    for (const s of panel.series) {
      yValues.push(s.y);
      if (s.band) yValues.push(s.band.lo, s.band.hi);
    }
    if (panel.hLines) yValues.push(panel.hLines.map((h) => h.at));
    const [yLo, yHi] = axisRange(extent(yValues, yLog), yLog, panel.yRange, true);
    const yAxis: Axis = { lo: yLo, hi: yHi, log: yLog, p0: bottom, p1: top };
    const yTicks = ticksFor(yAxis);
    const clipId = `clip${index}`;
    const isBottom = index === panels.length - 1;

    // The clip region reaches a marker radius past the frame, so points on the edge stay whole.
    svg += `<g class="panel"><clipPath id="${clipId}"><rect x="${num(plotLeft - 4)}" y="${num(top - 4)}" width="${num(plotRight - plotLeft + 8)}" height="${num(panelHeight + 8)}"/></clipPath>`;
    // grid
    for (const t of xTicks.major) svg += `<line x1="${num(toPixel(xAxis, t))}" y1="${num(top)}" x2="${num(toPixel(xAxis, t))}" y2="${num(bottom)}" stroke="#e5e5e5"/>`;
    for (const t of yTicks.major) svg += `<line x1="${num(plotLeft)}" y1="${num(toPixel(yAxis, t))}" x2="${num(plotRight)}" y2="${num(toPixel(yAxis, t))}" stroke="#e5e5e5"/>`;
    // reference lines
    svg += `<g clip-path="url(#${clipId})">`;
    for (const h of panel.hLines ?? []) {
      const py = toPixel(yAxis, h.at);
      if (!Number.isFinite(py)) continue;
      svg += `<line x1="${num(plotLeft)}" y1="${num(py)}" x2="${num(plotRight)}" y2="${num(py)}" stroke="${h.color ?? '#555555'}" stroke-width="1.2"${h.dashed === false ? '' : ' stroke-dasharray="5 4"'}/>`;
    }
    for (const v of spec.vLines ?? []) {
      const px = toPixel(xAxis, v.at);
      if (!Number.isFinite(px)) continue;
      svg += `<line x1="${num(px)}" y1="${num(top)}" x2="${num(px)}" y2="${num(bottom)}" stroke="${v.color ?? '#555555'}" stroke-width="1.2"${v.dashed === false ? '' : ' stroke-dasharray="5 4"'}/>`;
    }
    // bands first, then lines and markers on top
    panel.series.forEach((s, k) => {
      if (!s.band) return;
      const d = bandPath(s, xAxis, yAxis);
      if (d) svg += `<path d="${d}" fill="${s.color ?? PALETTE[k % PALETTE.length]}" fill-opacity="0.2" stroke="none"/>`;
    });
    panel.series.forEach((s, k) => {
      const color = s.color ?? PALETTE[k % PALETTE.length]!;
      if (s.line !== false) {
        const d = linePath(s, xAxis, yAxis);
        if (d) svg += `<path d="${d}" fill="none" stroke="${color}" stroke-width="${s.lineWidth ?? 2}" stroke-linejoin="round"${s.dashed ? ' stroke-dasharray="7 5"' : ''}/>`;
      }
      if (s.markers) {
        const n = Math.min(s.x.length, s.y.length);
        let dots = '';
        for (let i = 0; i < n; i++) {
          if (!usable(s.x[i]!, xAxis.log) || !usable(s.y[i]!, yAxis.log)) continue;
          dots += `<circle cx="${num(toPixel(xAxis, s.x[i]!))}" cy="${num(toPixel(yAxis, s.y[i]!))}" r="2.6"/>`;
        }
        if (dots) svg += `<g fill="${color}">${dots}</g>`;
      }
    });
    svg += '</g>';
    // frame, ticks, labels
    svg += `<rect x="${num(plotLeft)}" y="${num(top)}" width="${num(plotRight - plotLeft)}" height="${num(panelHeight)}" fill="none" stroke="#222222"/>`;
    for (const t of xTicks.minor) svg += `<line x1="${num(toPixel(xAxis, t))}" y1="${num(bottom)}" x2="${num(toPixel(xAxis, t))}" y2="${num(bottom - 3)}" stroke="#222222"/>`;
    for (const t of xTicks.major) {
      const px = toPixel(xAxis, t);
      svg += `<line x1="${num(px)}" y1="${num(bottom)}" x2="${num(px)}" y2="${num(bottom - 6)}" stroke="#222222"/>`;
      if (isBottom) svg += `<text x="${num(px)}" y="${num(bottom + 17)}" font-size="11" text-anchor="middle">${escapeXml(formatTick(t, xTicks.step))}</text>`;
    }
    for (const t of yTicks.minor) svg += `<line x1="${num(plotLeft)}" y1="${num(toPixel(yAxis, t))}" x2="${num(plotLeft + 3)}" y2="${num(toPixel(yAxis, t))}" stroke="#222222"/>`;
    for (const t of yTicks.major) {
      const py = toPixel(yAxis, t);
      svg += `<line x1="${num(plotLeft)}" y1="${num(py)}" x2="${num(plotLeft + 6)}" y2="${num(py)}" stroke="#222222"/>`;
      svg += `<text x="${num(plotLeft - 6)}" y="${num(py + 4)}" font-size="11" text-anchor="end">${escapeXml(formatTick(t, yTicks.step))}</text>`;
    }
    const yMid = (top + bottom) / 2;
    svg += `<text x="18" y="${num(yMid)}" font-size="13" text-anchor="middle" transform="rotate(-90 18 ${num(yMid)})">${escapeXml(panel.yLabel)}</text>`;
    // legend
    if (panel.legend !== false) {
      const entries: LegendEntry[] = [];
      panel.series.forEach((s, k) => {
        const drawn = Array.from({ length: Math.min(s.x.length, s.y.length) }, (_, i) => i).some((i) => usable(s.x[i]!, xAxis.log) && usable(s.y[i]!, yAxis.log));
        if (s.label && drawn) entries.push({ label: s.label, color: s.color ?? PALETTE[k % PALETTE.length]!, dashed: !!s.dashed, markers: !!s.markers, line: s.line !== false, band: !!s.band });
      });
      for (const h of panel.hLines ?? []) if (h.label) entries.push({ label: h.label, color: h.color ?? '#555555', dashed: h.dashed !== false, markers: false, line: true, band: false });
      svg += renderLegend(entries, panel, xAxis, yAxis);
    }
    svg += '</g>';
    top = bottom + gap;
  });
  svg += `<text x="${num((plotLeft + plotRight) / 2)}" y="${num(height - 12)}" font-size="13" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`;
  return `${svg}</svg>\n`;
}
