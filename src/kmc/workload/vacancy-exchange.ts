// The standard speed workload (issue 3): vacancies exchanging with A/B atoms on a periodic fcc lattice. Rates
// nu exp(-Q/kT), Q = Q0 + 0.05|J - I| + 0.01 (I + J)/2 eV (a benchmark definition, not a physical material).
import { createRng, type Rng } from '../../rng.js';
import { arrheniusHz, BOLTZMANN_EV_PER_K } from '../../units.js';
import { KmcEngine, type KmcModel } from '../engine.js';
import { createTreeSolver, type Solver } from '../solver.js';
import { buildNeighborOffsets, buildPeriodicFcc, type PeriodicLattice } from './periodic-lattice.js';

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

/**
 * Per-site state word (one small integer per site, so an event reads and writes one word per neighbour): bits
 * 4x..4x+3 count the neighbours of species x (A, B), bit VACANT_SHIFT + k is set when neighbour k is vacant, then the
 * occupant (2 bits) and the site's row in the neighbour-offset table (8 bits): 30 bits. Counts fit 4 bits and the mask
 * 12 bits while the coordination is at most 12.
 */
const MAX_COORDINATION = 12;
const COUNT_MASK = 15;
const VACANT_SHIFT = 8;
const VACANT_BITS = ((1 << MAX_COORDINATION) - 1) << VACANT_SHIFT;
const OCCUPANT_SHIFT = VACANT_SHIFT + MAX_COORDINATION;
const OCCUPANT_MASK = 3;
const ROW_SHIFT = OCCUPANT_SHIFT + 2;

/**
 * Rate table indexed (occupant << 8) | (I << 4) | (J + 1), 1/s, with J + 1 the same-species count at the vacant site
 * (which includes the atom itself): both counts come straight out of the state words, and the third block (occupant
 * = vacancy) is all zeros, so a slot facing another vacancy needs no branch. Unreachable entries are NaN (loud).
 */
function buildRateTable(): Float64Array {
  const temperatureK = VACANCY_WORKLOAD.thermalEnergyEv / BOLTZMANN_EV_PER_K;
  const table = new Float64Array(3 << 8);
  table.fill(Number.NaN, 0, 2 << 8);
  for (let x = 0; x < 2; x++)
    for (let i = 0; i <= MAX_COORDINATION; i++)
      for (let j = 0; j < MAX_COORDINATION; j++)
        table[(x << 8) | (i << 4) | (j + 1)] = arrheniusHz(VACANCY_WORKLOAD.attemptHz, exchangeBarrierEv(x, i, j), temperatureK);
  return table;
}

/** Checkpointable model state (JSON). Vacancy order matters: vacancy v owns slots 16 v + k. */
export interface VacancyExchangeState {
  occupant: number[];
  vacancySite: number[];
}

/**
 * A direction (neighbour index k < 12) takes 4 bits: vacancy v owns slots (v << 4) | k, the exchange with neighbour k
 * (16 slots, one tree-solver block, so that all of a vacancy's rates share one block sum and one tree climb; the slots
 * past the coordination stay at rate 0), and the offset table has 16 entries per row. Local literal constants: V8
 * folds them, while an imported or exported binding is loaded and checked on every use.
 */
const DIRECTION_BITS = 4;
const DIRECTION_MASK = 15;
export const SLOTS_PER_VACANCY = 1 << DIRECTION_BITS;

/**
 * Direction tables of a lattice whose sites all have the same jump vectors (fcc): the opposite of each direction, and
 * for an exchange along direction k (vacancy at `from`, atom at `to` = from + jump k) the neighbours of `from` and of
 * `to` that are also neighbours of the other site (their counts change by +1 - 1 = 0). Vectors compare modulo the box.
 */
