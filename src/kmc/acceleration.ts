// Temporal acceleration of fast, quasi-equilibrated reversible processes by rate scaling on solver groups:
// Dybeck, Plaisance & Neurock, J. Chem. Theory Comput. 13, 1525 (2017). Times in s, rates in 1/s.
//
// Scheme. The model declares reversible pairs of solver groups (forward, reverse), e.g. Ag_i hops T_Cd->T_Se and
// T_Se->T_Cd. Every N_s steps the scaler reads engine.executedByGroup and:
//  - counts each pair's executions in windows of N_e; a pair is quasi-equilibrated ("eq") while its last full window
//    had |n_f - n_r| <= delta (n_f + n_r);
//  - a superbasin ends when a process that is not part of an eq pair executes (a slow event, or a pair that is not
//    balanced), or when an eq pair's window turns unbalanced. Then every scaling is undone at once (an O(1)
//    setFactor per group; while anything is scaled the engine halts right after such an event), and the
//    superbasin's counters restart;
//  - a pair is scaled only when it is eq and has executed >= N_e times within the current superbasin ("locally eq");
//    its factor alpha = min(1, 2 N_f * E / (I_f + I_r)) where E is the time integral, over the superbasin, of the
//    unscaled propensities of every process that is not locally eq (the expected number of superbasin exits) and
//    I_f, I_r those of the pair (exact integrals, accumulated by the engine at every event as in kmos). So the
//    scaled pair fires ~N_f times each way per expected exit.
// Both directions of a pair get the same alpha, so their ratio, hence the quasi-equilibrium distribution over the
// fast states and every slow rate averaged over it, is unchanged. Error control: delta and N_e bound the net flux
// a pair may carry and still be scaled (|J|/(r_f+r_r) <~ delta, with a statistical noise ~1/sqrt(N_e)); N_f sets how
// well the scaled pair re-equilibrates between slow events (error ~ relaxation hops / N_f); transients after every
// slow event run unscaled. Observables of the fast processes themselves (e.g. Ag_i MSD) are not preserved. The
// paper's defaults (as in kmos): N_e = 200, delta = 0.2, N_f = 1000, N_s = 20. See docs/acceleration.md.
import type { KmcEngine, StopReason } from './engine.js';

/** Two solver groups whose events undo each other (forward, reverse); forward === reverse for a self-reverse group. */
export interface ReversiblePair {
  forward: number;
  reverse: number;
  /** For diagnostics. */
  name?: string;
}

export interface RateScalerOptions {
  /** N_e: executions per equilibrium window, and executions within a superbasin before a pair may be scaled. */
  windowExecutions?: number;
  /** delta: balance tolerance of a window, |n_f - n_r| <= delta (n_f + n_r). */
  delta?: number;
  /** N_f: executions each way of a scaled pair per expected superbasin exit (larger is more accurate, slower). */
  bufferExecutions?: number;
  /** N_s: KMC steps between reassessments of the scaling. */
  samplingSteps?: number;
}

export const RATE_SCALER_DEFAULTS: Readonly<Required<RateScalerOptions>> = {
  windowExecutions: 200,
  delta: 0.2,
  bufferExecutions: 1000,
  samplingSteps: 20,
};

/** JSON-serialisable scaler state for checkpoints (restore after the model and engine clock). */
export interface RateScalerState {
  stepsInChunk: number;
  superbasins: number;
  reassessments: number;
  executedSinceReassessment: number[];
  /** The engine's propensity integrals since the last reassessment. */
  integralSinceReassessment: number[];
  superbasinIntegral: number[];
  baseFactor: number[];
  windowForward: number[];
  windowReverse: number[];
  equilibrated: number[];
  superbasinExecutions: number[];
  scaling: number[];
  minScaling: number[];
}

