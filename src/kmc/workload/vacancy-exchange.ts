// The standard speed workload (issue 3): vacancies exchanging with A/B atoms on a periodic fcc lattice. Rates
// nu exp(-Q/kT), Q = Q0 + 0.05|J - I| + 0.01 (I + J)/2 eV (a benchmark definition, not a physical material).
import { createRng, type Rng } from '../../rng.js';
import { arrheniusHz, BOLTZMANN_EV_PER_K } from '../../units.js';
import { KmcEngine, type KmcModel } from '../engine.js';
import { createTreeSolver, type Solver } from '../solver.js';
import { buildPeriodicFcc, buildTwoHopCellPattern, type PeriodicLattice } from './periodic-lattice.js';

/** Site occupants of the workload (ids used in the typed arrays). */
export const Occupant = { A: 0, B: 1, Vacancy: 2 } as const;

/** The workload's fixed parameters: kT 0.025 eV, nu = 1 Hz, Q0 0.30 eV (A) and 0.25 eV (B). */
export const VACANCY_WORKLOAD = {
  thermalEnergyEv: 0.025,
  attemptHz: 1,
  baseBarrierEv: [0.3, 0.25] as const,
  mismatchEv: 0.05,
  coordinationEv: 0.01,
  vacancyFraction: 0.05,
} as const;

/** Largest same-species neighbour count on fcc (table size per index). */
const MAX_COUNT = 12;
const COUNTS = MAX_COUNT + 1;

/**
 * Exchange barrier, eV: I = same-species neighbours of the atom at its own site, J = same-species neighbours of the
 * vacant destination not counting the atom itself.
 */
export function exchangeBarrierEv(species: number, sameAtOriginI: number, sameAtDestinationJ: number): number {
  const p = VACANCY_WORKLOAD;
  return (
    p.baseBarrierEv[species as 0 | 1] +
    p.mismatchEv * Math.abs(sameAtDestinationJ - sameAtOriginI) +
    (p.coordinationEv * (sameAtOriginI + sameAtDestinationJ)) / 2
  );
}

/** Rate table indexed [(species * 13 + I) * 13 + J], 1/s: no exp() in the hot loop. */
function buildRateTable(): Float64Array {
  const temperatureK = VACANCY_WORKLOAD.thermalEnergyEv / BOLTZMANN_EV_PER_K;
  const table = new Float64Array(2 * COUNTS * COUNTS);
  for (let x = 0; x < 2; x++)
    for (let i = 0; i < COUNTS; i++)
      for (let j = 0; j < COUNTS; j++)
        table[(x * COUNTS + i) * COUNTS + j] = arrheniusHz(VACANCY_WORKLOAD.attemptHz, exchangeBarrierEv(x, i, j), temperatureK);
  return table;
}

/** Checkpointable model state (JSON). Vacancy order matters: vacancy v owns slots 12v .. 12v+11. */
export interface VacancyExchangeState {
  occupant: number[];
  vacancySite: number[];
}

/**
 * Vacancy-owned events: vacancy v owns slots z*v + k, the exchange with neighbour k of its site. After a swap the
 * rates that can change are those of vacancies within two hops of the two changed sites; only those are refreshed.
 */
export class VacancyExchangeModel implements KmcModel {
  readonly solver: Solver;
  readonly vacancyCount: number;
  /** Occupant of each site (Occupant ids). */
  readonly occupant: Uint8Array;
  /** Site of each vacancy, and the vacancy on each site (-1 if none). */
  readonly vacancySite: Int32Array;
  readonly siteVacancy: Int32Array;
  /** Per site, the number of A and of B neighbours: sameCount[2*site + species]. */
  private readonly sameCount: Uint8Array;
  private readonly rateTable = buildRateTable();
  private readonly neighbor: Int32Array;
  private readonly z: number;
  /** Per cell, a bitmask of its vacant sites; and which sites of the 27 surrounding cells lie within two hops. */
  private readonly cellVacancies: Uint8Array;
  private readonly twoHopPattern: Uint8Array;
  /** Per-vacancy marker so that a vacancy near both changed sites is refreshed once per event. */
  private readonly refreshedAt: Int32Array;
  /** Per-site marker of the sites whose occupant or neighbour counts changed in the current event. */
  private readonly changedAt: Int32Array;
  private epoch = 0;
  /** Rates of one vacancy's slots being recomputed, and of one slot (no allocation per event). */
  private readonly scratchHz: Float64Array;
  private readonly oneRateHz = new Float64Array(1);

