// Rejection-free KMC (BKL / n-fold way) step loop. Physics-agnostic: a model owns the events,
// executes the chosen one and reports every slot whose base rate changed (solver.update).
// Time advances by -ln(u)/R; an event that would cross the stop time is not executed.
import type { Rng } from '../rng.js';
import type { Solver } from './solver.js';

export interface KmcModel {
  /** Execute the event held in `slot`, then call solver.update for every slot whose base rate changed. */
  execute(slot: number): void;
}

export type StopReason = 'time' | 'steps' | 'absorbing';

export interface KmcEngineState {
  timeS: number;
  steps: number;
}

export class KmcEngine {
  timeS = 0;
  steps = 0;
  /** Events executed per solver group since creation (read by acceleration and diagnostics). */
  readonly executedByGroup: Float64Array;

  constructor(
    readonly solver: Solver,
    readonly model: KmcModel,
    public rng: Rng,
  ) {
    this.executedByGroup = new Float64Array(solver.groupCount);
  }

  /**
   * Execute events until simulated time reaches stopS or maxSteps events have run.
   * On 'time' the clock is set to exactly stopS (the pending event is discarded: memoryless).
   */
  runUntil(stopS: number, maxSteps = Number.POSITIVE_INFINITY): StopReason {
    const { solver, model, rng, executedByGroup } = this;
    const groupOfSlot = solver.groupOfSlot;
    let timeS = this.timeS;
    let steps = 0;
    let reason: StopReason = 'steps';
    while (steps < maxSteps) {
      const totalHz = solver.total();
      if (!(totalHz > 0)) {
        reason = 'absorbing';
        break;
      }
      const dtS = -Math.log(1 - rng.next()) / totalHz;
      if (timeS + dtS > stopS) {
        timeS = stopS;
        reason = 'time';
        break;
      }
      const slot = solver.pick(rng.next() * totalHz);
      model.execute(slot);
      executedByGroup[groupOfSlot[slot]!]! += 1;
      timeS += dtS;
      steps++;
    }
    if (reason === 'absorbing' && stopS !== Number.POSITIVE_INFINITY) timeS = Math.max(timeS, stopS);
    this.timeS = timeS;
    this.steps += steps;
    return reason;
  }
}