/** Rate scaling on an engine: use scaler.runUntil() where the run loop would call engine.runUntil(). */
export class RateScaler {
  readonly options: Readonly<Required<RateScalerOptions>>;
  /** Current factor alpha of each pair (1 = unscaled). */
  readonly scaling: Float64Array;
  /** Smallest alpha each pair has had (1 = never scaled). */
  readonly minScaling: Float64Array;
  /** 1 while a pair's last full window was balanced within delta. */
  readonly equilibrated: Uint8Array;
  /** Superbasin exits seen, and reassessments made. */
  superbasins = 0;
  reassessments = 0;

  private readonly pairOfGroup: Int32Array;
  private readonly lastExecuted: Float64Array;
  private readonly executedDelta: Float64Array;
  /** The engine's accumulator of propensity integrals (scaled, as executed); read and zeroed at each reassessment. */
  private readonly integral: Float64Array;
  /** Time integral of each group's unscaled propensity since the superbasin began (expected executions). */
  private readonly superbasinIntegral: Float64Array;
  /** The model's own factor of each paired group, and the factor this scaler last set. */
  private readonly baseFactor: Float64Array;
  private readonly appliedFactor: Float64Array;
  private readonly windowForward: Float64Array;
  private readonly windowReverse: Float64Array;
  private readonly superbasinExecutions: Float64Array;
  private stepsInChunk = 0;

  constructor(
    readonly engine: KmcEngine,
    readonly pairs: readonly ReversiblePair[],
    options: RateScalerOptions = {},
  ) {
    this.options = { ...RATE_SCALER_DEFAULTS, ...options };
    const { windowExecutions, delta, bufferExecutions, samplingSteps } = this.options;
    if (!(Number.isInteger(windowExecutions) && windowExecutions >= 1)) throw new RangeError(`windowExecutions must be an integer >= 1, got ${windowExecutions}`);
    if (!(delta >= 0 && delta < 1)) throw new RangeError(`delta must be in [0, 1), got ${delta}`);
    if (!(bufferExecutions > 0 && bufferExecutions < Infinity)) throw new RangeError(`bufferExecutions must be > 0, got ${bufferExecutions}`);
    if (!(Number.isInteger(samplingSteps) && samplingSteps >= 1)) throw new RangeError(`samplingSteps must be an integer >= 1, got ${samplingSteps}`);
    const groups = engine.solver.groupCount;
    this.pairOfGroup = new Int32Array(groups).fill(-1);
    pairs.forEach((pair, p) => {
      for (const g of [pair.forward, pair.reverse]) {
        if (!(Number.isInteger(g) && g >= 0 && g < groups)) throw new RangeError(`pair ${pair.name ?? p}: group ${g} is not a solver group (0..${groups - 1})`);
        // A group may be its own reverse (e.g. hops between equivalent sites): it is then always balanced.
        if (this.pairOfGroup[g] !== -1 && this.pairOfGroup[g] !== p) throw new RangeError(`pair ${pair.name ?? p}: group ${g} is already in another pair`);
        this.pairOfGroup[g] = p;
      }
    });
    this.lastExecuted = Float64Array.from(engine.executedByGroup);
    this.executedDelta = new Float64Array(groups);
    this.integral = engine.propensityIntegral = new Float64Array(groups);
    this.superbasinIntegral = new Float64Array(groups);
    this.baseFactor = new Float64Array(groups);
    this.appliedFactor = new Float64Array(groups);
    for (let g = 0; g < groups; g++) this.baseFactor[g] = this.appliedFactor[g] = engine.solver.factor(g);
    this.scaling = new Float64Array(pairs.length).fill(1);
    this.minScaling = new Float64Array(pairs.length).fill(1);
    this.equilibrated = new Uint8Array(pairs.length);
    this.windowForward = new Float64Array(pairs.length);
    this.windowReverse = new Float64Array(pairs.length);
    this.superbasinExecutions = new Float64Array(pairs.length);
  }

