// The exchange model's temporal acceleration, after the rate scaling of fast reactions of Dybeck,
// Plaisance & Neurock (JCTC 13, 1525 (2017)): reversible pairs of groups (Ag_i hops, Ag_i <-> Ag_Cd,
// surface Cd <-> Hg exchange) that are quasi-equilibrated (forward and reverse counts balanced within
// delta over a window) are scaled by alpha = min(1, lambda * R_slow / R_pair), so each still fires about
// lambda times per slow event; a pair that falls out of balance is unscaled at the next window.
// Error control: lambda (fastPerSlow) and delta; results converge as lambda grows (tested in test/model).
import type { KmcEngine, StopReason } from '../kmc/engine.js';
import type { AccelerationSettings, SimulationOptions } from './contract.js';
import { AG_HOP_PAIRS, Group, type ExchangeModel } from './exchange-model.js';

export interface Accelerator {
  /** Advance to stopS (or maxSteps events) with acceleration applied. */
  run(stopS: number, maxSteps: number): StopReason;
  /** Unscale everything and restart the windows (after a stage changes the conditions). */
  reset(): void;
  state(): unknown;
  restore(state: unknown): void;
}

export interface AccelerationOptions {
  /** Fast events per slow event that a scaled pair keeps (lambda); Infinity disables the acceleration. */
  fastPerSlow: number;
  /**
   * The same for the in-shell Ag_i hops of averaged complexes (Group.AgHopShell). Those complexes' hops read only
   * their shell's Ag_i count, and their arrangement is redrawn at each of their hops, so the in-shell rattling only
   * feeds the arrangement-dependent exits (trap, Ag_i leaving the shell) and needs far fewer events.
   */
  shellFastPerSlow: number;
  /** The same for trapping and detrapping (Ag_i + V <-> Ag_Cd), the costliest of the scaled events. */
  trapFastPerSlow: number;
  /** Largest relative imbalance |n_f - n_r| / (n_f + n_r) of a quasi-equilibrated pair. */
  balanceTolerance: number;
  /** Events per observation window, and the fewest pair events in a window to judge its balance. */
  windowEvents: number;
  minPairEvents: number;
  /** In-shell Ag_i moves that re-equilibrate a complex after each host hop (ExchangeModel.equilibrateShell). */
  shellMoves: number;
}

// lambda 1, in-shell 0.3 (session 10; lambda 3 for every pair since session 7, 10 before). Since complex hops are
// averaged over their shell (ExchangeModel.averagedHopRates), lambda only has to sample Ag_i moves between shells and
// traps, and the in-shell moves only the exits that read the arrangement. 8 zb-iece-80c replicas, 4 h (docs/model.md,
// session 10): x(10 min, 1 h, 4 h) and the Ag left at 4 h agree with lambda 3 within 1 combined sem at (1, 0.3);
// (0.3, 0.1) drifts low at 1 h (0.895 against 0.911) and keeps more Ag (0.27 of the dose against 0.20).
export const DEFAULT_ACCELERATION: AccelerationOptions = { fastPerSlow: 1, shellFastPerSlow: 0.3, trapFastPerSlow: 1, balanceTolerance: 0.2, windowEvents: 500, minPairEvents: 20, shellMoves: 12 };

/**
 * Reversible pairs (forward group, reverse group) the scheme may scale; a hop class may be its own reverse. The Ag_i hop
 * pairs come first (indices below AG_HOP_PAIRS.length).
 */
export const SCALABLE_PAIRS: readonly (readonly [number, number])[] = [...AG_HOP_PAIRS, [Group.Trap, Group.Detrap], [Group.ExchangeHg, Group.ExchangeCd]];

/**
 * The options of one run: the API's options over the scenario's `acceleration` settings over DEFAULT_ACCELERATION;
 * `exact` means lambda = Infinity, and a pair-specific lambda falls back to fastPerSlow when that is given.
 */
export function resolveAcceleration(settings: AccelerationSettings = {}, options: SimulationOptions = {}): AccelerationOptions {
  const d = DEFAULT_ACCELERATION;
  const fast = options.fastPerSlow ?? (settings.exact ? Number.POSITIVE_INFINITY : settings.fastPerSlow);
  return {
    ...d,
    fastPerSlow: fast ?? d.fastPerSlow,
    shellFastPerSlow: options.shellFastPerSlow ?? settings.shellFastPerSlow ?? fast ?? d.shellFastPerSlow,
    trapFastPerSlow: options.trapFastPerSlow ?? settings.trapFastPerSlow ?? fast ?? d.trapFastPerSlow,
    shellMoves: options.shellMoves ?? d.shellMoves,
  };
}

