// Observables of one finished ensemble for the validation criteria: each is computed per replica, then summarised
// over replicas (mean, sd, sem). Values between samples are linear interpolations in time; profiles are
// interpolated shell by shell before the EMA readout. Times s, lengths nm, D m²/s, energies eV.
import type { Scenario } from '../../src/model/contract.js';
import { atomsPerNc } from '../../src/model/reservoir.js';
import { alloySphere, coreShellSphere, fitFick, fitFickAfterBurst, opticsOfLayers, opticsOfProfile, type OpticsParticle } from '../../src/index.js';
import type { NumericTable } from '../ensemble/replica-files.js';
import { c, NAN_STAT, statOf, type Stat } from './criteria.js';

/** One replica's outputs, as read from its run dir. */
export interface ReplicaRecord {
  /** timeseries.csv (timeS, hgFraction, coreShellIndex, ...). */
  readonly series: NumericTable;
  /** profiles.csv (timeS, shell, radiusNm, hgFraction), time-major. */
  readonly profiles: NumericTable;
  /** summary.json final (hgFraction, cationToAnion, agSubstitutional, ...). */
  readonly final: Readonly<Record<string, number>>;
  /** Surface cation sites over all cation sites of the pristine crystal. */
  readonly surfaceFraction: number;
  /** Cation sites of the crystal. */
  readonly cations: number;
}

export interface ProfileStats {
  readonly timeS: number;
  /** Mean distance of each shell's sites from the centre (mid-plane), nm. */
  readonly radiusNm: readonly number[];
  readonly hgFraction: readonly Stat[];
}

export interface BurstFick {
  readonly dM2PerS: Stat;
  readonly biot: Stat;
  readonly rmse: Stat;
  readonly burstFraction: Stat;
  readonly stalled: number;
}

export interface OpticsTrackPoint {
  readonly timeS: number;
  /** Hg fraction of the cation sites. */
  readonly hgFraction: Stat;
  /** Volume-weighted Hg fraction of the EMA layers (the x of the ideal alloy and core/shell curves). */
  readonly emaHgFraction: Stat;
  /** Over the replicas with both carriers bound. */
  readonly e1s1sEv: Stat;
}

export interface EnsembleMetrics {
  readonly spec: Scenario;
  readonly replicas: number;
  readonly surfaceFraction: number;
  /** Sample times shared by the replicas, s. */
  readonly timesS: readonly number[];
  /** A timeseries.csv column at any time in [0, durationS]; NaN stat outside. */
  at(column: string, timeS: number): Stat;
  /** A summary.json final metric. */
  final(key: string): Stat;
  /** Ag in the crystal (Ag_i + Ag_Cd) at a time, as a fraction of the scenario's initial Ag dose (agPerCd per cation site). */
  agRetainedAt(timeS: number): Stat;
  /** The column at every sample time. */
  seriesStats(column: string): Stat[];
  /** The sample in [fromS, toS] whose mean of the column is farthest from 0 (either sign). */
  maxAbsMeanOver(column: string, fromS: number, toS: number): { timeS: number; stat: Stat } | undefined;
  /**
   * Fickian D fitted to each replica's x(t) at the samples in [fromS, untilS] (default: all of them; constant surface
   * from t = 0, x_inf = 1), and the rmse in x over those samples.
   */
  fick(window?: { fromS?: number; untilS?: number }): { dM2PerS: Stat; rmse: Stat };
  /**
   * The paper's fit as PHYSICS-NOTES 4.4 maps it (src/continuum fitFickAfterBurst): x(burstTimeS) is the initial
   * condition, and Crank's Robin solution (D and the surface rate, as Biot number L = aα/D) is fitted to the samples
   * after it, up to untilS; rmse in x. `stalled` counts replicas with no exchange after the burst (D at the low end).
   */
  burstFick(untilS?: number): BurstFick;
  /** Radial (depth) profile at a time. */
  profileAt(timeS: number): ProfileStats | undefined;
  /** EMA 1S-1S energy of the profile at a time (CdSe spheres and platelets only; else NaN). */
  e1s1sAt(timeS: number): Stat;
  /** x and 1S-1S at every sample time. */
  opticsTrack(): OpticsTrackPoint[];
  /**
   * Where each replica's 1S-1S energies lie between the EMA curves of the same x: 0 on the homogeneous-alloy
   * curve, 1 on the CdSe/HgSe core/shell curve; the mean over samples with x in the likeness window (spheres).
   */
  coreShellLikeness(): Stat;
}

/** Linear interpolation of ys(xs) at x, xs ascending; NaN outside [xs[0], xs[last]]. */
export function interpolateAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const n = xs.length;
  if (n === 0 || !(x >= xs[0]!) || !(x <= xs[n - 1]! * (1 + 1e-12))) return Number.NaN;
  if (x >= xs[n - 1]!) return ys[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const span = xs[hi]! - xs[lo]!;
  return span > 0 ? ys[lo]! + ((ys[hi]! - ys[lo]!) * (x - xs[lo]!)) / span : ys[lo]!;
}