function directionTables(lattice: PeriodicLattice): { opposite: Int32Array; sharedOfFrom: Int32Array; sharedOfTo: Int32Array } {
  const { coordination: z, jump, boxUnits, siteCount } = lattice;
  for (let e = 0; e < z * siteCount; e++) {
    for (let c = 0; c < 3; c++) {
      if (jump[3 * e + c] !== jump[3 * (e % z) + c]) throw new RangeError('vacancy exchange needs the same jump vectors at every site');
    }
  }
  const directions = Array.from({ length: z }, (_, m) => m);
  const vector = (k: number): number[] => [jump[3 * k]!, jump[3 * k + 1]!, jump[3 * k + 2]!];
  const isJump = (d: readonly number[]): ((m: number) => boolean) => (m) => vector(m).every((x, c) => (d[c]! - x) % boxUnits === 0);
  const opposite = new Int32Array(z);
  const sharedOfFrom = new Int32Array(z);
  const sharedOfTo = new Int32Array(z);
  for (let k = 0; k < z; k++) {
    const jk = vector(k);
    opposite[k] = directions.find(isJump(jk.map((x) => -x)))!;
    for (let j = 0; j < z; j++) {
      const jj = vector(j);
      if (directions.some(isJump(jj.map((x, c) => x - jk[c]!)))) sharedOfFrom[k]! |= 1 << j;
      if (directions.some(isJump(jj.map((x, c) => x + jk[c]!)))) sharedOfTo[k]! |= 1 << j;
    }
  }
  return { opposite, sharedOfFrom, sharedOfTo };
}

/**
 * Vacancy-owned events on a lattice with at most 12 neighbours per site. The rate of slot (v, k) depends on the
 * occupant and counts at the atom's site and the counts at v's site. An exchange changes the occupants of its two sites
 * and the moving species' count at the sites next to exactly one of them; the rates refreshed are those reading a
 * changed input, found through the vacant-neighbour masks of the changed sites (no search, no comparison of rates).
 */
export class VacancyExchangeModel implements KmcModel {
  readonly solver: Solver;
  readonly vacancyCount: number;
  /** Occupant of each site (Occupant ids). */
  readonly occupant: Uint8Array;
  /** Site of each vacancy, and the vacancy on each site (-1 if none). */
  readonly vacancySite: Int32Array;
  readonly siteVacancy: Int32Array;
  /** Per-site state words (layout above). */
  private readonly word: Int32Array;
  private readonly rateTable = buildRateTable();
  /** Neighbour k of site i is i + offset[(row << 4) | k], row = word[i] >>> ROW_SHIFT (buildNeighborOffsets). */
  private readonly offset: Int32Array;
  private readonly z: number;
  private readonly opposite: Int32Array;
  /** Per direction k of the exchange: neighbours of `from` (`to` included) and of `to` whose counts do not change. */
  private readonly unchangedOfFrom: Int32Array;
  private readonly unchangedOfTo: Int32Array;
  /** Rates of one vacancy's slots being recomputed (no allocation per event). */
  private readonly scratchHz: Float64Array;
  /** Per direction j: the vacant-neighbour bit that the neighbour in direction j has for this site. */
  private readonly vacantBit: Int32Array;
  /** This event's sites with a changed count whose rates change: vacancies and atoms of the moving species with vacant neighbours. */
  private readonly changed = new Int32Array(2 * MAX_COORDINATION);

  constructor(
    readonly lattice: PeriodicLattice,
    occupancy: Uint8Array,
  ) {
    if (occupancy.length !== lattice.siteCount) {
      throw new RangeError(`occupancy has ${occupancy.length} entries, the lattice ${lattice.siteCount} sites`);
    }
    const z = lattice.coordination;
    if (z > MAX_COORDINATION) throw new RangeError(`coordination ${z} > ${MAX_COORDINATION} does not fit the state word`);
    this.z = z;
    const { offset, rowOfSite, rowCount } = buildNeighborOffsets(lattice);
    this.offset = new Int32Array(rowCount << DIRECTION_BITS);
    for (let row = 0; row < rowCount; row++) this.offset.set(offset.subarray(z * row, z * row + z), row << DIRECTION_BITS);
    const { opposite, sharedOfFrom, sharedOfTo } = directionTables(lattice);
    this.opposite = opposite;
    this.vacantBit = opposite.map((back) => 1 << (VACANT_SHIFT + back));
    this.unchangedOfFrom = sharedOfFrom.map((mask, k) => mask | (1 << k));
    this.unchangedOfTo = sharedOfTo;
    this.occupant = Uint8Array.from(occupancy);
    this.vacancyCount = occupancy.reduce((n, o) => n + (o === Occupant.Vacancy ? 1 : 0), 0);
    this.vacancySite = new Int32Array(this.vacancyCount);
    this.siteVacancy = new Int32Array(lattice.siteCount);
    this.word = Int32Array.from(rowOfSite, (row) => row << ROW_SHIFT);
    this.scratchHz = new Float64Array(z);
    this.solver = createTreeSolver([this.vacancyCount << DIRECTION_BITS]);
    const vacancySite: number[] = [];
    occupancy.forEach((o, site) => {
      if (o > Occupant.Vacancy) throw new RangeError(`occupancy[${site}] = ${o}: expected 0 (A), 1 (B) or 2 (vacancy)`);
      if (o === Occupant.Vacancy) vacancySite.push(site);
    });
    this.placeVacancies(vacancySite);
  }

