// Rejection-free KMC (BKL / n-fold way) step loop. Physics-agnostic: a model owns the events,
// executes the chosen one and reports every slot whose base rate changed (solver.update).
// Time advances by -ln(u)/R; an event that would cross the stop time is not executed.
import type { Rng } from '../rng.js';
import type { Solver } from './solver.js';

export interface KmcModel {
  /** Execute the event held in `slot`, then call solver.update for every slot whose base rate changed. */
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
}

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
    const { solver, model, rng, executedByGroup, haltAfterGroup } = this;
    const groupOfSlot = solver.groupOfSlot;
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
    return { timeS: this.timeS, steps: this.steps, pendingEventTimeS: this.pendingEventTimeS, pendingTotalHz: this.pendingTotalHz };
  }

  restoreClock(clock: KmcClock): void {
    this.timeS = clock.timeS;
    this.steps = clock.steps;
    this.pendingEventTimeS = clock.pendingEventTimeS;
    this.pendingTotalHz = clock.pendingTotalHz;
  }
}
