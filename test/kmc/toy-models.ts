// Small KmcModel implementations for the engine's statistical tests: fixed rates, a few-state system, walkers on
// the zinc-blende T network (with a slow event gated by the walkers' site kind), and tracers on top of vacancy hops.
import { KmcEngine, type KmcModel } from '../../src/kmc/engine.js';
import { createTreeSolver, type Solver } from '../../src/kmc/solver.js';
import { createRng } from '../../src/rng.js';
import { InterstitialKind } from '../../src/lattice/types.js';
import type { PeriodicLattice } from '../../src/kmc/workload/periodic-lattice.js';
import { Occupant, SLOTS_PER_VACANCY, type VacancyExchangeModel } from '../../src/kmc/workload/vacancy-exchange.js';

/** Slots with constant rates; execute() only counts. */
export class FixedRatesModel implements KmcModel {
  readonly solver: Solver;
  readonly executed: Float64Array;
  constructor(groupSizes: number[], ratesHz: number[]) {
    this.solver = createTreeSolver(groupSizes);
    ratesHz.forEach((r, slot) => this.solver.update(slot, r));
    this.executed = new Float64Array(ratesHz.length);
  }
  execute(slot: number): void {
    this.executed[slot]! += 1;
  }
}

/**
 * One particle among states with energies E_i; hops i -> j (all pairs) at nu exp(-(B_ij - E_i)/kT) with a symmetric
 * saddle B_ij = B_ji, so the rates satisfy detailed balance with respect to exp(-E_i/kT).
 */
export class FewStateModel implements KmcModel {
  readonly solver: Solver;
  state = 0;
  constructor(
    readonly energyEv: number[],
    readonly saddleEv: number[][],
    readonly thermalEnergyEv: number,
  ) {
    this.solver = createTreeSolver([energyEv.length * energyEv.length]);
    this.setRates();
  }
  execute(slot: number): void {
    this.state = slot % this.energyEv.length;
    this.setRates();
  }
  private setRates(): void {
    const n = this.energyEv.length;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const rate = i === this.state && j !== i ? Math.exp(-(this.saddleEv[i]![j]! - this.energyEv[i]!) / this.thermalEnergyEv) : 0;
        this.solver.update(i * n + j, rate);
      }
  }
}

export interface WalkerRates {
  /** Per-direction hop rate from a T_Cd site (to each of its 4 T_Se neighbours), 1/s. */
  fromCationSiteHz: number;
  /** Per-direction hop rate from a T_Se site, 1/s. */
  fromAnionSiteHz: number;
  /** Rate of the slow event of a walker sitting on a T_Cd site, 1/s. */
  slowHz: number;
}

/**
 * Independent walkers on the periodic T network. Groups: 0 = hops from T_Cd sites, 1 = hops from T_Se sites (a
 * reversible pair), 2 = the slow event (one slot per walker, live while the walker is on T_Cd). The slow event
 * switches the whole system to the next phase of `phases` (new hop and slow rates): a landscape change.
 */
export class TetraWalkersModel implements KmcModel {
  readonly solver: Solver;
  readonly site: Int32Array;
  /** Unwrapped displacement of each walker, lattice units (a/4), xyz interleaved. */
  readonly displacement: Int32Array;
  phase = 0;
  slowEvents = 0;
  /** Called at each slow event (after the phase switch). */
  onSlowEvent: (() => void) | null = null;
  private readonly z: number;

  constructor(
    readonly lattice: PeriodicLattice,
    readonly walkers: number,
    readonly phases: WalkerRates[],
    startSite: (walker: number) => number,
  ) {
    this.z = lattice.coordination;
    this.solver = createTreeSolver([this.z * walkers, this.z * walkers, walkers]);
    this.site = Int32Array.from({ length: walkers }, (_, w) => startSite(w));
    this.displacement = new Int32Array(3 * walkers);
    for (let w = 0; w < walkers; w++) this.setWalkerRates(w);
  }

