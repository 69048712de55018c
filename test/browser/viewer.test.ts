// The viewer in a real browser: `cxsim run demo-tiny --trajectory` makes a trajectory, `cxsim view`
// serves it, headless Chromium (SwiftShader) shows it; the page's counts must equal the trajectory's
// decoded in Node, the cut must hide the right sites, and the screenshot must not be blank.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FrameCursor, type Trajectory } from '../../src/io/trajectory.js';
import { CationSpecies, InterstitialSpecies } from '../../src/model/species.js';
import { readTrajectoryFile } from '../../sim/trajectory-file.js';
import {
  ARTIFACTS, buildViewer, cxsim, hasChromium, launchBrowser, startView, viewerState, waitReady,
  type Browser, type ViewServer,
} from './harness.js';
import { decodePng, pixelStats } from './png.js';

if (!hasChromium) {
  console.warn('SKIPPED test/browser/viewer.test.ts: /usr/bin/chromium missing (apt-get install -y chromium fonts-liberation)');
}

/** Sites a cut keeps, counted in Node: the page must draw exactly these (fraction of the extent removed from +axis). */
function keptBySpecies(traj: Trajectory, cursor: FrameCursor, axis: number, fraction: number) {
  let low = Infinity, high = -Infinity;
  for (const p of [traj.cationPositionNm, traj.anionPositionNm, traj.interstitialPositionNm]) {
    for (let i = axis; i < p.length; i += 3) { low = Math.min(low, p[i]!); high = Math.max(high, p[i]!); }
  }
  const limit = high - fraction * (high - low);
  const kept = { Cd: 0, Hg: 0, Ag: 0, AgInterstitial: 0, Vacancy: 0, Anion: 0 };
  const name = ['Vacancy', 'Cd', 'Hg', 'Ag'] as const;
  expect([CationSpecies.Vacancy, CationSpecies.Cd, CationSpecies.Hg, CationSpecies.Ag]).toEqual([0, 1, 2, 3]);
  for (let i = 0; i < traj.header.cationCount; i++) if (traj.cationPositionNm[3 * i + axis]! <= limit) kept[name[cursor.cationSpecies[i]!]!]++;
  for (let j = 0; j < traj.header.interstitialCount; j++) {
    if (cursor.interstitialSpecies[j] === InterstitialSpecies.Ag && traj.interstitialPositionNm[3 * j + axis]! <= limit) kept.AgInterstitial++;
  }
  for (let a = 0; a < traj.header.anionCount; a++) if (traj.anionPositionNm[3 * a + axis]! <= limit) kept.Anion++;
  return kept;
}

