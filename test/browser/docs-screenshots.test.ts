// Makes docs/ce-core-shell.png and docs/iece-alloy.png from one real run of zb-purified-ag-80c (the CE
// product at 1 h, and the alloy Ag makes of it at the same total Hg), both cut in half. Not a check: runs only with CXSIM_DOCS_SCREENSHOTS=1 (minutes).
//   CXSIM_DOCS_SCREENSHOTS=1 npx vitest run test/browser/docs-screenshots.test.ts
// Runs go to out/docs/<scenario>/ and are reused when their trajectory exists (delete to rerun).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readTrajectoryFile } from '../../sim/trajectory-file.js';
import { buildViewer, cxsim, hasChromium, launchBrowser, REPO, startView, waitReady } from './harness.js';

const enabled = process.env['CXSIM_DOCS_SCREENSHOTS'] === '1';
if (!enabled) console.warn('SKIPPED docs screenshots: set CXSIM_DOCS_SCREENSHOTS=1 to regenerate docs/*.png');
const FRAMES = 80;
const SEED = process.env['CXSIM_DOCS_SEED'] ?? '1';

function trajectoryOf(scenario: string): string {
  const out = join(REPO, 'out', 'docs', scenario);
  const path = join(out, 'trajectory.cxtraj');
  if (!existsSync(path)) cxsim('run', scenario, '--out', out, '--trajectory', '--frames', String(FRAMES), '--seed', SEED, '--quiet');
  return path;
}

/** The last frame at or before `timeS`. */
function frameNearestTime(times: ArrayLike<number>, timeS: number): number {
  let best = 0;
  for (let f = 1; f < times.length; f++) if (times[f]! <= timeS) best = f;
  return best;
}

async function shoot(trajPath: string, frame: number, png: string): Promise<{ x: number; timeS: number }> {
  const server = await startView(trajPath);
  const browser = await launchBrowser({ width: 1280, height: 760 });
  try {
    const page = browser.page;
    await page.goto(server.url);
    await waitReady(page, 300_000);
    await page.evaluate(([f]) => {
      const v = (window as unknown as { __viewer: { setFrame(i: number): void; setClip(f: number, a: number): void } }).__viewer;
      v.setFrame(f!);
      v.setClip(0.5, 2);
    }, [frame]);
    await page.waitForFunction((f) => {
      const v = (window as unknown as { __viewer: { ready: boolean; frameIndex: number; clipFraction: number } }).__viewer;
      return v.ready && v.frameIndex === f && v.clipFraction === 0.5;
    }, frame, { timeout: 300_000, polling: 200 });
    const state = await page.evaluate(() => (window as unknown as { __viewer: { counts: { Hg: number; Cd: number; Ag: number; Vacancy: number }; timeS: number } }).__viewer);
    mkdirSync(join(REPO, 'docs'), { recursive: true });
    writeFileSync(png, await page.screenshot());
    const c = state.counts;
    return { x: c.Hg / (c.Hg + c.Cd + c.Ag + c.Vacancy), timeS: state.timeS };
  } finally {
    await browser.close();
    await server.stop();
  }
}

test.skipIf(!enabled || !hasChromium)('docs screenshots: CE core/shell vs the alloy Ag makes of it at the same x, cut in half', async () => {
  buildViewer();
  // zb-purified-ag-80c is CE for 1 h, then free Hg removed and Ag added (E19): one particle, first a CdSe/HgSe
  // core/shell, then the homogeneous alloy at the same total Hg: the cleanest "same x" comparison.
  const name = 'zb-purified-ag-80c';
  const traj = readTrajectoryFile(trajectoryOf(name));
  const ceFrame = frameNearestTime(traj.timeS, 3600);
  const alloyFrame = traj.frameCount - 1;
  const path = join(REPO, 'out/docs', name, 'trajectory.cxtraj');
  const a = await shoot(path, ceFrame, join(REPO, 'docs', 'ce-core-shell.png'));
  const b = await shoot(path, alloyFrame, join(REPO, 'docs', 'iece-alloy.png'));
  console.log(`CE frame ${ceFrame}: x = ${a.x.toFixed(3)} at t = ${a.timeS} s; with Ag, frame ${alloyFrame}: x = ${b.x.toFixed(3)} at t = ${b.timeS} s`);
  expect(Math.abs(a.x - b.x)).toBeLessThan(0.05);
}, 3_600_000);