  constructor(
    readonly lattice: PeriodicLattice,
    occupancy: Uint8Array,
  ) {
    if (occupancy.length !== lattice.siteCount) {
      throw new RangeError(`occupancy has ${occupancy.length} entries, the lattice ${lattice.siteCount} sites`);
    }
    this.z = lattice.coordination;
    this.neighbor = lattice.neighbors.index;
    this.twoHopPattern = buildTwoHopCellPattern(lattice);
    this.cellVacancies = new Uint8Array(lattice.cells ** 3);
    this.occupant = Uint8Array.from(occupancy);
    this.vacancyCount = occupancy.reduce((n, o) => n + (o === Occupant.Vacancy ? 1 : 0), 0);
    this.vacancySite = new Int32Array(this.vacancyCount);
    this.siteVacancy = new Int32Array(lattice.siteCount);
    this.sameCount = new Uint8Array(2 * lattice.siteCount);
    this.refreshedAt = new Int32Array(this.vacancyCount);
    this.changedAt = new Int32Array(lattice.siteCount);
    this.scratchHz = new Float64Array(this.z);
    this.solver = createTreeSolver([this.z * this.vacancyCount]);
    const vacancySite: number[] = [];
    occupancy.forEach((o, site) => {
      if (o > Occupant.Vacancy) throw new RangeError(`occupancy[${site}] = ${o}: expected 0 (A), 1 (B) or 2 (vacancy)`);
      if (o === Occupant.Vacancy) vacancySite.push(site);
    });
    this.placeVacancies(vacancySite);
  }

  execute(slot: number): void {
    const z = this.z;
    const v = (slot / z) | 0;
    const from = this.vacancySite[v]!; // the vacancy's site: the atom moves here
    const to = this.neighbor[slot - z * v + z * from]!; // the atom's site: the vacancy moves here
    const occupant = this.occupant;
    const species = occupant[to]!;
    occupant[from] = species;
    occupant[to] = Occupant.Vacancy;
    this.vacancySite[v] = to;
    this.siteVacancy[to] = v;
    this.siteVacancy[from] = -1;
    const basisCount = this.lattice.basisCount;
    this.cellVacancies[(from / basisCount) | 0]! &= ~(1 << from % basisCount);
    this.cellVacancies[(to / basisCount) | 0]! |= 1 << to % basisCount;
    const { neighbor, sameCount, changedAt } = this;
    if (++this.epoch === 0x3fffffff) {
      // Int32 markers (half the cache footprint of doubles); restart before the epoch leaves the small-integer range.
      this.epoch = 1;
      this.changedAt.fill(0);
      this.refreshedAt.fill(0);
    }
    const epoch = this.epoch;
    changedAt[from] = epoch;
    changedAt[to] = epoch;
    for (let e = z * from, end = e + z; e < end; e++) {
      const m = neighbor[e]!;
      sameCount[2 * m + species]!++;
      changedAt[m] = epoch;
    }
    for (let e = z * to, end = e + z; e < end; e++) {
      const m = neighbor[e]!;
      sameCount[2 * m + species]!--;
      changedAt[m] = epoch;
    }
    this.refreshNear(from, epoch);
    this.refreshNear(to, epoch);
  }

