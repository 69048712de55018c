// Test helpers for crystals: CSR rows, minimum-image distances, and an independent brute-force
// reference builder (plain objects, distance cutoffs, O(n^2)) to compare the fast builder against.
import type { Crystal, Csr } from '../../src/lattice/types.js';

export function row(csr: Csr, i: number): number[] {
  return Array.from(csr.index.subarray(csr.start[i]!, csr.start[i + 1]!));
}

export function rowCount(csr: Csr): number {
  return csr.start.length - 1;
}

/** Distance, nm, between two positions with the minimum image on the crystal's periodic axes. */
export function distanceNm(crystal: Crystal, p: Float64Array, i: number, q: Float64Array, j: number): number {
  let d2 = 0;
  for (let d = 0; d < 3; d++) {
    let x = q[3 * j + d]! - p[3 * i + d]!;
    const period = crystal.periodicNm[d]!;
    if (period > 0) x -= period * Math.round(x / period);
    d2 += x * x;
  }
  return Math.sqrt(d2);
}

/** Sorted distances from site i of `p` to its neighbours (indices into `q`) listed by `csr`. */
export function shellDistancesNm(crystal: Crystal, csr: Csr, p: Float64Array, q: Float64Array, i: number): number[] {
  return row(csr, i)
    .map((j) => distanceNm(crystal, p, i, q, j))
    .sort((x, y) => x - y);
}

export type RefKind = 'cation' | 'anion' | 'interstitial';
export interface RefSite {
  readonly kind: RefKind;
  /** Position relative to the shape centre, nm. */
  readonly pos: readonly [number, number, number];
}

/** Zinc blende lattice points within radiusNm of a cation at the origin, from the textbook basis. */
export function zincBlendeSites(aNm: number, radiusNm: number): RefSite[] {
  const fcc = [
    [0, 0, 0],
    [0, 0.5, 0.5],
    [0.5, 0, 0.5],
    [0.5, 0.5, 0],
  ];
  const basis: [RefKind, number[]][] = [
    ['cation', [0, 0, 0]],
    ['anion', [0.25, 0.25, 0.25]],
    ['interstitial', [0.75, 0.75, 0.75]], // T_Cd
    ['interstitial', [0.5, 0.5, 0.5]], // T_Se
  ];
  const n = Math.ceil(radiusNm / aNm) + 1;
  const out: RefSite[] = [];
  for (let i = -n; i <= n; i++)
    for (let j = -n; j <= n; j++)
      for (let k = -n; k <= n; k++)
        for (const [kind, b] of basis)
          for (const f of fcc) {
            const pos = [0, 1, 2].map((d) => ([i, j, k][d]! + b[d]! + f[d]!) * aNm) as [number, number, number];
            if (Math.hypot(...pos) <= radiusNm) out.push({ kind, pos });
          }
  return out;
}

/**
 * Wurtzite lattice points within radiusNm of the cation at fractional (1/3, 2/3, 0), built from the
 * hexagonal primitive vectors a1 = a(1, 0, 0), a2 = a(-1/2, sqrt(3)/2, 0), a3 = (0, 0, c), u = 3/8.
 */
export function wurtziteSites(aNm: number, cNm: number, radiusNm: number): RefSite[] {
  const basis: [RefKind, number[]][] = [
    ['cation', [1 / 3, 2 / 3, 0]],
    ['cation', [2 / 3, 1 / 3, 1 / 2]],
    ['anion', [1 / 3, 2 / 3, 3 / 8]],
    ['anion', [2 / 3, 1 / 3, 7 / 8]],
    ['interstitial', [0, 0, 3 / 16]],
    ['interstitial', [0, 0, 11 / 16]],
  ];
  const toCart = (f: number[]): [number, number, number] => [
    aNm * (f[0]! - f[1]! / 2),
    aNm * ((Math.sqrt(3) / 2) * f[1]!),
    cNm * f[2]!,
  ];
  const centre = toCart([1 / 3, 2 / 3, 0]);
  const n = Math.ceil(radiusNm / Math.min(aNm * 0.8, cNm)) + 2;
  const out: RefSite[] = [];
  for (let i = -n; i <= n; i++)
    for (let j = -n; j <= n; j++)
      for (let k = -n; k <= n; k++)
        for (const [kind, b] of basis) {
          const p = toCart([i + b[0]!, j + b[1]!, k + b[2]!]);
          const pos = [p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]] as [number, number, number];
          if (Math.hypot(...pos) <= radiusNm) out.push({ kind, pos });
        }
  return out;
}

