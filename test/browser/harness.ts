// Browser-test plumbing: build the viewer, serve a trajectory with `cxsim view`, drive Debian's
// Chromium headless through playwright-core (launch flags as in TOOLCHAIN.md), read window.__viewer.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO = process.cwd();
export const CLI = join(REPO, 'dist/node/sim/main.js');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(REPO, 'test-artifacts');

export const hasChromium = existsSync(CHROMIUM);

/** `cxsim ARGS` synchronously (throws with stderr on a non-zero exit). */
export function cxsim(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`cxsim ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** vite build of viz/ into dist/viewer (a few seconds). */
export function buildViewer(): void {
  const vite = join(REPO, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'viz/vite.config.ts', '--logLevel', 'error'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr || r.stdout}`);
}

export interface ViewServer {
  url: string;
  stop(): Promise<void>;
}

/** Start `cxsim view TRAJ --port 0 --no-open` and wait for the URL it prints. */
export function startView(trajectoryPath: string): Promise<ViewServer> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'view', trajectoryPath, '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => { child.kill('SIGTERM'); fail(new Error(`cxsim view printed no URL: ${out}${err}`)); }, 20_000);
    child.stderr!.on('data', (d: Buffer) => { err += String(d); });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`cxsim view exited ${code}: ${err}`)); });
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m === null) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      ok({
        url: m[1]!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM'); // by handle: only the server this test started
          }),
      });
    });
  });
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cxsim-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The page's window.__viewer, as plain data. */
export interface ViewerState {
  ready: boolean;
  error: string | null;
  frameIndex: number;
  frameCount: number;
  timeS: number;
  counts: { Cd: number; Hg: number; Ag: number; AgInterstitial: number; Vacancy: number; Se: number };
  clipFraction: number;
  clipAxis: number;
  visibleInstances: Record<'Cd' | 'Hg' | 'Ag' | 'AgInterstitial' | 'Vacancy' | 'Anion', number> | null;
}

export async function viewerState(page: Page): Promise<ViewerState> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __viewer: unknown }).__viewer)) as ViewerState);
}

/** Wait until the viewer has drawn what it was asked for (or reports an error). */
export async function waitReady(page: Page, timeoutMs = 90_000): Promise<ViewerState> {
  await page.waitForFunction(
    () => {
      const v = (window as unknown as { __viewer?: { ready: boolean; error: string | null } }).__viewer;
      return v !== undefined && (v.ready || v.error !== null);
    },
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
  const state = await viewerState(page);
  if (state.error !== null) throw new Error(`viewer error: ${state.error}`);
  return state;
}
