// `cxsim view`'s server: /trajectory is the file byte for byte, the viewer's files come from its folder
// and nothing outside it; bad input exits 2 with one line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCrystal } from '../../src/lattice/index.js';
import { encodeTrajectory } from '../../src/io/trajectory.js';
import { createViewServer } from '../../sim/commands/view.js';
import { randomHistory } from '../io/trajectory-history.js';
import { buildViewer, CLI, REPO, startView } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'cxsim-view-'));
const viewerDir = join(dir, 'viewer');
const trajPath = join(dir, 'run.cxtraj');
const crystal = buildCrystal({ structure: 'zincblende', shape: 'sphere', diameterNm: 2, material: 'CdSe' });
writeFileSync(trajPath, encodeTrajectory(crystal, randomHistory(crystal, 'view', 3, () => 4)));
mkdirSync(join(viewerDir, 'assets'), { recursive: true });
writeFileSync(join(viewerDir, 'index.html'), '<!doctype html><p>viewer</p>');
writeFileSync(join(viewerDir, 'assets', 'app.js'), 'export {};');

let server: Server;
let base = '';
beforeAll(async () => {
  server = createViewServer(viewerDir, trajPath);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
  rmSync(dir, { recursive: true, force: true });
});

describe('createViewServer', () => {
  test('/trajectory serves the file byte for byte, named in a header', async () => {
    const r = await fetch(`${base}/trajectory`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-cxsim-file-name')).toBe('run.cxtraj');
    expect(Buffer.compare(Buffer.from(await r.arrayBuffer()), readFileSync(trajPath))).toBe(0);
  });

  test('/ is index.html; assets get their content type', async () => {
    const index = await fetch(`${base}/?file=/trajectory`);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('viewer');
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  test('nothing outside the viewer folder is served; only GET and HEAD', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET-CONTENT');
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/../secret.txt']) {
      const r = await fetch(`${base}${path}`);
      expect([403, 404], path).toContain(r.status);
      expect(await r.text()).not.toContain('TOP-SECRET-CONTENT');
    }
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/trajectory`, { method: 'POST' })).status).toBe(405);
  });
});

describe('cxsim view', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist/viewer/index.html'))) buildViewer();
  });

  test('prints a 127.0.0.1 URL that serves the viewer and the trajectory; stops on SIGTERM', async () => {
    const view = await startView(trajPath);
    try {
      expect(view.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?file=\/trajectory$/);
      expect((await fetch(view.url)).status).toBe(200);
      const t = await fetch(new URL('/trajectory', view.url));
      expect(Buffer.compare(Buffer.from(await t.arrayBuffer()), readFileSync(trajPath))).toBe(0);
    } finally {
      await view.stop();
    }
  });

  test('a missing trajectory, a bad port and a busy port: one line, exit 2', async () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'view', ...args, '--no-open'], { encoding: 'utf8', timeout: 20_000 });
    const missing = run(join(dir, 'nope.cxtraj'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^cxsim: .*nope\.cxtraj: trajectory file not found\n$/);
    const port = run(trajPath, '--port', '70000');
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--port: expected an integer 0\.\.65535/);
    const busy = createServer();
    await new Promise<void>((ok) => busy.listen(0, '127.0.0.1', ok));
    try {
      const taken = String((busy.address() as AddressInfo).port);
      const r = await new Promise<{ status: number | null; stderr: string }>((ok) => {
        // async spawn: the busy server must keep answering while cxsim tries the port
        import('node:child_process').then(({ execFile }) =>
          execFile(process.execPath, [CLI, 'view', trajPath, '--port', taken, '--no-open'], { timeout: 20_000 }, (err, _out, stderr) =>
            ok({ status: err === null ? 0 : ((err as { code?: number }).code ?? null), stderr }),
          ),
        );
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`cxsim: --port ${taken} is in use on 127.0.0.1; pick another (or --port 0)\n`);
    } finally {
      await new Promise<void>((ok) => busy.close(() => ok()));
    }
  });
});