  execute(slot: number): void {
    const { z, offset, word } = this;
    const v = slot >> DIRECTION_BITS;
    const k = slot & DIRECTION_MASK;
    const from = this.vacancySite[v]!; // the vacancy's site: the atom moves here
    const fromWord = word[from]!;
    const fromRow = (fromWord >>> ROW_SHIFT) << DIRECTION_BITS;
    const to = from + offset[fromRow + k]!; // the atom's site: the vacancy moves here
    const toWord = word[to]!;
    const toRow = (toWord >>> ROW_SHIFT) << DIRECTION_BITS;
    const species = (toWord >>> OCCUPANT_SHIFT) & OCCUPANT_MASK;
    this.occupant[from] = species;
    this.occupant[to] = Occupant.Vacancy;
    this.vacancySite[v] = to;
    this.siteVacancy[to] = v;
    this.siteVacancy[from] = -1;
    // The occupant bits of `from` are Vacancy (2) and those of `to` are `species`.
    word[from] = fromWord - ((Occupant.Vacancy - species) << OCCUPANT_SHIFT);
    word[to] = toWord + ((Occupant.Vacancy - species) << OCCUPANT_SHIFT);

    // Each neighbour of `from` gains a `species` neighbour and loses a vacant one, each neighbour of `to` the reverse.
    const unit = 1 << (species << 2);
    const listed = this.shiftNeighbours(from, fromRow, true, unit, this.unchangedOfFrom[k]!, species, 0);
    const count = this.shiftNeighbours(to, toRow, false, unit, this.unchangedOfTo[k]!, species, listed);

    this.refreshVacancy(v, to);
    const { opposite, changed } = this;
    const zMask = (1 << z) - 1;
    // Vacancies next to `to` lose their exchange with it (its atom left).
    for (let mask = (word[to]! >> VACANT_SHIFT) & zMask; mask !== 0; mask &= mask - 1) {
      const b = 31 - Math.clz32(mask & -mask);
      this.solver.update(this.slotOf(to + offset[toRow + b]!, opposite[b]!), 0);
    }
    for (let i = 0; i < count; i++) {
      const site = changed[i]!;
      const w = word[site]!;
      // A listed vacancy has a new J for its exchanges with `species` atoms.
      if (((w >>> OCCUPANT_SHIFT) & OCCUPANT_MASK) === Occupant.Vacancy) {
        this.refreshVacancy(this.siteVacancy[site]!, site);
        continue;
      }
      // A listed atom has a new I for its exchange with each vacant neighbour (`from`, now such an atom, is a
      // neighbour of `to`; the moved vacancy was refreshed whole).
      const row = (w >>> ROW_SHIFT) << DIRECTION_BITS;
      for (let mask = (w >> VACANT_SHIFT) & zMask; mask !== 0; mask &= mask - 1) {
        const b = 31 - Math.clz32(mask & -mask);
        const vacant = site + offset[row + b]!;
        if (vacant !== to) this.solver.update(this.slotOf(vacant, opposite[b]!), this.rateHz(w, word[vacant]!));
      }
    }
  }

