// Extended XYZ frames as strings (browser-safe; the caller writes files). Positions and cell in
// Angstrom; header keys as OVITO and ASE read them (TOOLCHAIN.md: Lattice always, Time as a float).
import { ANGSTROM_PER_NM } from '../units.js';
import { SiteKind } from '../lattice/grid.js';
import type { Crystal } from '../lattice/types.js';

/** The fixed per-atom columns of every frame cxsim writes. */
export const EXTXYZ_PROPERTIES = 'species:S:1:pos:R:3:id:I:1:site_kind:I:1';

/** Symbol for an empty site (vacancy or empty interstitial): ASE accepts X. */
export const EMPTY_SITE_SYMBOL = 'X';

export interface ExtxyzFrame {
  /** Site positions, nm, xyz interleaved (3 per site). */
  readonly positionNm: ArrayLike<number>;
  /** Element symbols (or X) indexed by speciesId. */
  readonly speciesSymbols: readonly string[];
  /** Per site, an index into speciesSymbols. */
  readonly speciesId: ArrayLike<number>;
  /** Per site, a stable integer id (OVITO tracks sites across frames by it); default 0..N-1. */
  readonly id?: ArrayLike<number>;
  /** Per site, its site kind (SiteKind: 0 cation, 1 anion, 2 T_Cd, 3 T_Se, 4 WZ cage). */
  readonly siteKind: ArrayLike<number>;
  /** Cell, nm: three edge lengths of an orthogonal box, or nine numbers (vectors a, b, c). */
  readonly latticeNm: readonly number[];
  readonly pbc: readonly [boolean, boolean, boolean];
  /** Simulated time of the frame, s (default 0). */
  readonly timeS?: number;
  /** Extra per-frame keys: numbers are written as floats, strings must hold no spaces, quotes or '='. */
  readonly info?: Readonly<Record<string, number | string>>;
}

/** A float that both readers parse as a float: "0.0", "1.5e-06", "2.0e+00". */
export function formatExtxyzFloat(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`extxyz: cannot write non-finite number ${x}`);
  if (x === 0) return '0.0';
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${sign}${digits}`;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BARE_VALUE = /^[^\s"'=]+$/;
const RESERVED_KEYS = new Set(['Lattice', 'Properties', 'Time', 'pbc']);

function header(frame: ExtxyzFrame): string {
  const l = frame.latticeNm;
  const vectors = l.length === 3 ? [l[0]!, 0, 0, 0, l[1]!, 0, 0, 0, l[2]!] : l.length === 9 ? l : null;
  if (vectors === null) throw new Error(`extxyz: latticeNm needs 3 or 9 numbers, got ${l.length}`);
  const lattice = vectors.map((v) => (v * ANGSTROM_PER_NM).toFixed(6)).join(' ');
  const parts = [
    `Lattice="${lattice}"`,
    `Properties=${EXTXYZ_PROPERTIES}`,
    `Time=${formatExtxyzFloat(frame.timeS ?? 0)}`,
  ];
  for (const [key, value] of Object.entries(frame.info ?? {})) {
    if (!KEY.test(key) || RESERVED_KEYS.has(key)) throw new Error(`extxyz: bad info key "${key}"`);
    if (typeof value === 'number') parts.push(`${key}=${formatExtxyzFloat(value)}`);
    else if (BARE_VALUE.test(value)) parts.push(`${key}=${value}`);
    else throw new Error(`extxyz: info ${key} must hold no spaces, quotes or '=', got "${value}"`);
  }
  parts.push(`pbc="${frame.pbc.map((p) => (p ? 'T' : 'F')).join(' ')}"`);
  return parts.join(' ');
}

/** One frame: the count line, the header line, one line per site; ends with a newline. */
export function writeExtxyzFrame(frame: ExtxyzFrame): string {
  const n = frame.speciesId.length;
  if (frame.positionNm.length !== 3 * n || frame.siteKind.length !== n || (frame.id !== undefined && frame.id.length !== n)) {
    throw new Error(`extxyz: ${n} sites need ${3 * n} coordinates, ${n} site kinds and ${n} ids`);
  }
  for (const s of frame.speciesSymbols) {
    if (!/^[A-Z][a-z]?$/.test(s)) throw new Error(`extxyz: species must be element symbols (or X), got "${s}"`);
  }
  const lines: string[] = new Array(n + 2);
  lines[0] = String(n);
  lines[1] = header(frame);
  const p = frame.positionNm;
  for (let i = 0; i < n; i++) {
    const symbol = frame.speciesSymbols[frame.speciesId[i]!];
    if (symbol === undefined) throw new Error(`extxyz: site ${i} has species id ${frame.speciesId[i]} outside the symbol table`);
    const x = (p[3 * i]! * ANGSTROM_PER_NM).toFixed(6);
    const y = (p[3 * i + 1]! * ANGSTROM_PER_NM).toFixed(6);
    const z = (p[3 * i + 2]! * ANGSTROM_PER_NM).toFixed(6);
    lines[i + 2] = `${symbol} ${x} ${y} ${z} ${frame.id === undefined ? i : frame.id[i]!} ${frame.siteKind[i]!}`;
  }
  return lines.join('\n') + '\n';
}

/** Several frames back to back (no blank lines between them, as both readers expect). */
export function writeExtxyz(frames: readonly ExtxyzFrame[]): string {
  return frames.map(writeExtxyzFrame).join('');
}

export interface CrystalFrameOptions {
  /** Also write the interstitial sites, as X (site_kind 2, 3 or 4). Default false. */
  readonly interstitials?: boolean;
  readonly timeS?: number;
  readonly info?: Readonly<Record<string, number | string>>;
}

/**
 * The pristine crystal as one frame: cations (ids 0..), then anions, then (optionally) interstitial
 * sites; ids count on in that order, so a trajectory of the same crystal can reuse them.
 */
export function crystalExtxyzFrame(crystal: Crystal, options: CrystalFrameOptions = {}): ExtxyzFrame {
  const withInterstitials = options.interstitials ?? false;
  const nc = crystal.cationCount;
  const na = crystal.anionCount;
  const ni = withInterstitials ? crystal.interstitialCount : 0;
  const n = nc + na + ni;
  const symbols = [crystal.cationElement, ...crystal.anionElements, EMPTY_SITE_SYMBOL];
  const positionNm = new Float64Array(3 * n);
  positionNm.set(crystal.cationPositionNm, 0);
  positionNm.set(crystal.anionPositionNm, 3 * nc);
  if (withInterstitials) positionNm.set(crystal.interstitialPositionNm, 3 * (nc + na));
  const speciesId = new Uint8Array(n);
  const siteKind = new Uint8Array(n);
  for (let i = 0; i < na; i++) {
    speciesId[nc + i] = 1 + crystal.anionElementId[i]!;
    siteKind[nc + i] = SiteKind.Anion;
  }
  for (let i = 0; i < ni; i++) {
    speciesId[nc + na + i] = symbols.length - 1;
    siteKind[nc + na + i] = SiteKind.TetraCation + crystal.interstitialKind[i]!;
  }
  return {
    positionNm,
    speciesSymbols: symbols,
    speciesId,
    siteKind,
    latticeNm: [...crystal.boxNm],
    pbc: [crystal.periodicNm[0] > 0, crystal.periodicNm[1] > 0, crystal.periodicNm[2] > 0],
    timeS: options.timeS ?? 0,
    ...(options.info === undefined ? {} : { info: options.info }),
  };
}
