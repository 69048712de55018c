// Rejection-free KMC (BKL / n-fold way) step loop. Physics-agnostic: a model owns the events,
// executes the chosen one and reports every slot whose base rate changed (solver.update).
// Time advances by -ln(u)/R; an event that would cross the stop time is not executed.
import type { Rng } from '../rng.js';
import type { Solver } from './solver.js';

export interface KmcModel {
  /**
   * Execute the event held in `slot`, then call solver.update for every slot whose base rate changed.
   * During the call, engine.timeS is the time of this event.
   */
  execute(slot: number): void;
}

/** Why runUntil returned: stop time reached, step budget used, no event possible, or an event of a group
 * flagged in haltAfterGroup was executed (used by the rate scaler to react to a superbasin exit at once). */
export type StopReason = 'time' | 'steps' | 'absorbing' | 'halt';

/** What a checkpoint needs besides the model state and the RNG state. */
export interface KmcClock {
  timeS: number;
  steps: number;
  /** Absolute time of the drawn-but-not-yet-executed next event (NaN if none). */
  pendingEventTimeS: number;
  /** Total rate when that waiting time was drawn. */
  pendingTotalHz: number;
  /** Time of the last executed event (start of the interval the next event closes); absent in old checkpoints. */
  lastEventTimeS?: number;
}

/** Events per call of the inner loop (see runUntil). */
const CHUNK_STEPS = 4096;

export class KmcEngine {
  timeS = 0;
  steps = 0;
  /**
   * A stop does not discard the drawn waiting time: it is kept and, if the total rate changed meanwhile,
   * its remainder is rescaled by R_old/R_new (exact by memorylessness). So where a run pauses (samples,
   * trajectory frames, checkpoints) never changes its realisation.
   */
  pendingEventTimeS = Number.NaN;
  pendingTotalHz = 0;
  /** Events executed per solver group since creation (read by acceleration and diagnostics). */
  readonly executedByGroup: Float64Array;
  /** Groups after whose events runUntil returns 'halt' (all 0 unless a rate scaler needs to react at once). */
  readonly haltAfterGroup: Uint8Array;
  /**
   * Optional accumulator, per group, of the time integral of its propensity (factor * base-rate sum), added at each
   * event over the interval since the previous event (so stops never change it). Its owner (the rate scaler) reads
   * and zeroes it; null (the default) costs one branch per event.
   */
  propensityIntegral: Float64Array | null = null;
  /** Time of the last executed event, s. */
  lastEventTimeS = 0;

  constructor(
    readonly solver: Solver,
    readonly model: KmcModel,
    public rng: Rng,
  ) {
    this.executedByGroup = new Float64Array(solver.groupCount);
    this.haltAfterGroup = new Uint8Array(solver.groupCount);
  }

  /**
   * Execute events until simulated time reaches stopS or maxSteps events have run.
   * On 'time' the clock is set to exactly stopS and the next event stays pending.
   * On 'halt' the clock is at the halting event's time and nothing is pending.
   */
  runUntil(stopS: number, maxSteps = Number.POSITIVE_INFINITY): StopReason {
    // Chunks keep every call of the loop short: V8 then runs it as regular optimized code, whereas one long call
    // runs on-stack-replaced code that boxes the loop's doubles (an allocation per event).
    let remaining = maxSteps;
    for (;;) {
      const before = this.steps;
      const reason = this.runChunk(stopS, remaining < CHUNK_STEPS ? remaining : CHUNK_STEPS);
      remaining -= this.steps - before;
      if (reason !== 'steps' || !(remaining > 0)) return reason;
    }
  }

  /** The step loop itself, at most maxSteps events (see runUntil). */
  private runChunk(stopS: number, maxSteps: number): StopReason {
    const { solver, model, rng, executedByGroup, haltAfterGroup, propensityIntegral } = this;
    const groupOfSlot = solver.groupOfSlot;
    const groupCount = solver.groupCount;
    let timeS = this.timeS;
    let steps = 0;
    let reason: StopReason = 'steps';
    let pendingS = this.pendingEventTimeS;
    let pendingTotalHz = this.pendingTotalHz;
    while (steps < maxSteps) {
      const totalHz = solver.total();
      if (!(totalHz > 0)) {
        pendingS = Number.NaN;
        reason = 'absorbing';
        break;
      }
      if (pendingS !== pendingS) {
        pendingS = timeS - Math.log(1 - rng.next()) / totalHz;
        pendingTotalHz = totalHz;
      } else if (pendingTotalHz !== totalHz) {
        pendingS = timeS + ((pendingS - timeS) * pendingTotalHz) / totalHz;
        pendingTotalHz = totalHz;
      }
      if (pendingS > stopS) {
        timeS = stopS;
        reason = 'time';
        break;
      }
      const slot = solver.pick(rng.next() * totalHz);
      if (propensityIntegral !== null) {
        const dtS = pendingS - this.lastEventTimeS;
        for (let g = 0; g < groupCount; g++) propensityIntegral[g]! += solver.factor(g) * solver.groupSum(g) * dtS;
      }
      this.lastEventTimeS = pendingS;
      this.timeS = pendingS; // so that execute() can read the time of the event it executes
      model.execute(slot);
      const group = groupOfSlot[slot]!;
      executedByGroup[group]! += 1;
      timeS = pendingS;
      pendingS = Number.NaN;
      steps++;
      if (haltAfterGroup[group] !== 0) {
        reason = 'halt';
        break;
      }
    }
    if (reason === 'absorbing' && stopS !== Number.POSITIVE_INFINITY) timeS = Math.max(timeS, stopS);
    this.timeS = timeS;
    this.steps += steps;
    this.pendingEventTimeS = pendingS;
    this.pendingTotalHz = pendingTotalHz;
    return reason;
  }

  clock(): KmcClock {
    return {
      timeS: this.timeS,
      steps: this.steps,
      pendingEventTimeS: this.pendingEventTimeS,
      pendingTotalHz: this.pendingTotalHz,
      lastEventTimeS: this.lastEventTimeS,
    };
  }

  restoreClock(clock: KmcClock): void {
    this.timeS = clock.timeS;
    this.steps = clock.steps;
    this.pendingEventTimeS = clock.pendingEventTimeS;
    this.pendingTotalHz = clock.pendingTotalHz;
    this.lastEventTimeS = clock.lastEventTimeS ?? clock.timeS;
  }
}