  /**
   * Add (`gain`) or remove one `species` neighbour at every neighbour of `center` and clear (or set) their vacant bit
   * for `center`. Neighbours whose count changes (bit clear in `unchanged`) and whose rates then change, i.e. vacancies
   * and `species` atoms with vacant neighbours, are appended to `changed` from `count` on, without branches (the species
   * test is a coin flip). Returns the new count.
   */
  private shiftNeighbours(center: number, row: number, gain: boolean, unit: number, unchanged: number, species: number, count: number): number {
    const { word, offset, vacantBit, changed, z } = this;
    let n = count;
    for (let j = 0; j < z; j++) {
      const site = center + offset[row + j]!;
      const w = (word[site]! += gain ? unit - vacantBit[j]! : vacantBit[j]! - unit);
      const occupant = (w >>> OCCUPANT_SHIFT) & OCCUPANT_MASK;
      changed[n] = site;
      n += (((unchanged >> j) & 1) ^ 1) & (Number(occupant === Occupant.Vacancy) | (Number(occupant === species) & Number((w & VACANT_BITS) !== 0)));
    }
    return n;
  }

  /** Rate of one slot from a plain neighbour scan (no incremental counts): the check mode's reference. */
  recomputeRate(slot: number): number {
    const z = this.z;
    const direction = slot & DIRECTION_MASK;
    if (direction >= z) return 0;
    const neighbor = this.lattice.neighbors.index;
    const site = this.vacancySite[slot >> DIRECTION_BITS]!;
    const atomSite = neighbor[z * site + direction]!;
    const species = this.occupant[atomSite]!;
    if (species === Occupant.Vacancy) return 0;
    let sameI = 0;
    let sameJ = 0;
    for (let k = 0; k < z; k++) {
      if (this.occupant[neighbor[z * atomSite + k]!] === species) sameI++;
      const n = neighbor[z * site + k]!;
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

  /** Set vacancy order, state words (keeping their rows) and every rate from scratch. */
  private placeVacancies(vacancySite: ArrayLike<number>): void {
    const { occupant, word, z } = this;
    const neighbor = this.lattice.neighbors.index;
    this.siteVacancy.fill(-1);
    for (let v = 0; v < this.vacancyCount; v++) {
      const site = vacancySite[v]!;
      if (occupant[site] !== Occupant.Vacancy) throw new RangeError(`vacancy ${v}: site ${site} is not vacant`);
      this.vacancySite[v] = site;
      this.siteVacancy[site] = v;
    }
    for (let site = 0; site < occupant.length; site++) {
      let w = (word[site]! & ~((1 << ROW_SHIFT) - 1)) | (occupant[site]! << OCCUPANT_SHIFT); // the row stays
      for (let k = 0; k < z; k++) {
        const o = occupant[neighbor[z * site + k]!]!;
        w += o === Occupant.Vacancy ? 1 << (VACANT_SHIFT + k) : 1 << (o << 2);
      }
      word[site] = w;
    }
    for (let v = 0; v < this.vacancyCount; v++) this.refreshVacancy(v, this.vacancySite[v]!);
  }

  /** Slot of the exchange of the vacancy at `site` with its neighbour k. */
  private slotOf(site: number, k: number): number {
    return (this.siteVacancy[site]! << DIRECTION_BITS) | k;
  }

  /** Recompute all z slots of vacancy v at `site` (one solver block: writing all costs less than comparing). */
  private refreshVacancy(v: number, site: number): void {
    const { offset, word, z, scratchHz } = this;
    const vacantWord = word[site]!;
    const row = (vacantWord >>> ROW_SHIFT) << DIRECTION_BITS;
    for (let k = 0; k < z; k++) scratchHz[k] = this.rateHz(word[site + offset[row + k]!]!, vacantWord);
    this.solver.updateRange(v << DIRECTION_BITS, scratchHz, z);
  }

  /** Rate of an exchange, 1/s, from the state words of the atom's site and of the vacancy's (0 if both are vacant). */
  private rateHz(atomWord: number, vacantWord: number): number {
    const species = (atomWord >>> OCCUPANT_SHIFT) & OCCUPANT_MASK;
    const shift = species << 2;
    return this.rateTable[(species << 8) | (((atomWord >> shift) & COUNT_MASK) << 4) | ((vacantWord >> shift) & COUNT_MASK)]!;
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

