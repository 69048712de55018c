// `cxsim view TRAJ`: serve the built viewer (dist/viewer) and the trajectory (/trajectory) from one tiny
// node:http server on 127.0.0.1, print the URL, optionally open a browser. Runs until Ctrl-C.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { readTrajectoryFile } from '../trajectory-file.js';

interface ViewArgs {
  trajectory: string;
  port: number;
  open: boolean;
}

export const DEFAULT_VIEW_PORT = 8766;
/** Built by `npm run build:viz` (vite, viz/vite.config.ts); this file runs from dist/node/sim/commands. */
export const VIEWER_DIR = fileURLToPath(new URL('../../../viewer/', import.meta.url));

const CONTENT_TYPE: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

/** Serve a file (HEAD: headers only). */
function sendFile(req: IncomingMessage, res: ServerResponse, path: string, headers: Record<string, string>): void {
  res.writeHead(200, { 'content-length': String(statSync(path).size), 'cache-control': 'no-cache', ...headers });
  if (req.method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
}

/** The request handler: /trajectory is the file, everything else comes from viewerDir (no escaping it). */
export function createViewServer(viewerDir: string, trajectoryPath: string): Server {
  const root = resolve(viewerDir);
  return createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'only GET and HEAD');
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'bad path');
    }
    if (path === '/trajectory') {
      return sendFile(req, res, trajectoryPath, {
        'content-type': 'application/octet-stream',
        'x-cxsim-file-name': basename(trajectoryPath),
      });
    }
    const file = resolve(join(root, path === '/' ? 'index.html' : path));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'outside the viewer');
    if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, `not found: ${path}`);
    sendFile(req, res, file, { 'content-type': CONTENT_TYPE[extname(file)] ?? 'application/octet-stream' });
  });
}

/** Best effort: a desktop browser if one is registered; silence when none is (servers, CI). */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener: the printed URL is enough
  }
}

export const viewCommand: CommandModule<object, ViewArgs> = {
  command: 'view <trajectory>',
  describe: 'Open a trajectory in the 3D viewer (serves it on 127.0.0.1 and prints the URL)',
  builder: (y: Argv<object>) =>
    y
      .positional('trajectory', { type: 'string', demandOption: true, describe: 'Trajectory file written by cxsim run --trajectory' })
      .option('port', { type: 'number', default: DEFAULT_VIEW_PORT, describe: 'Port on 127.0.0.1 (0: any free port)' })
      .option('open', { type: 'boolean', default: true, describe: 'Open a browser (--no-open: only print the URL)' }) as Argv<ViewArgs>,
  handler: async (args) => {
    if (!(Number.isInteger(args.port) && args.port >= 0 && args.port <= 65535)) {
      throw new UsageError(`--port: expected an integer 0..65535, got ${String(args.port)}`);
    }
    if (!existsSync(join(VIEWER_DIR, 'index.html'))) {
      throw new UsageError(`the viewer is not built (${join(VIEWER_DIR, 'index.html')} missing): run \`npm run build:viz\` first`);
    }
    const trajectoryPath = resolve(args.trajectory);
    const traj = readTrajectoryFile(args.trajectory); // fail now, with the file named, rather than in the browser
    const server = createViewServer(VIEWER_DIR, trajectoryPath);
    await new Promise<void>((ok, fail) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        fail(err.code === 'EADDRINUSE' ? new UsageError(`--port ${args.port} is in use on 127.0.0.1; pick another (or --port 0)`) : err),
      );
      server.listen(args.port, '127.0.0.1', () => ok());
    });
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : args.port;
    const url = `http://127.0.0.1:${port}/?file=/trajectory`;
    process.stdout.write(
      `cxsim view: ${args.trajectory} (${traj.frameCount} frames, ${traj.header.cationCount} cation sites)\n${url}\n(Ctrl-C to stop)\n`,
    );
    if (args.open) openBrowser(url);
    await new Promise<void>((done) => {
      const stop = (): void => {
        server.close(() => done());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
