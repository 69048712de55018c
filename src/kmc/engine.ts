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

// Indices into KmcEngine's clock array. The loop keeps its doubles in a Float64Array rather than in locals or
// object fields: V8 then never boxes them (boxing showed up as one heap allocation per event).
const TIME = 0;
const PENDING = 1;
const PENDING_TOTAL = 2;
const LAST_EVENT = 3;

export class KmcEngine {
  steps = 0;
  /** Events executed per solver group since creation (read by acceleration and diagnostics). */
  readonly executedByGroup: Float64Array;
  /** Groups after whose events runUntil returns 'halt' (all 0 unless a rate scaler needs to react at once). */
  readonly haltAfterGroup: Uint8Array;
  /**
   * Optional accumulator, per group, of the time integral of its propensity (factor * base-rate sum), added at each
   * event over the interval since the previous event with the propensities in effect just before it (so stops never
   * change it). Its owner (the rate scaler) reads and zeroes it; null (the default) costs one branch per event.
   */
  propensityIntegral: Float64Array | null = null;
  /** timeS, pendingEventTimeS, pendingTotalHz, lastEventTimeS (see the accessors). */
  private readonly clockState = new Float64Array([0, Number.NaN, 0, 0]);

  constructor(
    readonly solver: Solver,
    readonly model: KmcModel,
    public rng: Rng,
  ) {
    this.executedByGroup = new Float64Array(solver.groupCount);
    this.haltAfterGroup = new Uint8Array(solver.groupCount);
  }

  /** Simulated time, s. During model.execute() it is the time of the event being executed. */
  get timeS(): number {
    return this.clockState[TIME]!;
  }
  set timeS(value: number) {
    this.clockState[TIME] = value;
  }
  /**
   * A stop does not discard the drawn waiting time: it is kept and, if the total rate changed meanwhile,
   * its remainder is rescaled by R_old/R_new (exact by memorylessness). So where a run pauses (samples,
   * trajectory frames, checkpoints) never changes its realisation. NaN if nothing is pending.
   */
  get pendingEventTimeS(): number {
    return this.clockState[PENDING]!;
  }
  set pendingEventTimeS(value: number) {
    this.clockState[PENDING] = value;
  }
  /** Total rate when the pending waiting time was drawn (or last rescaled), 1/s. */
  get pendingTotalHz(): number {
    return this.clockState[PENDING_TOTAL]!;
  }
  set pendingTotalHz(value: number) {
    this.clockState[PENDING_TOTAL] = value;
  }
  /** Time of the last executed event, s. */
  get lastEventTimeS(): number {
    return this.clockState[LAST_EVENT]!;
  }
  set lastEventTimeS(value: number) {
    this.clockState[LAST_EVENT] = value;
  }

  /**
   * Execute events until simulated time reaches stopS or maxSteps events have run.
   * On 'time' the clock is set to exactly stopS and the next event stays pending.
   * On 'halt' the clock is at the halting event's time and nothing is pending.
   */
  runUntil(stopS: number, maxSteps = Number.POSITIVE_INFINITY): StopReason {
    const { solver, model, rng, executedByGroup, haltAfterGroup, propensityIntegral, clockState: clock } = this;
    const groupCount = solver.groupCount;
    let steps = 0;
    let reason: StopReason = 'steps';
    while (steps < maxSteps) {
      const totalHz = solver.total();
      if (!(totalHz > 0)) {
        clock[PENDING] = Number.NaN;
        reason = 'absorbing';
        break;
      }
      if (clock[PENDING] !== clock[PENDING]) {
        clock[PENDING] = clock[TIME]! - Math.log(1 - rng.next()) / totalHz;
        clock[PENDING_TOTAL] = totalHz;
      } else if (clock[PENDING_TOTAL] !== totalHz) {
        clock[PENDING] = clock[TIME]! + ((clock[PENDING]! - clock[TIME]!) * clock[PENDING_TOTAL]!) / totalHz;
        clock[PENDING_TOTAL] = totalHz;
      }
      if (clock[PENDING]! > stopS) {
        clock[TIME] = stopS;
        reason = 'time';
        break;
      }
      const slot = solver.pick(rng.next() * totalHz);
      const eventS = clock[PENDING]!;
      if (propensityIntegral !== null) {
        const dtS = eventS - clock[LAST_EVENT]!;
        for (let g = 0; g < groupCount; g++) propensityIntegral[g]! += solver.factor(g) * solver.groupSum(g) * dtS;
      }
      clock[LAST_EVENT] = eventS;
      clock[TIME] = eventS; // so that execute() can read the time of the event it executes
      clock[PENDING] = Number.NaN;
      model.execute(slot);
      const group = solver.groupOf(slot);
      executedByGroup[group]! += 1;
      steps++;
      if (haltAfterGroup[group] !== 0) {
        reason = 'halt';
        break;
      }
    }
    if (reason === 'absorbing' && stopS !== Number.POSITIVE_INFINITY && stopS > clock[TIME]!) clock[TIME] = stopS;
    this.steps += steps;
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
