// The viewer's DOM controls: legend with per-species toggles and counts, play/speed/time slider,
// cut slider, file open, drag-and-drop, snapshot, keyboard, and the frame overlay. No three import.
import type { TrajectoryHeader } from '../src/io/trajectory.js';
import type { Cut, ViewerCounts } from './frame-builder.js';
import { formatTime, SPEEDS_FPS, DEFAULT_SPEED_FPS } from './playback.js';
import { ANION_COLOR, cssColor, LAYER_STYLE, LAYERS, type LayerName } from './palette.js';

export interface UiHandlers {
  togglePlay(): void;
  setSpeed(fps: number): void;
  seek(frame: number): void;
  step(by: number): void;
  setCut(cut: Cut): void;
  setLayerVisible(layer: LayerName, visible: boolean): void;
  openFile(file: File): void;
  snapshot(): void;
}

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`viewer: #${id} missing from index.html`);
  return el as T;
};

/** Count of a layer in the viewer's counts ("Anion" is reported as Se). */
function layerCount(counts: ViewerCounts, layer: LayerName): number {
  return layer === 'Anion' ? counts.Se : counts[layer];
}

export class Ui {
  private readonly time = $<HTMLInputElement>('time');
  private readonly play = $<HTMLButtonElement>('play');
  private readonly readout = $('readout');
  private readonly info = $('info');
  private readonly message = $('message');
  private readonly cut = $<HTMLInputElement>('cut');
  private readonly cutAxis = $<HTMLSelectElement>('cut-axis');
  private readonly countCells = new Map<LayerName, HTMLElement>();
  private readonly anionName: HTMLElement;
  private readonly anionSwatch: HTMLElement;
  private header: TrajectoryHeader | undefined;
  private fileName = '';

  constructor(private readonly handlers: UiHandlers) {
    const legend = $('legend');
    let anionName: HTMLElement | undefined;
    let anionSwatch: HTMLElement | undefined;
    for (const layer of LAYERS) {
      const style = LAYER_STYLE[layer];
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = style.visibleByDefault;
      box.dataset['layer'] = layer;
      box.addEventListener('change', () => handlers.setLayerVisible(layer, box.checked));
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = cssColor(style.color);
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = style.label;
      const count = document.createElement('span');
      count.className = 'count';
      label.append(box, swatch, name, count);
      legend.append(label);
      this.countCells.set(layer, count);
      if (layer === 'Anion') { anionName = name; anionSwatch = swatch; }
    }
    this.anionName = anionName!;
    this.anionSwatch = anionSwatch!;

    const speed = $<HTMLSelectElement>('speed');
    for (const fps of SPEEDS_FPS) speed.add(new Option(`${fps} fps`, String(fps), fps === DEFAULT_SPEED_FPS, fps === DEFAULT_SPEED_FPS));
    speed.addEventListener('change', () => handlers.setSpeed(Number(speed.value)));
    this.play.addEventListener('click', () => handlers.togglePlay());
    this.time.addEventListener('input', () => handlers.seek(Number(this.time.value)));
    const cutChanged = (): void => {
      $('cut-value').textContent = Number(this.cut.value).toFixed(2);
      handlers.setCut({ axis: Number(this.cutAxis.value) as 0 | 1 | 2, fraction: Number(this.cut.value) });
    };
    this.cut.addEventListener('input', cutChanged);
    this.cutAxis.addEventListener('change', cutChanged);

    const file = $<HTMLInputElement>('file');
    $('open').addEventListener('click', () => file.click());
    file.addEventListener('change', () => { if (file.files?.[0]) handlers.openFile(file.files[0]); });
    $('snapshot').addEventListener('click', () => handlers.snapshot());

    // Drag-and-drop anywhere on the page.
    let depth = 0;
    window.addEventListener('dragenter', (e) => { e.preventDefault(); depth++; document.body.classList.add('dragging'); });
    window.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; document.body.classList.remove('dragging'); } });
    window.addEventListener('dragover', (e) => e.preventDefault());
    window.addEventListener('drop', (e) => {
      e.preventDefault();
      depth = 0;
      document.body.classList.remove('dragging');
      const f = e.dataTransfer?.files[0];
      if (f) handlers.openFile(f);
    });

    window.addEventListener('keydown', (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type !== 'range') return;
      if (e.key === ' ') { e.preventDefault(); handlers.togglePlay(); }
      else if (e.key === 'ArrowRight') { e.preventDefault(); handlers.step(1); }
      else if (e.key === 'ArrowLeft') { e.preventDefault(); handlers.step(-1); }
    });
  }

  /** The cut the controls show now. */
  currentCut(): Cut {
    return { axis: Number(this.cutAxis.value) as 0 | 1 | 2, fraction: Number(this.cut.value) };
  }

  setCut(cut: Cut): void {
    this.cutAxis.value = String(cut.axis);
    this.cut.value = String(cut.fraction);
    $('cut-value').textContent = cut.fraction.toFixed(2);
  }

  showMessage(text: string, isError = false): void {
    this.message.textContent = text;
    this.message.className = isError ? 'error' : '';
    this.message.style.display = text === '' ? 'none' : 'block';
  }

  setTrajectory(header: TrajectoryHeader, frameCount: number, fileName: string, byteLength: number): void {
    this.header = header;
    this.fileName = fileName;
    this.time.max = String(Math.max(0, frameCount - 1));
    const anions = header.anionElements.join('/');
    this.anionName.textContent = anions;
    this.anionSwatch.style.background = cssColor(ANION_COLOR[header.anionElements[0] ?? 'Se'] ?? LAYER_STYLE.Anion.color);
    const profileOf = header.shape === 'platelet' ? 'distance from the mid-plane' : header.shape === 'rod' ? 'distance from the axis' : 'radius';
    $('profile-title').textContent = `Profile against ${profileOf}`;
    this.info.dataset['bytes'] = String(byteLength);
    this.showMessage('');
  }

  setPlaying(playing: boolean): void {
    this.play.textContent = playing ? 'Pause' : 'Play';
  }

  /** Overlay, slider and legend for the frame on screen. */
  showFrame(frame: number, frameCount: number, timeS: number, counts: ViewerCounts): void {
    const h = this.header;
    if (h === undefined) return;
    this.time.value = String(frame);
    const x = h.cationCount > 0 ? counts.Hg / h.cationCount : 0;
    this.readout.textContent = `frame ${frame + 1}/${frameCount}  t = ${formatTime(timeS)}`;
    for (const layer of LAYERS) this.countCells.get(layer)!.textContent = String(layerCount(counts, layer));
    const sizeNm = h.boxNm.map((v) => v.toFixed(1)).join(' × ');
    const info = h.info;
    this.info.innerHTML = '';
    const line = (text: string, cls: string): void => {
      const div = document.createElement('div');
      div.className = cls;
      div.textContent = text;
      this.info.append(div);
    };
    line(`${h.material} ${h.structure} ${h.shape}${info['scenario'] ? ` · ${String(info['scenario'])}` : ''}`, 'title');
    line(`${h.cationCount} cation sites · box ${sizeNm} nm${this.fileName ? ` · ${this.fileName}` : ''}`, 'dim');
    line(`t = ${formatTime(timeS)}   x(Hg) = ${x.toFixed(3)}`, 'big');
    line(`frame ${frame + 1} of ${frameCount} · t = ${timeS.toPrecision(4)} s`, 'dim');
  }
}
