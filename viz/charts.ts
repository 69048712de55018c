// The two plain-canvas charts: Hg fraction against simulated time (log axis for log-spaced frames) with
// the current frame marked, and the shell profile of the current frame. Axis helpers are DOM-free.
import { formatTime } from './playback.js';
import { LAYER_STYLE, cssColor } from './palette.js';
import type { ShellProfile } from './profile.js';

export interface TimeAxis {
  readonly log: boolean;
  /** Position in [0, 1] along the axis (t = 0 sits at 0 on a log axis). */
  toUnit(timeS: number): number;
  /** Tick times, s. */
  readonly ticks: readonly number[];
}

/** Log axis when the positive frame times span more than two decades, linear otherwise. */
export function timeAxis(timesS: ArrayLike<number>): TimeAxis {
  let minPos = Infinity;
  let max = 0;
  for (let i = 0; i < timesS.length; i++) {
    const t = timesS[i]!;
    if (t > 0 && t < minPos) minPos = t;
    if (t > max) max = t;
  }
  if (!(max > 0)) return { log: false, toUnit: () => 0, ticks: [0] };
  if (max / minPos > 100) {
    const lo = Math.log10(minPos);
    const span = Math.log10(max) - lo;
    const ticks: number[] = [];
    for (let e = Math.ceil(lo); e <= Math.floor(lo + span); e++) ticks.push(10 ** e);
    const thinned = ticks.length > 6 ? ticks.filter((_, i) => i % Math.ceil(ticks.length / 6) === 0) : ticks;
    return { log: true, toUnit: (t) => (t <= minPos ? 0 : (Math.log10(t) - lo) / span), ticks: thinned };
  }
  return { log: false, toUnit: (t) => t / max, ticks: [0, max / 2, max] };
}

interface Box { x0: number; y0: number; w: number; h: number }

/** Size the backing store to the element times the pixel ratio; returns the plot area (CSS px). */
function prepare(canvas: HTMLCanvasElement): { ctx: CanvasRenderingContext2D; box: Box; width: number; height: number } {
  const ratio = Math.min(window.devicePixelRatio || 1, 2);
  const width = canvas.clientWidth || 300;
  const height = canvas.clientHeight || 150;
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = '11px "Liberation Sans", Arial, sans-serif';
  return { ctx, box: { x0: 38, y0: 10, w: width - 50, h: height - 36 }, width, height };
}

function frameAxes(ctx: CanvasRenderingContext2D, box: Box, yLabel: string, xLabel: string): void {
  ctx.strokeStyle = '#5a6270';
  ctx.fillStyle = '#aab2bf';
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x0, box.y0, box.w, box.h);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of [0, 0.5, 1]) {
    const py = box.y0 + box.h * (1 - y);
    ctx.fillText(y.toFixed(1), box.x0 - 4, py);
    ctx.strokeStyle = '#2c313a';
    ctx.beginPath(); ctx.moveTo(box.x0 + 1, py); ctx.lineTo(box.x0 + box.w - 1, py); ctx.stroke();
  }
  ctx.save();
  ctx.translate(10, box.y0 + box.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(yLabel, 0, 0);
  ctx.restore();
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(xLabel, box.x0 + box.w, box.y0 + box.h + 26);
}

/** Hg fraction against time, with a marker at the current frame. */
export function drawHgChart(canvas: HTMLCanvasElement, timesS: Float64Array, hgFraction: Float64Array, frame: number): void {
  const { ctx, box } = prepare(canvas);
  const axis = timeAxis(timesS);
  frameAxes(ctx, box, 'x (Hg)', axis.log ? 'time (log)' : 'time');
  ctx.fillStyle = '#aab2bf';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of axis.ticks) ctx.fillText(formatTime(t), box.x0 + box.w * axis.toUnit(t), box.y0 + box.h + 3);
  const px = (f: number): number => box.x0 + box.w * axis.toUnit(timesS[f]!);
  const py = (f: number): number => box.y0 + box.h * (1 - hgFraction[f]!);
  ctx.strokeStyle = cssColor(LAYER_STYLE.Hg.color);
  ctx.lineWidth = 1.8;
  ctx.beginPath();
  for (let f = 0; f < timesS.length; f++) (f === 0 ? ctx.moveTo(px(f), py(f)) : ctx.lineTo(px(f), py(f)));
  ctx.stroke();
  if (frame >= 0 && frame < timesS.length) {
    ctx.strokeStyle = '#e8e8e8';
    ctx.setLineDash([3, 3]);
    ctx.beginPath(); ctx.moveTo(px(frame), box.y0); ctx.lineTo(px(frame), box.y0 + box.h); ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#ffffff';
    ctx.beginPath(); ctx.arc(px(frame), py(frame), 3.5, 0, 2 * Math.PI); ctx.fill();
  }
}

/** Hg and Cd fraction per shell at the current frame (x axis: shell mid-distance, nm). */
export function drawProfileChart(canvas: HTMLCanvasElement, profile: ShellProfile, distanceLabel: string): void {
  const { ctx, box } = prepare(canvas);
  const edges = profile.edgesNm;
  const maxNm = edges[edges.length - 1]! || 1;
  frameAxes(ctx, box, 'fraction', distanceLabel);
  ctx.fillStyle = '#aab2bf';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const d of [0, maxNm / 2, maxNm]) ctx.fillText(d.toFixed(1), box.x0 + (box.w * d) / maxNm, box.y0 + box.h + 3);
  const series: [Float64Array, number, number[]][] = [
    [profile.cd, LAYER_STYLE.Cd.color, [4, 3]],
    [profile.hg, LAYER_STYLE.Hg.color, []],
  ];
  for (const [values, color, dash] of series) {
    ctx.strokeStyle = cssColor(color);
    ctx.fillStyle = cssColor(color);
    ctx.lineWidth = 1.8;
    ctx.setLineDash(dash);
    ctx.beginPath();
    let started = false;
    for (let s = 0; s < values.length; s++) {
      if (!Number.isFinite(values[s]!)) continue; // empty shell
      const x = box.x0 + (box.w * 0.5 * (edges[s]! + edges[s + 1]!)) / maxNm;
      const y = box.y0 + box.h * (1 - values[s]!);
      if (started) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      started = true;
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
}
