// sim/progress.ts: silent for short runs, non-terminals and --quiet; a bar with ETA otherwise.
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../../sim/progress.js';

/** A terminal-like stream that records what is written, and a clock the test moves. */
function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, columns: 200, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
  let nowMs = 0;
  return { stream, written, tick: (s: number) => (nowMs += s * 1000), nowMs: () => nowMs };
}

describe('createProgress()', () => {
  it('draws nothing during the first delayS, then a bar whose ETA follows from the fraction done', () => {
    const t = fakeTerminal(true);
    const p = createProgress({ stream: t.stream, nowMs: t.nowMs, label: 'demo', delayS: 2 });
    t.tick(1);
    p.update(0.1, '1/10');
    expect(t.written).toEqual([]);
    t.tick(3); // 4 s elapsed, a quarter done: 12 s to go
    p.update(0.25, '3/10');
    expect(t.written).toHaveLength(1);
    expect(t.written[0]).toMatch(/^\rdemo \[#####\.{15}\]  25% 3\/10 4s ETA 12s/);
    p.finish();
    expect(t.written[1]).toBe('\r\x1b[K');
  });

  it('is silent when the stream is not a terminal or quiet is set', () => {
    for (const [isTTY, quiet] of [[false, false], [true, true]] as const) {
      const t = fakeTerminal(isTTY);
      const p = createProgress({ stream: t.stream, nowMs: t.nowMs, quiet, delayS: 0 });
      t.tick(10);
      p.update(0.5);
      p.finish();
      expect(t.written).toEqual([]);
    }
  });
});

describe('formatDuration()', () => {
  it.each([
    [3.2, '3s'],
    [75, '1m15s'],
    [4000, '1h06m'],
    [Infinity, '?'],
  ])('%s s -> %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});