  /**
   * Like engine.runUntil, in chunks of N_s steps with a reassessment after each (and at once after a superbasin
   * exit while scaled). Chunk position is part of the state, so pausing at any stop time leaves the realisation unchanged.
   */
  runUntil(stopS: number, maxSteps = Number.POSITIVE_INFINITY): StopReason {
    const engine = this.engine;
    const samplingSteps = this.options.samplingSteps;
    let done = 0;
    while (done < maxSteps) {
      const before = engine.steps;
      const reason = engine.runUntil(stopS, Math.min(samplingSteps - this.stepsInChunk, maxSteps - done));
      const ran = engine.steps - before;
      done += ran;
      this.stepsInChunk += ran;
      if (reason === 'halt' || this.stepsInChunk >= samplingSteps) this.reassess();
      if (reason === 'time' || reason === 'absorbing') return reason;
    }
    return 'steps';
  }

  /** Set the model's own multiplier of a group (e.g. a concentration); a paired group gets factor * alpha. */
  setBaseFactor(group: number, factor: number): void {
    this.baseFactor[group] = factor;
    const p = this.pairOfGroup[group]!;
    this.apply(group, p >= 0 ? factor * this.scaling[p]! : factor);
  }

  /** True if pair p is scalable now: balanced and executed >= N_e times in the current superbasin. */
  isLocallyEquilibrated(p: number): boolean {
    return this.equilibrated[p] === 1 && this.superbasinExecutions[p]! >= this.options.windowExecutions;
  }

  /** Undo every scaling and start a new superbasin (call after the model changes the landscape outside events). */
  reset(): void {
    this.endSuperbasin();
    this.rescale();
  }

  state(): RateScalerState {
    const executedSince = this.engine.executedByGroup.map((n, g) => n - this.lastExecuted[g]!);
    return {
      stepsInChunk: this.stepsInChunk,
      superbasins: this.superbasins,
      reassessments: this.reassessments,
      executedSinceReassessment: Array.from(executedSince),
      integralSinceReassessment: Array.from(this.integral),
      superbasinIntegral: Array.from(this.superbasinIntegral),
      baseFactor: Array.from(this.baseFactor),
      windowForward: Array.from(this.windowForward),
      windowReverse: Array.from(this.windowReverse),
      equilibrated: Array.from(this.equilibrated),
      superbasinExecutions: Array.from(this.superbasinExecutions),
      scaling: Array.from(this.scaling),
      minScaling: Array.from(this.minScaling),
    };
  }

  /** Continue from state(); call after the model state and the engine clock are restored. */
  restore(state: RateScalerState): void {
    const groups = this.engine.solver.groupCount;
    if (state.integralSinceReassessment.length !== groups || state.scaling.length !== this.pairs.length) {
      throw new RangeError('rate scaler state does not match this solver / pair list');
    }
    this.stepsInChunk = state.stepsInChunk;
    this.superbasins = state.superbasins;
    this.reassessments = state.reassessments;
    for (let g = 0; g < groups; g++) this.lastExecuted[g] = this.engine.executedByGroup[g]! - state.executedSinceReassessment[g]!;
    this.integral.set(state.integralSinceReassessment);
    this.superbasinIntegral.set(state.superbasinIntegral);
    this.baseFactor.set(state.baseFactor);
    this.windowForward.set(state.windowForward);
    this.windowReverse.set(state.windowReverse);
    this.equilibrated.set(state.equilibrated);
    this.superbasinExecutions.set(state.superbasinExecutions);
    this.scaling.set(state.scaling);
    this.minScaling.set(state.minScaling);
    for (let g = 0; g < groups; g++) {
      const p = this.pairOfGroup[g]!;
      if (p >= 0) this.apply(g, this.baseFactor[g]! * this.scaling[p]!);
    }
    this.updateHaltMask();
  }