/** profiles.csv regrouped: one x(t) array per shell. */
interface ShellTable {
  timesS: Float64Array;
  radiusNm: number[];
  byShell: Float64Array[];
}

function shellTable(profiles: NumericTable): ShellTable {
  const time = profiles.data['timeS']!;
  const shell = profiles.data['shell']!;
  const radius = profiles.data['radiusNm']!;
  const x = profiles.data['hgFraction']!;
  const times: number[] = [];
  let shells = 0;
  for (let r = 0; r < profiles.rows; r++) {
    if (times.length === 0 || time[r] !== times[times.length - 1]) times.push(time[r]!);
    shells = Math.max(shells, shell[r]! + 1);
  }
  const radiusNm = new Array<number>(shells).fill(Number.NaN);
  const byShell = Array.from({ length: shells }, () => new Float64Array(times.length).fill(Number.NaN));
  let t = -1;
  for (let r = 0; r < profiles.rows; r++) {
    if (r === 0 || time[r] !== time[r - 1]) t++;
    radiusNm[shell[r]!] = radius[r]!;
    byShell[shell[r]!]![t] = x[r]!;
  }
  return { timesS: Float64Array.from(times), radiusNm, byShell };
}

/** The EMA particle of a scenario, or undefined where the EMA tables do not apply (not Hg_xCd1-xSe). */
export function opticsParticle(spec: Scenario): OpticsParticle | undefined {
  if (spec.material !== 'CdSe') return undefined;
  if (spec.crystal.shape === 'sphere') return { shape: 'sphere', diameterNm: spec.crystal.diameterNm };
  if (spec.crystal.shape === 'platelet') return { shape: 'platelet', monolayers: spec.crystal.monolayers };
  return undefined;
}

/** 1S-1S (NaN if a carrier is unbound) and the EMA particle's own volume-weighted x. */
interface EmaPoint {
  e1s1sEv: number;
  hgFraction: number;
}

const NO_EMA: EmaPoint = { e1s1sEv: Number.NaN, hgFraction: Number.NaN };

function emaOf(particle: OpticsParticle, radiusNm: readonly number[], hgFraction: readonly number[]): EmaPoint {
  if (hgFraction.some((v) => !Number.isFinite(v))) return NO_EMA;
  const o = opticsOfProfile(particle, { radiusNm, hgFraction });
  return { e1s1sEv: o.bound ? o.e1s1sEv : Number.NaN, hgFraction: o.hgFraction };
}

/** 1S-1S of the idealised alloy and core/shell spheres at x (memoised: the same x recur across replicas). */
function referenceEnergies(diameterNm: number): (x: number) => { alloyEv: number; coreShellEv: number } {
  const memo = new Map<number, { alloyEv: number; coreShellEv: number }>();
  const energy = (o: ReturnType<typeof opticsOfLayers>) => (o.bound ? o.e1s1sEv : Number.NaN);
  return (x) => {
    let hit = memo.get(x);
    if (!hit) {
      hit = { alloyEv: energy(opticsOfLayers(alloySphere(diameterNm, x))), coreShellEv: energy(opticsOfLayers(coreShellSphere(diameterNm, x))) };
      memo.set(x, hit);
    }
    return hit;
  };
}

