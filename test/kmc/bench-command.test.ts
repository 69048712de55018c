// `cxsim bench` end to end: the JSON fields, the same realisation for the same seed, and bad flags exit 2 with one
// line on stderr. Needs a build (tsc). Speed itself is not asserted (bench/, not tests, measure speed).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, '../../dist/node/sim/main.js');

function cxsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, 'bench', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cxsim bench', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: build first (npx tsc -p tsconfig.json)`);
  });

  it('--json reports sites, events, wall time, events/s and simulated time of the fcc vacancy workload', () => {
    const r = cxsim('--cells', '4', '--events', '20000', '--seed', '5', '--repeat', '2', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ cells: 4, sites: 256, vacancies: 13, events: 20000, seed: '5', node: process.version });
    expect(out.runs).toHaveLength(2);
    expect(out.wallS).toBeGreaterThan(0);
    expect(out.eventsPerS).toBeCloseTo(20000 / out.wallS, 6);
    expect(out.eventsPerSimulatedTime).toBeCloseTo(20000 / out.simulatedTime, 6);
    // Same seed, same work: a second invocation simulates exactly the same time span.
    const again = JSON.parse(cxsim('--cells', '4', '--events', '20000', '--seed', '5', '--json').stdout);
    expect(again.simulatedTime).toBe(out.simulatedTime);
  });

  it('prints a text summary by default', () => {
    const r = cxsim('--cells', '3', '--events', '1000');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^sites\s+108 \(5 vacancies\)$/m);
    expect(r.stdout).toMatch(/^eventsPerS\s+\d+/m);
  });

  it.each([
    [['--cells', '1'], /^cxsim: --cells: expected an integer >= 2, got "1"\n$/],
    [['--events', '1.5'], /^cxsim: --events: expected an integer >= 1, got "1.5"\n$/],
    [['--repeat', 'x'], /^cxsim: --repeat: expected an integer >= 1, got "x"\n$/],
  ])('rejects %j with exit 2 and one line', (args, message) => {
    const r = cxsim(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