  /** Rate of one slot from a plain neighbour scan (no incremental counts): the check mode's reference. */
  recomputeRate(slot: number): number {
    const z = this.z;
    const v = (slot / z) | 0;
    const site = this.vacancySite[v]!;
    const atomSite = this.neighbor[z * site + slot - z * v]!;
    const species = this.occupant[atomSite]!;
    if (species === Occupant.Vacancy) return 0;
    let sameI = 0;
    let sameJ = 0;
    for (let k = 0; k < z; k++) {
      if (this.occupant[this.neighbor[z * atomSite + k]!] === species) sameI++;
      const n = this.neighbor[z * site + k]!;
      if (n !== atomSite && this.occupant[n] === species) sameJ++;
    }
    return arrheniusHz(VACANCY_WORKLOAD.attemptHz, exchangeBarrierEv(species, sameI, sameJ), VACANCY_WORKLOAD.thermalEnergyEv / BOLTZMANN_EV_PER_K);
  }

  state(): VacancyExchangeState {
    return { occupant: Array.from(this.occupant), vacancySite: Array.from(this.vacancySite) };
  }

  restore(state: VacancyExchangeState): void {
    if (state.occupant.length !== this.occupant.length || state.vacancySite.length !== this.vacancyCount) {
      throw new RangeError('vacancy-exchange state does not match this lattice / vacancy count');
    }
    this.occupant.set(state.occupant);
    this.placeVacancies(state.vacancySite);
  }

  /** Set vacancy order, neighbour counts and every rate from scratch. */
  private placeVacancies(vacancySite: ArrayLike<number>): void {
    const { occupant, sameCount, neighbor, z } = this;
    this.siteVacancy.fill(-1);
    this.cellVacancies.fill(0);
    const basisCount = this.lattice.basisCount;
    for (let v = 0; v < this.vacancyCount; v++) {
      const site = vacancySite[v]!;
      if (occupant[site] !== Occupant.Vacancy) throw new RangeError(`vacancy ${v}: site ${site} is not vacant`);
      this.vacancySite[v] = site;
      this.siteVacancy[site] = v;
      this.cellVacancies[(site / basisCount) | 0]! |= 1 << site % basisCount;
    }
    sameCount.fill(0);
    for (let site = 0; site < occupant.length; site++) {
      for (let k = 0; k < z; k++) {
        const o = occupant[neighbor[z * site + k]!]!;
        if (o !== Occupant.Vacancy) sameCount[2 * site + o]!++;
      }
    }
    for (let v = 0; v < this.vacancyCount; v++) this.refreshVacancy(v);
  }

  /** Slot (v, k) depends on the occupant and counts at neighbour k and the counts at v's site: recompute only those that changed. */
  private refreshChanged(v: number, epoch: number): void {
    const { changedAt, neighbor, z } = this;
    const site = this.vacancySite[v]!;
    if (changedAt[site] === epoch) {
      this.refreshVacancy(v);
      return;
    }
    for (let k = 0; k < z; k++) {
      const atomSite = neighbor[z * site + k]!;
      if (changedAt[atomSite] !== epoch) continue;
      const rateHz = this.slotRateHz(site, atomSite);
      if (this.solver.rate(z * v + k) !== rateHz) {
        // Through a typed array: a double passed to a call V8 does not inline (update) would be boxed.
        this.oneRateHz[0] = rateHz;
        this.solver.updateRange(z * v + k, this.oneRateHz, 1);
      }
    }
  }

  /** Refresh every vacancy within two hops of `site`, once per event: 27 cell masks instead of a 54-entry table. */
  private refreshNear(site: number, epoch: number): void {
    const { cellVacancies, twoHopPattern, siteVacancy, refreshedAt } = this;
    const { cells, basisCount } = this.lattice;
    const cell = (site / basisCount) | 0;
    const patternRow = 27 * (site - basisCount * cell);
    const cz = cell % cells;
    const cy = ((cell / cells) | 0) % cells;
    const cx = (cell / (cells * cells)) | 0;
    let d = 0;
    for (let dx = -1; dx <= 1; dx++) {
      const x = cx + dx < 0 ? cx + dx + cells : cx + dx >= cells ? cx + dx - cells : cx + dx;
      for (let dy = -1; dy <= 1; dy++) {
        const y = cy + dy < 0 ? cy + dy + cells : cy + dy >= cells ? cy + dy - cells : cy + dy;
        const row = (x * cells + y) * cells;
        for (let dz = -1; dz <= 1; dz++, d++) {
          const z = cz + dz < 0 ? cz + dz + cells : cz + dz >= cells ? cz + dz - cells : cz + dz;
          let mask = cellVacancies[row + z]! & twoHopPattern[patternRow + d]!;
          while (mask !== 0) {
            const lowest = mask & -mask;
            mask ^= lowest;
            const v = siteVacancy[basisCount * (row + z) + 31 - Math.clz32(lowest)]!;
            if (refreshedAt[v] === epoch) continue;
            refreshedAt[v] = epoch;
            this.refreshChanged(v, epoch);
          }
        }
      }
    }
  }

