import { describe, expect, it } from 'vitest';
import { verifySolver } from '../../src/kmc/check.js';
import {
  buildPeriodicFcc,
  buildPeriodicTetraNetwork,
  buildTwoHopCellPattern,
  sitesWithinTwoHops,
  type PeriodicLattice,
} from '../../src/kmc/workload/periodic-lattice.js';
import { createVacancyWorkload, exchangeBarrierEv, Occupant } from '../../src/kmc/workload/vacancy-exchange.js';
import { InterstitialKind } from '../../src/lattice/types.js';

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

  it('the two-hop cell pattern, expanded at any site, gives exactly its two-hop neighbourhood (fcc L = 3, T network L = 3)', () => {
    for (const lattice of [buildPeriodicFcc(3), buildPeriodicTetraNetwork(3)]) {
      const pattern = buildTwoHopCellPattern(lattice);
      const { cells, basisCount } = lattice;
      for (const site of [0, 7, lattice.siteCount - 1]) {
        const cell = Math.floor(site / basisCount);
        const [cx, cy, cz] = [Math.floor(cell / cells ** 2), Math.floor(cell / cells) % cells, cell % cells];
        const expanded: number[] = [];
        for (let d = 0; d < 27; d++) {
          const [dx, dy, dz] = [Math.floor(d / 9) - 1, (Math.floor(d / 3) % 3) - 1, (d % 3) - 1];
          const other = (((cx + dx + cells) % cells) * cells + ((cy + dy + cells) % cells)) * cells + ((cz + dz + cells) % cells);
          for (let b = 0; b < basisCount; b++) if (pattern[(site % basisCount) * 27 + d]! & (1 << b)) expanded.push(basisCount * other + b);
        }
        expect(expanded.sort((a, b) => a - b)).toEqual(sitesWithinTwoHops(lattice.neighbors, site).sort((a, b) => a - b));
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

  it('places round(0.05 N) vacancies and about half A, half B', () => {
    const { model, lattice } = createVacancyWorkload({ cells: 6, seed: 3 });
    const count = (o: number): number => model.occupant.filter((x) => x === o).length;
    expect(count(Occupant.Vacancy)).toBe(Math.round(0.05 * lattice.siteCount));
    const atoms = lattice.siteCount - count(Occupant.Vacancy);
    expect(Math.abs(count(Occupant.A) - atoms / 2)).toBeLessThan(4 * Math.sqrt(atoms / 4));
  });

  it('keeps every incremental rate equal to a from-scratch neighbour scan, and conserves species, over 20,000 events', () => {
    const { model, engine } = createVacancyWorkload({ cells: 5, seed: 'check' });
    const count = (o: number): number => model.occupant.filter((x) => x === o).length;
    const before = [Occupant.A, Occupant.B, Occupant.Vacancy].map(count);
    for (let chunk = 0; chunk < 10; chunk++) {
      engine.runUntil(Number.POSITIVE_INFINITY, 2000);
      const check = verifySolver(model.solver, (slot) => model.recomputeRate(slot));
      expect(check.message).toBe('');
      expect(check.ok).toBe(true);
    }
    expect(engine.steps).toBe(20000);
    expect([Occupant.A, Occupant.B, Occupant.Vacancy].map(count)).toEqual(before);
    model.vacancySite.forEach((site, v) => {
      expect(model.occupant[site]).toBe(Occupant.Vacancy);
      expect(model.siteVacancy[site]).toBe(v);
    });
  });
});