describe.skipIf(!hasChromium)('viewer in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxsim-viewer-'));
  const trajPath = join(dir, 'run', 'trajectory.cxtraj');
  let server: ViewServer | undefined;
  let browser: Browser | undefined;
  let traj: Trajectory;

  beforeAll(async () => {
    buildViewer();
    // A 2.3 nm particle, shortened: SwiftShader is slow and the test is about the viewer, not the physics.
    cxsim('run', 'demo-tiny', '--out', join(dir, 'run'), '--trajectory', '--frames', '12', '--set', 'durationS=300', '--seed', 'viewer-test', '--quiet');
    traj = readTrajectoryFile(trajPath);
    server = await startView(trajPath);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('loads through ?file=, steps to the last frame, and reports the trajectory\'s counts', async () => {
    const page = browser!.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server!.url);
    const first = await waitReady(page);
    expect(first.frameCount).toBe(traj.frameCount);
    expect(first.frameIndex).toBe(0);

    const last = traj.frameCount - 1;
    await page.evaluate((i) => (window as unknown as { __viewer: { setFrame(i: number): void } }).__viewer.setFrame(i), last);
    await page.waitForFunction((i) => {
      const v = (window as unknown as { __viewer: { ready: boolean; frameIndex: number } }).__viewer;
      return v.ready && v.frameIndex === i;
    }, last, { timeout: 90_000, polling: 100 });
    const state = await viewerState(page);
    const cursor = new FrameCursor(traj);
    cursor.seek(last);
    const c = cursor.counts;
    expect(state.counts).toEqual({ Cd: c.Cd, Hg: c.Hg, Ag: c.Ag, AgInterstitial: c.AgInterstitial, Vacancy: c.Vacancy, Se: traj.header.anionCount });
    expect(state.counts.Hg).toBeGreaterThan(0); // the run exchanged something, so the comparison means something
    expect(state.timeS).toBe(traj.timeS[last]);
    expect(errors).toEqual([]);
  });

  test('the cut plane draws exactly the sites on the kept side; the screenshot is not blank', async () => {
    const page = browser!.page;
    const cursor = new FrameCursor(traj);
    cursor.seek(traj.frameCount - 1);
    for (const [fraction, axis] of [[0, 2], [0.5, 2], [0.3, 0]] as const) {
      await page.evaluate(([f, a]) => (window as unknown as { __viewer: { setClip(f: number, a: number): void } }).__viewer.setClip(f, a), [fraction, axis] as const);
      await page.waitForFunction(([f, a]) => {
        const v = (window as unknown as { __viewer: { ready: boolean; clipFraction: number; clipAxis: number } }).__viewer;
        return v.ready && v.clipFraction === f && v.clipAxis === a;
      }, [fraction, axis] as const, { timeout: 90_000, polling: 100 });
      const state = await viewerState(page);
      const expected = keptBySpecies(traj, cursor, axis, fraction);
      // Anions are hidden by default, so their layer is not laid out: compare the cation and Ag_i layers.
      const { Anion: _a, ...shown } = state.visibleInstances!;
      const { Anion: _b, ...want } = expected;
      expect(shown, `cut ${fraction} along axis ${axis}`).toEqual(want);
      if (fraction === 0) expect(want.Cd + want.Hg + want.Ag + want.Vacancy).toBe(traj.header.cationCount);
      if (fraction === 0.5) expect(want.Cd + want.Hg + want.Ag + want.Vacancy).toBeLessThan(traj.header.cationCount);
    }

    await page.evaluate(() => (window as unknown as { __viewer: { setClip(f: number, a: number): void } }).__viewer.setClip(0.5, 2));
    await page.waitForFunction(() => {
      const v = (window as unknown as { __viewer: { ready: boolean; clipFraction: number; clipAxis: number } }).__viewer;
      return v.ready && v.clipFraction === 0.5 && v.clipAxis === 2;
    }, undefined, { timeout: 90_000, polling: 100 });
    const png = await page.locator('#stage').screenshot();
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'viewer-half-cut.png'), png);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-page.png') });
    const stats = pixelStats(decodePng(png));
    // A blank (background-only) canvas has 1 colour and zero spread; shaded spheres give hundreds.
    expect(stats.colors).toBeGreaterThan(200);
    expect(stats.lumaStd).toBeGreaterThan(8);
    // Hg atoms are drawn blue (palette 0x3f8efc): some clearly blue pixels must be on screen.
    expect(stats.fraction((r, _g, b) => b > r + 60)).toBeGreaterThan(0.002);
  });

  test('a URL that is not a trajectory shows an error; the file picker then loads one', async () => {
    const page = browser!.page;
    await page.goto(new URL('/index.html?file=/index.html', server!.url).href);
    await page.waitForFunction(() => (window as unknown as { __viewer: { error: string | null } }).__viewer.error !== null, undefined, { timeout: 60_000 });
    expect((await viewerState(page)).error).toMatch(/not a cxsim trajectory/);
    expect(await page.locator('#message').textContent()).toMatch(/Cannot show this trajectory/);
    await page.setInputFiles('#file', trajPath);
    // Wait for this trajectory, not for a state left over from the failed load.
    await page.waitForFunction((n) => {
      const v = (window as unknown as { __viewer: { ready: boolean; error: string | null; frameCount: number } }).__viewer;
      return v.error !== null || (v.ready && v.frameCount === n);
    }, traj.frameCount, { timeout: 90_000, polling: 100 });
    const state = await waitReady(page);
    expect(state.frameCount).toBe(traj.frameCount);
    expect(state.frameIndex).toBe(0);
  });
});
