// `cxsim run` end to end through the built CLI: outputs and --json, --set recorded in the summary, same
// seed same files, a trajectory, SIGTERM with checkpoints, and bad input (exit 2, one line, nothing written).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTrajectory } from '../../src/index.js';

const MAIN = join(import.meta.dirname, '../../dist/node/sim/main.js');
// A short demo-tiny: the surface burst plus a little tail, ~2 s of CPU.
const SHORT = ['--set', 'durationS=5', '--set', 'samples=6'];

function cxsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, 'run', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'cxsim-run-cli-'));
const read = (...parts: string[]) => readFileSync(join(dir, ...parts), 'utf8');
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: build first (npx tsc -p tsconfig.json)`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cxsim run', () => {
  it('writes the outputs, prints the summary with --json and records --set in scenarioSpec', () => {
    const r = cxsim('demo-tiny', ...SHORT, '--seed', '3', '--out', join(dir, 'a'), '--json', '--quiet', '--trajectory', '--frames', '4');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ scenario: 'demo-tiny', seed: '3', scenarioSpec: { durationS: 5, samples: 6 }, final: { timeS: 5 } });
    expect(JSON.parse(read('a', 'summary.json'))).toEqual(summary);
    const series = read('a', 'timeseries.csv').trim().split('\n');
    expect(series[0]).toBe('timeS,hgFraction,coreShellIndex,agInterstitial,agSubstitutional,vacancies,cdReleased,events');
    expect(series).toHaveLength(1 + 6);
    expect(read('a', 'profiles.csv').split('\n')[0]).toBe('timeS,shell,radiusNm,hgFraction');
    expect(summary.events.total).toBe(Number(series[6]?.split(',')[7]));
    expect(decodeTrajectory(readFileSync(join(dir, 'a', 'trajectory.cxtraj'))).frameCount).toBe(4);
  });

  it('gives byte-identical series and profiles for the same seed', () => {
    const r = cxsim('demo-tiny', ...SHORT, '--seed', '3', '--out', join(dir, 'b'), '--quiet');
    expect(r.status).toBe(0);
    expect(read('b', 'timeseries.csv')).toBe(read('a', 'timeseries.csv'));
    expect(read('b', 'profiles.csv')).toBe(read('a', 'profiles.csv'));
  });

  it('on SIGTERM with --checkpoint-every-s stops between samples, exits 143 and leaves a checkpoint', async () => {
    const out = join(dir, 'term');
    const child = spawn(process.execPath, [MAIN, 'run', 'demo-tiny', '--set', 'durationS=600', '--set', 'samples=41', '--out', out, '--checkpoint-every-s', '0', '--quiet']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    for (let i = 0; i < 600 && !existsSync(join(out, 'checkpoint.json')); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(stderr).toMatch(/^cxsim: interrupted after sample \d+ of 41; checkpoint .*checkpoint\.json \(continue with --resume\)\n$/);
    expect(existsSync(join(out, 'summary.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'checkpoint.json'), 'utf8'))).toMatchObject({ scenario: 'demo-tiny', seed: '1' });
  });

  // Each bad invocation: exit 2, one line on stderr naming the culprit, no stack trace, nothing written.
  const bad: [string, string[], RegExp][] = [
    ['an unknown scenario name', ['demo-tin'], /no file "demo-tin" and no built-in scenario.*demo-tiny/],
    ['--set on a key the schema lacks', ['demo-tiny', '--set', 'reagents.agPerCD=0.1'], /--set "reagents\.agPerCD=0\.1": unknown key "agPerCD" in reagents/],
    ['--set without =', ['demo-tiny', '--set', 'durationS'], /expected dotted\.key=value/],
    ['a value out of range', ['demo-tiny', '--set', 'temperatureC=900'], /demo-tiny\.json: temperatureC: expected a number <= 400, got 900/],
    ['a negative checkpoint interval', ['demo-tiny', '--checkpoint-every-s', '-1'], /--checkpoint-every-s: expected a number of seconds >= 0/],
    ['--frames without --trajectory', ['demo-tiny', '--frames', '5'], /--frames: only with --trajectory/],
  ];
  it.each(bad)('rejects %s', (_what, args, message) => {
    const out = join(dir, `bad-${_what.replace(/\W+/g, '-')}`);
    const r = cxsim(...args, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a scenario file that is not JSON, naming the file', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "name": "x", ');
    const r = cxsim(file, '--out', join(dir, 'broken-out'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
    expect(existsSync(join(dir, 'broken-out'))).toBe(false);
  });
});