export interface ReferenceRules {
  readonly radiusNm: number;
  /** Cation-anion bond cutoff, nm (just beyond the bond length). */
  readonly bondCutoffNm: number;
  /** Interstitial framework shell cutoff, nm, and the shell's bulk size (ZB 10, WZ cage 12). */
  readonly frameworkCutoffNm: number;
  readonly frameworkFull: number;
  readonly cationRich: boolean;
}

const dist = (p: readonly number[], q: readonly number[]): number => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);

/**
 * The documented surface rules, applied by brute force: atoms within the radius; drop atoms with
 * < 2 bonds until none; (cationRich) add lattice cations bonded to >= 2 anions; keep interstitials
 * with at least half of their framework shell present. `sites` must extend beyond the radius.
 */
export function referenceSphere(sites: readonly RefSite[], rules: ReferenceRules): RefSite[] {
  const atoms = sites.filter((s) => s.kind !== 'interstitial');
  const kept = new Set(atoms.filter((s) => Math.hypot(...s.pos) <= rules.radiusNm + 1e-9));
  const bonded = new Map<RefSite, RefSite[]>();
  for (const s of atoms) bonded.set(s, atoms.filter((t) => t.kind !== s.kind && dist(s.pos, t.pos) <= rules.bondCutoffNm));
  const bonds = (s: RefSite): number => bonded.get(s)!.filter((t) => kept.has(t)).length;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of [...kept]) {
      if (bonds(s) < 2) {
        kept.delete(s);
        changed = true;
      }
    }
  }
  if (rules.cationRich) {
    const add = atoms.filter((s) => s.kind === 'cation' && !kept.has(s) && bonds(s) >= 2);
    for (const s of add) kept.add(s);
  }
  const keptAtoms = [...kept];
  const interstitials = sites.filter(
    (s) =>
      s.kind === 'interstitial' &&
      2 * keptAtoms.filter((t) => dist(s.pos, t.pos) <= rules.frameworkCutoffNm).length >= rules.frameworkFull,
  );
  return [...keptAtoms, ...interstitials];
}

/**
 * Site keys "kind x y z" in units of 1e-7 nm, as a sorted list. Lattice coordinates are exact
 * multiples of a/4, a/6 or c/16 at this resolution, so float noise (~1e-15 nm) never flips a key.
 */
export function siteKeys(sites: readonly RefSite[]): string[] {
  const unit = (x: number): string => String(Math.round(x * 1e7) + 0);
  return sites.map((s) => `${s.kind} ${s.pos.map(unit).join(' ')}`).sort();
}

/** The crystal's sites in the same key form, relative to crystal.centreNm. */
export function crystalSiteKeys(crystal: Crystal): string[] {
  const out: RefSite[] = [];
  const add = (kind: RefKind, p: Float64Array): void => {
    for (let i = 0; i < p.length / 3; i++) {
      out.push({ kind, pos: [0, 1, 2].map((d) => p[3 * i + d]! - crystal.centreNm[d]!) as [number, number, number] });
    }
  };
  add('cation', crystal.cationPositionNm);
  add('anion', crystal.anionPositionNm);
  add('interstitial', crystal.interstitialPositionNm);
  return siteKeys(out);
}