/** Observables of an ensemble from its replicas (all of one scenario spec, sharing the sample grid). */
export function ensembleMetrics(spec: Scenario, runs: readonly ReplicaRecord[]): EnsembleMetrics {
  if (runs.length === 0) throw new RangeError(`${spec.name}: no replicas`);
  const timesS = Array.from(runs[0]!.series.data['timeS']!);
  const particle = opticsParticle(spec);
  let shellTables: ShellTable[] | undefined;
  const shells = () => (shellTables ??= runs.map((r) => shellTable(r.profiles)));
  const fickMemo = new Map<string, { dM2PerS: Stat; rmse: Stat }>();
  const burstMemo = new Map<number, BurstFick>();
  let trackMemo: OpticsTrackPoint[] | undefined;
  let emaMemo: EmaPoint[][] | undefined;

  const column = (run: ReplicaRecord, name: string): Float64Array => {
    const data = run.series.data[name];
    if (!data) throw new RangeError(`${spec.name}: timeseries.csv has no column ${name}`);
    return data;
  };
  /** A Fickian fit of each replica's x(t) at the samples in [fromS, untilS]; undefined where it cannot be made. */
  const windowFits = <F>(fromS: number, untilS: number, fit: (timesS: Float64Array, x: Float64Array, sizeNm: number) => F): (F | undefined)[] =>
    runs.map((run) => {
      if (spec.crystal.shape !== 'sphere') return undefined;
      const t = column(run, 'timeS');
      const from = t.findIndex((v) => v >= fromS);
      const until = t.findIndex((v) => v > untilS);
      const start = from < 0 ? t.length : from;
      const end = until < 0 ? t.length : until;
      try {
        return fit(t.subarray(start, end), column(run, 'hgFraction').subarray(start, end), spec.crystal.diameterNm / 2);
      } catch {
        return undefined; // too few points, fractions outside 0..1 or a burst time outside the samples: no fit
      }
    });
  const replicaProfileAt = (table: ShellTable, timeS: number) => table.byShell.map((xs) => interpolateAt(table.timesS, xs, timeS));
  /** ema()[replica][sample]: the EMA readout at every sample time (NaN where unbound or not applicable). */
  const ema = (): EmaPoint[][] =>
    (emaMemo ??= shells().map((table) =>
      Array.from(table.timesS, (_t, k) => (particle ? emaOf(particle, table.radiusNm, table.byShell.map((xs) => xs[k]!)) : NO_EMA)),
    ));

  const metrics: EnsembleMetrics = {
    spec,
    replicas: runs.length,
    surfaceFraction: statOf(runs.map((r) => r.surfaceFraction)).mean,
    timesS,
    at: (name, timeS) => statOf(runs.map((run) => interpolateAt(column(run, 'timeS'), column(run, name), timeS))),
    final: (key) => statOf(runs.map((run) => run.final[key] ?? Number.NaN)),
    agRetainedAt: (timeS) =>
      statOf(
        runs.map((run) => {
          const inside = (name: string) => interpolateAt(column(run, 'timeS'), column(run, name), timeS);
          return (inside('agInterstitial') + inside('agSubstitutional')) / atomsPerNc(spec.reagents.agPerCd, run.cations);
        }),
      ),
    seriesStats: (name) => timesS.map((_t, k) => statOf(runs.map((run) => column(run, name)[k]!))),
    maxAbsMeanOver(name, fromS, toS) {
      let best: { timeS: number; stat: Stat } | undefined;
      metrics.seriesStats(name).forEach((stat, k) => {
        const t = timesS[k]!;
        if (t >= fromS && t <= toS && Number.isFinite(stat.mean) && (!best || Math.abs(stat.mean) > Math.abs(best.stat.mean))) best = { timeS: t, stat };
      });
      return best;
    },
    fick({ fromS = 0, untilS = Number.POSITIVE_INFINITY } = {}) {
      const key = `${fromS}-${untilS}`;
      const memo = fickMemo.get(key);
      if (memo) return memo;
      const fits = windowFits(fromS, untilS, (t, x, sizeNm) => fitFick(t, x, { geometry: 'sphere', sizeNm }));
      const result = { dM2PerS: statOf(fits.map((f) => f?.dM2PerS ?? Number.NaN)), rmse: statOf(fits.map((f) => f?.rmse ?? Number.NaN)) };
      fickMemo.set(key, result);
      return result;
    },
    burstFick(untilS = Number.POSITIVE_INFINITY) {
      const memo = burstMemo.get(untilS);
      if (memo) return memo;
      const fits = windowFits(0, untilS, (t, x, sizeNm) => fitFickAfterBurst(t, x, { geometry: 'sphere', sizeNm, robin: true, burstS: c('burstTimeS') }));
      const stat = (f: (fit: NonNullable<(typeof fits)[number]>) => number) => statOf(fits.map((fit) => (fit ? f(fit) : Number.NaN)));
      const result: BurstFick = {
        dM2PerS: stat((f) => f.dM2PerS),
        biot: stat((f) => f.biot ?? Number.NaN),
        rmse: stat((f) => f.rmse),
        burstFraction: stat((f) => f.burstFraction),
        stalled: fits.filter((f) => f?.stalled).length,
      };
      burstMemo.set(untilS, result);
      return result;
    },
    profileAt(timeS) {
      const tables = shells();
      const per = tables.map((t) => replicaProfileAt(t, timeS));
      if (per[0]!.every((v) => !Number.isFinite(v))) return undefined;
      return { timeS, radiusNm: tables[0]!.radiusNm, hgFraction: per[0]!.map((_v, s) => statOf(per.map((p) => p[s]!))) };
    },
    e1s1sAt(timeS) {
      if (!particle) return NAN_STAT;
      return statOf(shells().map((t) => emaOf(particle, t.radiusNm, replicaProfileAt(t, timeS)).e1s1sEv));
    },
    opticsTrack() {
      if (trackMemo) return trackMemo;
      const e = ema();
      const x = metrics.seriesStats('hgFraction');
      return (trackMemo = timesS.map((timeS, k) => ({
        timeS,
        hgFraction: x[k]!,
        emaHgFraction: statOf(e.map((row) => row[k]!.hgFraction)),
        e1s1sEv: statOf(e.map((row) => row[k]!.e1s1sEv)),
      })));
    },
    coreShellLikeness() {
      if (!particle || particle.shape !== 'sphere') return NAN_STAT;
      const reference = referenceEnergies(particle.diameterNm);
      // The references are taken at the EMA particle's own (volume-weighted) x, so that both sides of the
      // comparison see the same composition.
      const perReplica = ema().map((points) => {
        const values: number[] = [];
        for (const { e1s1sEv, hgFraction: x } of points) {
          if (!(x >= c('likenessXLo') && x <= c('likenessXHi')) || !Number.isFinite(e1s1sEv)) continue;
          const { alloyEv, coreShellEv } = reference(x);
          values.push((e1s1sEv - alloyEv) / (coreShellEv - alloyEv));
        }
        return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
      });
      return statOf(perReplica);
    },
  };
  return metrics;
}
