import { describe, expect, it } from 'vitest';
import { verifySolver } from '../../src/kmc/check.js';
import { buildNeighborOffsets, buildPeriodicFcc, buildPeriodicTetraNetwork, type PeriodicLattice } from '../../src/kmc/workload/periodic-lattice.js';
import { createVacancyWorkload, exchangeBarrierEv, Occupant, SLOTS_PER_VACANCY } from '../../src/kmc/workload/vacancy-exchange.js';
import { TREE_BLOCK_SLOTS } from '../../src/kmc/solver.js';
import { InterstitialKind, type Csr } from '../../src/lattice/types.js';

/** Squared minimum-image distance between sites i and j, in coordinate units. */
function distance2(lattice: PeriodicLattice, i: number, j: number): number {
  let d2 = 0;
  for (let c = 0; c < 3; c++) {
    let d = lattice.coord[3 * j + c]! - lattice.coord[3 * i + c]!;
    d -= lattice.boxUnits * Math.round(d / lattice.boxUnits);
    d2 += d * d;
  }
  return d2;
}

/** The site and every site within two hops of it (graph distance on the neighbour table), without repeats. */
function sitesWithinTwoHops(neighbors: Csr, site: number): number[] {
  const found = new Set<number>([site]);
  for (let e = neighbors.start[site]!; e < neighbors.start[site + 1]!; e++) {
    const m = neighbors.index[e]!;
    found.add(m);
    for (let f = neighbors.start[m]!; f < neighbors.start[m + 1]!; f++) found.add(neighbors.index[f]!);
  }
  return [...found];
}

describe('periodic lattices', () => {
  it('buildPeriodicFcc(L) has 4 L^3 sites, each with 12 distinct neighbours at a/sqrt2 (2 units of (a/2)^2)', () => {
    const lattice = buildPeriodicFcc(3);
    expect(lattice.siteCount).toBe(108);
    for (let i = 0; i < lattice.siteCount; i++) {
      const row = Array.from(lattice.neighbors.index.subarray(12 * i, 12 * i + 12));
      expect(new Set(row).size).toBe(12);
      for (const j of row) expect(distance2(lattice, i, j)).toBe(2);
    }
  });

  it('buildPeriodicTetraNetwork(L) has 8 L^3 T sites, 4 neighbours of the other kind at sqrt(3)a/4 (3 units of (a/4)^2)', () => {
    const lattice = buildPeriodicTetraNetwork(2);
    expect(lattice.siteCount).toBe(64);
    expect(lattice.kind.filter((k) => k === InterstitialKind.TetraCation).length).toBe(32);
    for (let i = 0; i < lattice.siteCount; i++) {
      for (let k = 0; k < 4; k++) {
        const j = lattice.neighbors.index[4 * i + k]!;
        expect(distance2(lattice, i, j)).toBe(3);
        expect(lattice.kind[j]).not.toBe(lattice.kind[i]);
      }
    }
  });

  it('fcc two-hop neighbourhoods hold the site and 4 shells 12 + 6 + 24 + 12 (squared distances 2, 4, 6, 8)', () => {
    const lattice = buildPeriodicFcc(4);
    const shells = new Map<number, number>();
    for (const other of sitesWithinTwoHops(lattice.neighbors, 5)) {
      const d2 = distance2(lattice, 5, other);
      shells.set(d2, (shells.get(d2) ?? 0) + 1);
    }
    expect(Object.fromEntries(shells)).toEqual({ 0: 1, 2: 12, 4: 6, 6: 24, 8: 12 });
  });

  it('neighbour offsets reproduce the neighbour table at every site, with at most 27 rows per basis site', () => {
    for (const lattice of [buildPeriodicFcc(2), buildPeriodicFcc(3), buildPeriodicFcc(5), buildPeriodicTetraNetwork(3)]) {
      const { rowOfSite, rowCount, offset } = buildNeighborOffsets(lattice);
      const z = lattice.coordination;
      expect(rowCount).toBe(27 * lattice.basisCount);
      for (let site = 0; site < lattice.siteCount; site++) {
        for (let k = 0; k < z; k++) expect(site + offset[z * rowOfSite[site]! + k]!).toBe(lattice.neighbors.index[z * site + k]);
      }
    }
  });
});

describe('vacancy-exchange speed workload', () => {
  it('uses Q = Q0 + 0.05|J - I| + 0.01 (I + J)/2 with Q0 0.30 eV (A), 0.25 eV (B)', () => {
    expect(exchangeBarrierEv(Occupant.A, 0, 0)).toBeCloseTo(0.3, 12);
    expect(exchangeBarrierEv(Occupant.B, 0, 0)).toBeCloseTo(0.25, 12);
    expect(exchangeBarrierEv(Occupant.A, 11, 3)).toBeCloseTo(0.3 + 0.05 * 8 + 0.01 * 7, 12);
    expect(exchangeBarrierEv(Occupant.B, 3, 11)).toBe(exchangeBarrierEv(Occupant.B, 11, 3));
  });

  it('gives each vacancy one solver block of slots (its updates share one block refresh)', () => {
    expect(SLOTS_PER_VACANCY).toBe(TREE_BLOCK_SLOTS);
  });

  it('places round(0.05 N) vacancies and about half A, half B', () => {
    const { model, lattice } = createVacancyWorkload({ cells: 6, seed: 3 });
    const count = (o: number): number => model.occupant.filter((x) => x === o).length;
    expect(count(Occupant.Vacancy)).toBe(Math.round(0.05 * lattice.siteCount));
    const atoms = lattice.siteCount - count(Occupant.Vacancy);
    expect(Math.abs(count(Occupant.A) - atoms / 2)).toBeLessThan(4 * Math.sqrt(atoms / 4));
  });

  it.each([
    [2, 20],
    [3, 10],
    [5, 10],
  ])('keeps every incremental rate equal to a from-scratch neighbour scan, and conserves species (L = %i, %i x 2000 events)', (cells, chunks) => {
    // L = 2 and 3: every site is on a face of the box, so the periodic wraps of the neighbour offsets are all used.
    const { model, engine } = createVacancyWorkload({ cells, seed: 'check' });
    const count = (o: number): number => model.occupant.filter((x) => x === o).length;
    const before = [Occupant.A, Occupant.B, Occupant.Vacancy].map(count);
    for (let chunk = 0; chunk < chunks; chunk++) {
      engine.runUntil(Number.POSITIVE_INFINITY, 2000);
      const check = verifySolver(model.solver, (slot) => model.recomputeRate(slot));
      expect(check.message).toBe('');
      expect(check.ok).toBe(true);
    }
    expect(engine.steps).toBe(2000 * chunks);
    expect([Occupant.A, Occupant.B, Occupant.Vacancy].map(count)).toEqual(before);
    model.vacancySite.forEach((site, v) => {
      expect(model.occupant[site]).toBe(Occupant.Vacancy);
      expect(model.siteVacancy[site]).toBe(v);
    });
  });
});