export function createAccelerator(engine: KmcEngine, model: ExchangeModel, options: AccelerationOptions = DEFAULT_ACCELERATION): Accelerator {
  const solver = engine.solver;
  const groups = solver.groupCount;
  const nPairs = SCALABLE_PAIRS.length;
  const inPair = new Int32Array(groups).fill(-1);
  SCALABLE_PAIRS.forEach(([f, r], k) => {
    inPair[f] = k;
    inPair[r] = k;
  });
  const equilibrated = new Uint8Array(nPairs);
  const alpha = new Float64Array(nPairs).fill(1);
  const lastCount = new Float64Array(groups);
  let windowStartStep = engine.steps;
  const enabled = options.fastPerSlow !== Number.POSITIVE_INFINITY;
  const lambda = SCALABLE_PAIRS.map(([f]) => (f === Group.AgHopShell ? options.shellFastPerSlow : f === Group.Trap ? options.trapFastPerSlow : options.fastPerSlow));
  const baseFactor = model.baseFactor; // solution activities, set by the model; the scaling multiplies them

  function judgeWindow(): void {
    const counts = engine.executedByGroup;
    for (let k = 0; k < nPairs; k++) {
      const [f, r] = SCALABLE_PAIRS[k]!;
      const nf = counts[f]! - lastCount[f]!;
      const nr = f === r ? nf : counts[r]! - lastCount[r]!;
      const total = f === r ? nf : nf + nr;
      const balanced = f === r ? total >= options.minPairEvents : total >= options.minPairEvents && Math.abs(nf - nr) <= options.balanceTolerance * total;
      // A scaled pair that shows few events keeps its state: scaling itself makes it quiet.
      if (total >= options.minPairEvents || !equilibrated[k]) equilibrated[k] = balanced ? 1 : 0;
    }
    lastCount.set(counts);
    windowStartStep = engine.steps;
  }

  /** Recompute the pair factors from the current rates (O(groups)). */
  function rescale(): void {
    let slow = 0;
    for (let g = 0; g < groups; g++) {
      const k = inPair[g]!;
      if (k < 0 || !equilibrated[k]) slow += baseFactor[g]! * solver.groupSum(g);
    }
    for (let k = 0; k < nPairs; k++) {
      const [f, r] = SCALABLE_PAIRS[k]!;
      let a = 1;
      // Without the averaging (Ag_i too slow to rattle ~100x per complex hop: CdS), a complex's hops read where its
      // Ag_i are, and they must keep following it at their true pace: scaled down, they stall the complex (2.3 nm
      // IE-CE with a 0.7 eV Ag_i hop, 60 s: 265 host hops at lambda 1, 1165 at lambda 100, 2770 in plain KMC).
      const frozen = k < AG_HOP_PAIRS.length && !model.averaging;
      if (enabled && equilibrated[k] && slow > 0 && !frozen) {
        const pairRate = baseFactor[f]! * solver.groupSum(f) + (f === r ? 0 : baseFactor[r]! * solver.groupSum(r));
        if (pairRate > 0) a = Math.min(1, (lambda[k]! * slow) / pairRate);
      }
      applyAlpha(k, a);
    }
  }

  function applyAlpha(k: number, a: number): void {
    const [f, r] = SCALABLE_PAIRS[k]!;
    alpha[k] = a;
    if (model.scale[f] !== a) model.setScale(f, a);
    if (model.scale[r] !== a) model.setScale(r, a);
  }
  return {
    run(stopS, maxSteps) {
      let reason: StopReason = 'steps';
      for (let done = 0; done < maxSteps; done++) {
        if (engine.steps - windowStartStep >= options.windowEvents) judgeWindow();
        rescale();
        reason = engine.runUntil(stopS, 1);
        if (reason !== 'steps') break;
      }
      return reason;
    },
    reset() {
      equilibrated.fill(0);
      rescale();
      lastCount.set(engine.executedByGroup);
      windowStartStep = engine.steps;
    },
    state: () => ({
      equilibrated: Array.from(equilibrated),
      alpha: Array.from(alpha),
      lastCount: Array.from(lastCount),
      executedByGroup: Array.from(engine.executedByGroup),
      windowStartStep,
    }),
    restore(state) {
      const s = state as { equilibrated: number[]; alpha: number[]; lastCount: number[]; executedByGroup: number[]; windowStartStep: number };
      engine.executedByGroup.set(s.executedByGroup);
      equilibrated.set(s.equilibrated);
      lastCount.set(s.lastCount);
      windowStartStep = s.windowStartStep;
      for (let k = 0; k < nPairs; k++) applyAlpha(k, s.alpha[k]!);
    },
  };
}
