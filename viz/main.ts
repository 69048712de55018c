// Viewer wiring: load a trajectory (?file=URL, file picker, drag-and-drop) into the decode worker,
// keep at most one frame request in flight, copy results into the atom meshes, expose window.__viewer.
import { AtomLayers } from './atoms.js';
import { drawHgChart, drawProfileChart } from './charts.js';
import type { BuiltFrame, Cut, ViewerCounts } from './frame-builder.js';
import { bondLengthNm, LAYER_STYLE, type LayerName } from './palette.js';
import { Playback } from './playback.js';
import { Viewport } from './scene.js';
import { Ui } from './ui.js';
import type { FromWorker, LoadedTrajectory, ToWorker } from './worker-protocol.js';

/** What tests read from the page (and drive it by). */
interface ViewerStatus {
  ready: boolean;
  error: string | null;
  frameIndex: number;
  frameCount: number;
  timeS: number;
  counts: ViewerCounts;
  clipFraction: number;
  clipAxis: number;
  visibleInstances: Record<LayerName, number> | null;
  setFrame(i: number): void;
  setClip(fraction: number, axis?: 0 | 1 | 2): void;
  play(): void;
  pause(): void;
}

declare global {
  interface Window { __viewer: ViewerStatus }
}

const viewport = new Viewport(document.getElementById('stage')!);
const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
const send = (msg: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(msg, transfer);

let loaded: LoadedTrajectory | undefined;
let atoms: AtomLayers | undefined;
let playback = new Playback(1);
let shown: BuiltFrame | undefined;
let inFlight = false;
/** The state the user asked for; the worker catches up one request at a time. */
let wantFrame = 0;
let wantCut: Cut = { axis: 2, fraction: 0.5 };
/** Cut for which the (static) anion layer was last laid out, as "axis:fraction". */
let anionCutKey: string | null = null;
let renderedSinceShown = false;
const visible: Record<LayerName, boolean> = {
  Cd: true, Hg: true, Ag: true, AgInterstitial: true, Vacancy: true, Anion: LAYER_STYLE.Anion.visibleByDefault,
};

const status: ViewerStatus = {
  ready: false,
  error: null,
  frameIndex: -1,
  frameCount: 0,
  timeS: NaN,
  counts: { Cd: 0, Hg: 0, Ag: 0, AgInterstitial: 0, Vacancy: 0, Se: 0 },
  clipFraction: wantCut.fraction,
  clipAxis: wantCut.axis,
  visibleInstances: null,
  setFrame: (i) => { playback.pause(); ui.setPlaying(false); requestFrame(i); },
  setClip: (fraction, axis = wantCut.axis) => { const cut = { axis, fraction }; ui.setCut(cut); requestCut(cut); },
  play: () => { playback.play(); ui.setPlaying(playback.playing); },
  pause: () => { playback.pause(); ui.setPlaying(false); },
};
window.__viewer = status;

const cutKey = (cut: Cut): string => `${cut.axis}:${cut.fraction}`;

function caughtUp(): boolean {
  return shown !== undefined && !inFlight && shown.frame === wantFrame && cutKey(shown.cut) === cutKey(wantCut) &&
    (!visible.Anion || anionCutKey === cutKey(wantCut));
}

function updateReady(): void {
  status.ready = loaded !== undefined && caughtUp() && renderedSinceShown;
}

/** Send the next request if the worker is idle and the screen lags what was asked for. */
function pump(): void {
  updateReady();
  if (loaded === undefined || inFlight || caughtUp()) return;
  inFlight = true;
  status.ready = false;
  const withAnions = visible.Anion && anionCutKey !== cutKey(wantCut);
  send({ type: 'frame', frame: wantFrame, cut: wantCut, withAnions });
}

function requestFrame(frame: number): void {
  if (loaded === undefined) return;
  wantFrame = Math.max(0, Math.min(loaded.frameCount - 1, Math.round(frame)));
  playback.seek(wantFrame);
  pump();
}

function requestCut(cut: Cut): void {
  wantCut = { axis: cut.axis, fraction: Math.max(0, Math.min(1, cut.fraction)) };
  status.clipFraction = wantCut.fraction;
  status.clipAxis = wantCut.axis;
  pump();
}

function showBuilt(built: BuiltFrame): void {
  if (atoms === undefined || loaded === undefined) return;
  for (const { layer, buffer } of atoms.apply(built)) send({ type: 'recycle', layer, buffer }, [buffer.buffer]);
  if (built.matrices.Anion !== undefined) anionCutKey = cutKey(built.cut);
  shown = built;
  renderedSinceShown = false;
  status.frameIndex = built.frame;
  status.timeS = built.timeS;
  status.counts = { ...built.counts };
  status.visibleInstances = { ...built.instances };
  ui.showFrame(built.frame, loaded.frameCount, built.timeS, built.counts);
  drawHgChart(chartX, loaded.timeS, loaded.hgFraction, built.frame);
  const h = loaded.header;
  drawProfileChart(chartProfile, built.profile, h.shape === 'platelet' ? 'distance from mid-plane (nm)' : h.shape === 'rod' ? 'distance from axis (nm)' : 'radius (nm)');
  viewport.requestRender();
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const msg = event.data;
  if (msg.type === 'error') {
    inFlight = false;
    status.error = msg.message;
    ui.showMessage(`Cannot show this trajectory: ${msg.message}`, true);
    return;
  }
  if (msg.type === 'loaded') {
    onLoaded(msg.trajectory);
    return;
  }
  inFlight = false;
  showBuilt(msg.built);
  pump();
};
worker.onerror = (event) => {
  status.error = event.message;
  ui.showMessage(`Viewer worker failed: ${event.message}`, true);
};

let pendingName = '';
function onLoaded(t: LoadedTrajectory): void {
  atoms?.dispose();
  loaded = t;
  shown = undefined;
  anionCutKey = null;
  atoms = new AtomLayers(viewport.root, t.capacity, bondLengthNm(t.header));
  for (const layer of Object.keys(visible) as LayerName[]) atoms.setVisible(layer, visible[layer]);
  playback = new Playback(t.frameCount);
  ui.setPlaying(false);
  ui.setTrajectory(t.header, t.frameCount, pendingName, t.byteLength);
  status.frameCount = t.frameCount;
  status.error = null;
  viewport.frameBox(t.lowNm, t.highNm, t.header.shape === 'sphere');
  wantCut = ui.currentCut();
  requestCut(wantCut);
  requestFrame(0);
}

/** Forget the trajectory on screen (or its error) before a new one arrives. */
function forgetLoaded(message: string): void {
  loaded = undefined;
  status.ready = false;
  status.error = null;
  status.frameCount = 0;
  ui.showMessage(message);
}

function loadBytes(bytes: ArrayBuffer, name: string): void {
  forgetLoaded(`Loading ${name} ...`);
  pendingName = name;
  send({ type: 'load', bytes }, [bytes]);
}

const ui = new Ui({
  togglePlay: () => { playback.toggle(); ui.setPlaying(playback.playing); },
  setSpeed: (fps) => { playback.speedFps = fps; },
  seek: (frame) => { playback.pause(); ui.setPlaying(false); requestFrame(frame); },
  step: (by) => { playback.pause(); ui.setPlaying(false); requestFrame(wantFrame + by); },
  setCut: (cut) => requestCut(cut),
  setLayerVisible: (layer, on) => {
    visible[layer] = on;
    atoms?.setVisible(layer, on);
    viewport.requestRender();
    pump(); // the anion layer is laid out lazily, the first time it is shown for a cut
  },
  openFile: (file) => {
    forgetLoaded(`Reading ${file.name} ...`); // at once: reading the file is asynchronous
    file.arrayBuffer().then((b) => loadBytes(b, file.name), (err: unknown) => ui.showMessage(`Cannot read ${file.name}: ${String(err)}`, true));
  },
  snapshot: () => {
    const a = document.createElement('a');
    a.href = viewport.snapshotPng();
    a.download = `${(pendingName || 'cxsim').replace(/\.[^.]*$/, '')}-frame${status.frameIndex + 1}.png`;
    a.click();
  },
});
const chartX = document.getElementById('chart-x') as HTMLCanvasElement;
const chartProfile = document.getElementById('chart-profile') as HTMLCanvasElement;

// The loop renders only when something changed; playback asks for frames, the worker delivers them.
let lastMs = performance.now();
let wasPlaying = false;
function loop(nowMs: number): void {
  const wallS = (nowMs - lastMs) / 1000;
  lastMs = nowMs;
  if (loaded !== undefined && playback.tick(wallS)) {
    wantFrame = playback.frame;
    pump();
  }
  if (wasPlaying && !playback.playing) ui.setPlaying(false); // stopped at the last frame
  wasPlaying = playback.playing;
  if (viewport.renderIfNeeded() && shown !== undefined) renderedSinceShown = true;
  updateReady();
  requestAnimationFrame(loop);
}
requestAnimationFrame(loop);

const fileParam = new URLSearchParams(window.location.search).get('file');
if (fileParam !== null) {
  const name = decodeURIComponent(fileParam.split('/').pop() || 'trajectory');
  fetch(fileParam)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const fromServer = r.headers.get('x-cxsim-file-name');
      return r.arrayBuffer().then((b) => loadBytes(b, fromServer ?? name));
    })
    .catch((err: unknown) => {
      status.error = `cannot load ${fileParam}: ${String(err)}`;
      ui.showMessage(`Cannot load ${fileParam}: ${String(err)}`, true);
    });
}