  /** One reassessment (every N_s steps): windows, superbasin exit, integrals, new factors. No allocation. */
  private reassess(): void {
    const { solver, executedByGroup } = this.engine;
    const { pairOfGroup, lastExecuted, executedDelta, superbasinIntegral, integral, equilibrated } = this;
    const groups = solver.groupCount;
    this.reassessments++;
    this.stepsInChunk = 0;
    let exit = false;
    for (let g = 0; g < groups; g++) {
      // The integral ran at the applied factor; unscale paired groups (factor constant since the last reassessment).
      const applied = this.appliedFactor[g]!;
      superbasinIntegral[g]! += pairOfGroup[g]! >= 0 && applied > 0 ? (integral[g]! * this.baseFactor[g]!) / applied : integral[g]!;
      integral[g] = 0;
      const n = executedByGroup[g]! - lastExecuted[g]!;
      lastExecuted[g] = executedByGroup[g]!;
      executedDelta[g] = n;
      const p = pairOfGroup[g]!;
      if (n > 0 && (p < 0 || equilibrated[p] === 0)) exit = true; // a non-equilibrated process ran
      // A factor changed by the model directly is its new base factor.
      if (p >= 0 && solver.factor(g) !== this.appliedFactor[g]) this.baseFactor[g] = this.appliedFactor[g] = solver.factor(g);
    }
    const { windowExecutions, delta } = this.options;
    for (let p = 0; p < this.pairs.length; p++) {
      const { forward, reverse } = this.pairs[p]!;
      let nf = executedDelta[forward]!;
      let nr = executedDelta[reverse]!;
      if (forward === reverse) nf = nr = nf / 2; // a self-reverse group: balanced by construction
      this.superbasinExecutions[p]! += nf + nr;
      const wf = (this.windowForward[p]! += nf);
      const wr = (this.windowReverse[p]! += nr);
      if (wf + wr >= windowExecutions) {
        const balanced = Math.abs(wf - wr) <= delta * (wf + wr);
        if (equilibrated[p] === 1 && !balanced) exit = true; // the landscape moved under a scaled pair
        equilibrated[p] = balanced ? 1 : 0;
        this.windowForward[p] = 0;
        this.windowReverse[p] = 0;
      }
    }
    if (exit) this.endSuperbasin();
    this.rescale();
  }

  private endSuperbasin(): void {
    this.superbasins++;
    this.superbasinExecutions.fill(0);
    this.superbasinIntegral.fill(0);
  }

  /** alpha = min(1, 2 N_f E / (I_f + I_r)) for locally equilibrated pairs, 1 otherwise. */
  private rescale(): void {
    const { pairOfGroup, superbasinIntegral } = this;
    let escape = 0;
    for (let g = 0; g < pairOfGroup.length; g++) {
      const p = pairOfGroup[g]!;
      if (p < 0 || !this.isLocallyEquilibrated(p)) escape += superbasinIntegral[g]!;
    }
    for (let p = 0; p < this.pairs.length; p++) {
      const { forward, reverse } = this.pairs[p]!;
      let alpha = 1;
      const pairIntegral = superbasinIntegral[forward]! + superbasinIntegral[reverse]!;
      if (escape > 0 && pairIntegral > 0 && this.isLocallyEquilibrated(p)) {
        alpha = Math.min(1, (2 * this.options.bufferExecutions * escape) / pairIntegral);
      }
      this.scaling[p] = alpha;
      if (alpha < this.minScaling[p]!) this.minScaling[p] = alpha;
      this.apply(forward, this.baseFactor[forward]! * alpha);
      this.apply(reverse, this.baseFactor[reverse]! * alpha);
    }
    this.updateHaltMask();
  }

  /** While anything is scaled, the engine stops right after an event that ends the superbasin. */
  private updateHaltMask(): void {
    let anyScaled = false;
    for (let p = 0; p < this.scaling.length; p++) if (this.scaling[p]! < 1) anyScaled = true;
    const halt = this.engine.haltAfterGroup;
    for (let g = 0; g < halt.length; g++) {
      const p = this.pairOfGroup[g]!;
      halt[g] = anyScaled && (p < 0 || this.equilibrated[p] === 0) ? 1 : 0;
    }
  }

  private apply(group: number, factor: number): void {
    if (this.appliedFactor[group] === factor) return;
    this.engine.solver.setFactor(group, factor);
    this.appliedFactor[group] = factor;
  }
}

/** A rate scaler for the engine's solver groups (see the file header for the scheme and its parameters). */
export function createRateScaler(engine: KmcEngine, pairs: readonly ReversiblePair[], options: RateScalerOptions = {}): RateScaler {
  return new RateScaler(engine, pairs, options);
}
