// A one-line progress bar with ETA on stderr for long runs (run, ensemble). Silent when the stream is
// not a terminal, when asked to be quiet, and during the first few seconds (short runs print nothing).

export interface ProgressOptions {
  /** Where to draw; defaults to process.stderr. Only a TTY gets a bar. */
  stream?: NodeJS.WriteStream;
  quiet?: boolean;
  /** Text before the bar, e.g. the scenario name. */
  label?: string;
  /** Wall seconds before the bar first appears. */
  delayS?: number;
  /** Minimum wall seconds between redraws. */
  intervalS?: number;
  /** Wall clock in ms (injectable for tests). */
  nowMs?: () => number;
}

export interface Progress {
  /** Report progress: fraction of the work done in [0, 1] and a short status text. */
  update(fraction: number, detail?: string): void;
  /** Erase the bar (call once at the end, success or not). */
  finish(): void;
}

const BAR_WIDTH = 20;

/** A progress writer; a no-op when the stream is not a terminal or quiet is set. */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || !stream.isTTY) return { update: () => undefined, finish: () => undefined };
  const nowMs = options.nowMs ?? (() => performance.now());
  const startMs = nowMs();
  const delayMs = (options.delayS ?? 2) * 1000;
  const intervalMs = (options.intervalS ?? 0.25) * 1000;
  let lastDrawMs = -Infinity;
  let drawn = false;

  return {
    update(fraction, detail = '') {
      const now = nowMs();
      if (now - startMs < delayMs || now - lastDrawMs < intervalMs) return;
      lastDrawMs = now;
      const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      const filled = Math.round(f * BAR_WIDTH);
      const elapsedS = (now - startMs) / 1000;
      const eta = f > 0 ? formatDuration((elapsedS * (1 - f)) / f) : '?';
      const label = options.label ? `${options.label} ` : '';
      const line = `${label}[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(100 * f).toFixed(0).padStart(3)}% ${detail} ${formatDuration(elapsedS)} ETA ${eta}`;
      const columns = stream.columns ?? 100;
      stream.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** 75 -> "1m15s", 4000 -> "1h06m", 3.2 -> "3s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