  /** Recompute all z slots of vacancy v from the tables; touch the solver only where a rate changed. */
  private refreshVacancy(v: number): void {
    const { neighbor, solver, z, scratchHz } = this;
    const site = this.vacancySite[v]!;
    const first = z * v;
    let changed = 0;
    for (let k = 0; k < z; k++) {
      const rateHz = this.slotRateHz(site, neighbor[z * site + k]!);
      scratchHz[k] = rateHz;
      if (solver.rate(first + k) !== rateHz) changed++;
    }
    if (changed === 0) return;
    // A moved vacancy changes most of its slots: one range update shares the tree climb; a far one changes 1-2.
    if (changed > 2) {
      solver.updateRange(first, scratchHz, z);
      return;
    }
    for (let k = 0; k < z; k++) {
      if (solver.rate(first + k) === scratchHz[k]) continue;
      this.oneRateHz[0] = scratchHz[k]!;
      solver.updateRange(first + k, this.oneRateHz, 1);
    }
  }

  /** Rate of the exchange of the vacancy at `site` with its neighbour `atomSite`, 1/s (0 if that is vacant too). */
  private slotRateHz(site: number, atomSite: number): number {
    const species = this.occupant[atomSite]!;
    if (species === Occupant.Vacancy) return 0;
    const sameCount = this.sameCount;
    return this.rateTable[(species * COUNTS + sameCount[2 * atomSite + species]!) * COUNTS + sameCount[2 * site + species]! - 1]!;
  }
}

export interface VacancyWorkloadOptions {
  /** Cubic cells per edge, L (4 L^3 sites). */
  cells: number;
  /** Seed of the stream that places vacancies and species and then drives the engine. */
  seed: number | string;
  /** Fraction of sites vacant (default 0.05). */
  vacancyFraction?: number;
}

export interface VacancyWorkload {
  readonly lattice: PeriodicLattice;
  readonly model: VacancyExchangeModel;
  readonly engine: KmcEngine;
}

/** Random occupancy: round(fraction * sites) vacancies at random sites, every other site A or B with probability 1/2. */
export function randomOccupancy(siteCount: number, vacancyFraction: number, rng: Rng): Uint8Array {
  const occupancy = new Uint8Array(siteCount);
  for (let i = 0; i < siteCount; i++) occupancy[i] = rng.next() < 0.5 ? Occupant.A : Occupant.B;
  const order = new Int32Array(siteCount);
  for (let i = 0; i < siteCount; i++) order[i] = i;
  const vacancies = Math.round(vacancyFraction * siteCount);
  for (let i = 0; i < vacancies; i++) {
    // Partial Fisher-Yates: the first `vacancies` entries become a uniform random subset.
    const j = i + Math.floor(rng.next() * (siteCount - i));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
    occupancy[order[i]!] = Occupant.Vacancy;
  }
  return occupancy;
}

/** The standard workload, wired to the real engine (tree solver, one group). */
export function createVacancyWorkload(options: VacancyWorkloadOptions): VacancyWorkload {
  const fraction = options.vacancyFraction ?? VACANCY_WORKLOAD.vacancyFraction;
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`vacancyFraction must be in (0, 1), got ${fraction}`);
  const lattice = buildPeriodicFcc(options.cells);
  const rng = createRng(options.seed);
  const model = new VacancyExchangeModel(lattice, randomOccupancy(lattice.siteCount, fraction, rng));
  return { lattice, model, engine: new KmcEngine(model.solver, model, rng) };
}

