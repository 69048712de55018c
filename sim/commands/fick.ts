// `cxsim fick`: Crank's solution (or the finite-volume solver, for a composition-dependent D) at given times:
// fraction exchanged M_t/M_∞ and optional profiles. Units: nm, m²/s, m/s, s. Parses flags, delegates to src/continuum.
import type { Argv, CommandModule } from 'yargs';
import {
  celsiusToKelvin,
  compositionDiffusivity,
  fickBiot,
  fickFractions,
  fickProfile,
  fickTau,
  solveFickFv,
  type FickGeometry,
  type FickProblem,
} from '../../src/index.js';
import { UsageError } from '../errors.js';

// ---------------------------------------------------------------- flag helpers shared by fick, fit, compare

export const GEOMETRIES = ['sphere', 'slab'] as const;

/** A finite number > 0 (or >= 0), or a UsageError naming the flag, the unit and what was given. */
export function positiveFlag(flag: string, value: unknown, unit: string, allowZero = false): number {
  const n = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !allowZero)) {
    throw new UsageError(`--${flag}: expected a ${allowZero ? 'non-negative' : 'positive'} number (${unit}), got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  }
  return n;
}

/** --geometry as sphere or slab (validated here, so the error is one line). */
export function geometryFlag(value: unknown): FickGeometry {
  if (value === 'sphere' || value === 'slab') return value;
  throw new UsageError(`--geometry: expected sphere or slab, got ${JSON.stringify(value)}`);
}

/** Body size from --radius-nm (sphere) or --half-thickness-nm (slab). */
export function sizeFromFlags(geometry: FickGeometry, radiusNm: unknown, halfThicknessNm: unknown): number {
  if (geometry === 'sphere') {
    if (halfThicknessNm !== undefined) throw new UsageError('--half-thickness-nm applies to --geometry slab; a sphere takes --radius-nm');
    if (radiusNm === undefined) throw new UsageError('--geometry sphere needs --radius-nm R (nm)');
    return positiveFlag('radius-nm', radiusNm, 'nm');
  }
  if (radiusNm !== undefined) throw new UsageError('--radius-nm applies to --geometry sphere; a slab takes --half-thickness-nm');
  if (halfThicknessNm === undefined) throw new UsageError('--geometry slab needs --half-thickness-nm L (nm)');
  return positiveFlag('half-thickness-nm', halfThicknessNm, 'nm');
}

/** The position key of a profile point: distance from the centre (sphere) or the mid-plane (slab). */
export function positionKey(geometry: FickGeometry): 'rNm' | 'xNm' {
  return geometry === 'sphere' ? 'rNm' : 'xNm';
}

/** Compact number for tables: 4 significant digits. */
export function fmt(value: number, digits = 4): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const rounded = Number(value.toPrecision(digits));
  return magnitude >= 1e-3 && magnitude < 1e5 ? String(rounded) : rounded.toExponential();
}

function parseTimes(text: unknown): number[] {
  if (typeof text !== 'string' || text.trim() === '') throw new UsageError('--times: expected a comma-separated list of times in s, e.g. 60,600,3600');
  const times = text.split(',').map((part) => {
    const t = Number(part.trim());
    if (part.trim() === '' || !Number.isFinite(t) || t < 0) throw new UsageError(`--times: expected non-negative times in s, got ${JSON.stringify(part.trim())}`);
    return t;
  });
  for (let i = 1; i < times.length; i++) {
    if (times[i]! < times[i - 1]!) throw new UsageError(`--times: times must not decrease (${times[i]} after ${times[i - 1]})`);
  }
  return times;
}

// ---------------------------------------------------------------- the command

interface FickArgs {
  geometry: string;
  radiusNm?: number;
  halfThicknessNm?: number;
  dM2s: number;
  surfaceRateMS?: number;
  times: string;
  profile: boolean;
  points: number;
  dPenaltyEv?: number;
  temperatureC: number;
  json: boolean;
}

interface ProfilePoint {
  rNm?: number;
  xNm?: number;
  c: number;
}

/** Linear interpolation of (xs, ys) at x (xs ascending). */
function interpolate(xs: Float64Array, ys: Float64Array, x: number): number {
  if (x <= xs[0]!) return ys[0]!;
  for (let i = 1; i < xs.length; i++) {
    if (x <= xs[i]!) {
      const w = (x - xs[i - 1]!) / (xs[i]! - xs[i - 1]!);
      return ys[i - 1]! + w * (ys[i]! - ys[i - 1]!);
    }
  }
  return ys[xs.length - 1]!;
}

export const fickCommand: CommandModule<object, FickArgs> = {
  command: 'fick',
  describe: "Fick's law in a sphere or slab (Crank series): fraction exchanged and profiles at given times",
  builder: (y: Argv<object>) =>
    y
      .option('geometry', { type: 'string', demandOption: true, describe: `${GEOMETRIES.join(' or ')}: sphere (radius a) or slab (half-thickness l)` })
      .option('radius-nm', { type: 'number', describe: 'Sphere radius a, nm' })
      .option('half-thickness-nm', { type: 'number', describe: 'Slab half-thickness l, nm' })
      .option('d-m2s', { type: 'number', demandOption: true, describe: 'Diffusion coefficient D, m^2/s (with --d-penalty-ev: D of the fully exchanged, Hg-rich end)' })
      .option('surface-rate-m-s', { type: 'number', describe: 'Surface exchange coefficient alpha, m/s (Robin boundary); default: constant surface concentration' })
      .option('times', { type: 'string', demandOption: true, describe: 'Comma-separated times, s' })
      .option('profile', { type: 'boolean', default: false, describe: 'Also print the concentration profile at each time' })
      .option('points', { type: 'number', default: 11, describe: 'Profile points from the centre to the surface' })
      .option('d-penalty-ev', { type: 'number', describe: 'Composition-dependent D(c) = D exp(-(1-c) E/kT) (finite-volume solver), E in eV' })
      .option('temperature-c', { type: 'number', default: 80, describe: 'Temperature for --d-penalty-ev, degrees C' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of a table' }) as unknown as Argv<FickArgs>,
  handler: (argv) => {
    const geometry = geometryFlag(argv.geometry);
    const sizeNm = sizeFromFlags(geometry, argv.radiusNm, argv.halfThicknessNm);
    const dM2PerS = positiveFlag('d-m2s', argv.dM2s, 'm^2/s');
    const alpha = argv.surfaceRateMS === undefined ? undefined : positiveFlag('surface-rate-m-s', argv.surfaceRateMS, 'm/s', true);
    const times = parseTimes(argv.times);
    const points = argv.points;
    if (!Number.isInteger(points) || points < 2 || points > 10000) throw new UsageError(`--points: expected an integer 2..10000, got ${JSON.stringify(points)}`);
    const problem: FickProblem = { geometry, sizeNm, dM2PerS, ...(alpha !== undefined ? { surfaceRateMPerS: alpha } : {}) };
    const positions = Float64Array.from({ length: points }, (_, i) => (sizeNm * i) / (points - 1));
    const key = positionKey(geometry);

    let fraction: Float64Array;
    let profiles: Float64Array[] = [];
    let method: string;
    if (argv.dPenaltyEv !== undefined) {
      const penaltyEv = positiveFlag('d-penalty-ev', argv.dPenaltyEv, 'eV', true);
      if (!Number.isFinite(argv.temperatureC) || celsiusToKelvin(argv.temperatureC) <= 0) throw new UsageError(`--temperature-c: expected a temperature above absolute zero, got ${JSON.stringify(argv.temperatureC)}`);
      const dOfC = compositionDiffusivity(dM2PerS, penaltyEv, celsiusToKelvin(argv.temperatureC));
      const solution = solveFickFv({ ...problem, dM2PerS: dOfC }, times, { profiles: argv.profile });
      fraction = solution.fraction;
      profiles = solution.profiles.map((c) => positions.map((x) => interpolate(solution.positionNm, c, x)));
      method = `finite volumes, D(c) = ${fmt(dM2PerS)} exp(-(1-c) ${penaltyEv} eV / kT), T = ${argv.temperatureC} C`;
    } else {
      fraction = fickFractions(problem, times);
      if (argv.profile) profiles = times.map((t) => fickProfile(problem, t, positions));
      method = 'Crank series';
    }

    const biot = fickBiot(problem);
    if (argv.json) {
      const out: Record<string, unknown> = {
        geometry,
        [geometry === 'sphere' ? 'radiusNm' : 'halfThicknessNm']: sizeNm,
        dM2S: dM2PerS,
        ...(alpha !== undefined ? { surfaceRateMS: alpha, biot } : {}),
        method,
        times,
        fraction: Array.from(fraction),
      };
      if (argv.profile) {
        out['profiles'] = profiles.map((c) => Array.from(positions, (x, i): ProfilePoint => ({ [key]: x, c: c[i]! })));
      }
      process.stdout.write(JSON.stringify(out) + '\n');
      return;
    }
    const boundary = alpha === undefined ? 'constant surface concentration' : `surface rate ${fmt(alpha)} m/s (Biot L = ${geometry === 'sphere' ? 'a' : 'l'}*alpha/D = ${fmt(biot)})`;
    const lines = [
      `${geometry}, ${geometry === 'sphere' ? 'a' : 'l'} = ${fmt(sizeNm)} nm, D = ${fmt(dM2PerS)} m^2/s, ${boundary}; ${method}`,
      `${'time (s)'.padStart(12)} ${'tau = Dt/a^2'.padStart(14)} ${'M_t/M_inf'.padStart(10)}`,
    ];
    times.forEach((t, k) => {
      lines.push(`${fmt(t).padStart(12)} ${fmt(fickTau(problem, t)).padStart(14)} ${fraction[k]!.toFixed(6).padStart(10)}`);
      if (argv.profile) {
        lines.push(`${''.padStart(12)} ${`${key === 'rNm' ? 'r' : 'x'} (nm)`.padStart(14)} ${'c'.padStart(10)}`);
        positions.forEach((x, i) => lines.push(`${''.padStart(12)} ${fmt(x).padStart(14)} ${profiles[k]![i]!.toFixed(6).padStart(10)}`));
      }
    });
    process.stdout.write(lines.join('\n') + '\n');
  },
};