  execute(slot: number): void {
    const hopSlots = this.z * this.walkers;
    if (slot >= 2 * hopSlots) {
      this.slowEvents++;
      this.phase = (this.phase + 1) % this.phases.length;
      for (let w = 0; w < this.walkers; w++) this.setWalkerRates(w);
      this.onSlowEvent?.();
      return;
    }
    const local = slot >= hopSlots ? slot - hopSlots : slot;
    const w = (local / this.z) | 0;
    const k = local - this.z * w;
    const entry = this.z * this.site[w]! + k;
    for (let c = 0; c < 3; c++) this.displacement[3 * w + c]! += this.lattice.jump[3 * entry + c]!;
    this.site[w] = this.lattice.neighbors.index[entry]!;
    this.setWalkerRates(w);
  }

  state(): { site: number[]; displacement: number[]; phase: number; slowEvents: number } {
    return { site: Array.from(this.site), displacement: Array.from(this.displacement), phase: this.phase, slowEvents: this.slowEvents };
  }

  restore(state: ReturnType<TetraWalkersModel['state']>): void {
    this.site.set(state.site);
    this.displacement.set(state.displacement);
    this.phase = state.phase;
    this.slowEvents = state.slowEvents;
    for (let w = 0; w < this.walkers; w++) this.setWalkerRates(w);
  }

  onCationSite(w: number): boolean {
    return this.lattice.kind[this.site[w]!] === InterstitialKind.TetraCation;
  }

  private setWalkerRates(w: number): void {
    const rates = this.phases[this.phase]!;
    const onCation = this.onCationSite(w);
    const hopSlots = this.z * this.walkers;
    for (let k = 0; k < this.z; k++) {
      this.solver.update(this.z * w + k, onCation ? rates.fromCationSiteHz : 0);
      this.solver.update(hopSlots + this.z * w + k, onCation ? 0 : rates.fromAnionSiteHz);
    }
    this.solver.update(2 * hopSlots + w, onCation ? rates.slowHz : 0);
  }
}

/**
 * Tracks every atom's unwrapped displacement (lattice units) on top of a vacancy-exchange model, and the sum of
 * (d_prev . d)/lambda^2 over consecutive jumps of the same atom (the mean cosine between successive tracer jumps).
 */
export class TracerModel implements KmcModel {
  readonly atomAt: Int32Array;
  readonly displacement: Int32Array;
  jumps = 0;
  cosineSum = 0;
  jumpPairs = 0;
  private readonly lastJump: Int32Array;
  constructor(readonly inner: VacancyExchangeModel) {
    this.atomAt = Int32Array.from(inner.occupant, (o, s) => (o === Occupant.Vacancy ? -1 : s));
    this.displacement = new Int32Array(3 * inner.lattice.siteCount);
    this.lastJump = new Int32Array(3 * inner.lattice.siteCount);
  }
  execute(slot: number): void {
    const vacancySite = this.inner.vacancySite[Math.floor(slot / SLOTS_PER_VACANCY)]!;
    const entry = this.inner.lattice.coordination * vacancySite + (slot % SLOTS_PER_VACANCY);
    const atomSite = this.inner.lattice.neighbors.index[entry]!;
    const atom = this.atomAt[atomSite]!;
    // The atom jumps opposite to the vacancy's jump vector; lastJump is (0,0,0) before the atom's first jump.
    const j = 3 * atom;
    const hadJumped = (this.lastJump[j]! | this.lastJump[j + 1]! | this.lastJump[j + 2]!) !== 0;
    let dot = 0;
    let lengthSquared = 0;
    for (let c = 0; c < 3; c++) {
      const d = -this.inner.lattice.jump[3 * entry + c]!;
      this.displacement[j + c]! += d;
      dot += d * this.lastJump[j + c]!;
      lengthSquared += d * d;
      this.lastJump[j + c] = d;
    }
    if (hadJumped) {
      this.cosineSum += dot / lengthSquared;
      this.jumpPairs++;
    }
    this.atomAt[vacancySite] = atom;
    this.atomAt[atomSite] = -1;
    this.jumps++;
    this.inner.execute(slot);
  }
}

/** An engine on a model that exposes its solver, seeded. */
export function engineFor(model: KmcModel & { solver: Solver }, seed: string | number): KmcEngine {
  return new KmcEngine(model.solver, model, createRng(seed));
}

/** Mean and standard error of the mean. */
export function meanAndError(values: ArrayLike<number>): { mean: number; error: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return { mean, error: Math.sqrt(ss / (n - 1) / n) };
}
