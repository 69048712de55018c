// The lattice analogue of Crank's plane sheet, for comparing an atomistic (KMC) platelet with the continuum: P atomic
// planes h apart, an atom changing plane at rate r = D/h² per neighbouring plane, the two outer planes either held at
// c = 1 ('fixed') or fed from the surroundings at k per site and second ('exchange'). Exact solution by eigenvectors.
// Units: nm, m²/s, m/s, 1/s, s. Derivations: docs/continuum.md, "Atomistic cross-check".
import { M_PER_NM } from '../units.js';
import type { FickProblem } from './fick.js';

export type PlaneSurface = { kind: 'fixed' } | { kind: 'exchange'; rateHz: number };

export interface PlaneSheet {
  /** Atomic planes across the sheet, the two surface planes included (N + 1 cation planes of an N.5 ML platelet). */
  planes: number;
  /** Distance between neighbouring planes, nm (a/2 for [001] zinc-blende cation planes). */
  spacingNm: number;
  /** Diffusion coefficient across the planes, m²/s. */
  dM2PerS: number;
  surface: PlaneSurface;
}

function checkSheet(sheet: PlaneSheet): void {
  if (!(Number.isInteger(sheet.planes) && sheet.planes >= 3)) throw new RangeError(`planes must be an integer >= 3, got ${sheet.planes}`);
  if (!(sheet.spacingNm > 0) || !(sheet.dM2PerS > 0)) throw new RangeError(`spacingNm and dM2PerS must be positive, got ${sheet.spacingNm}, ${sheet.dM2PerS}`);
  if (sheet.surface.kind === 'exchange' && !(sheet.surface.rateHz > 0)) throw new RangeError(`surface rate must be positive, got ${sheet.surface.rateHz}`);
}

/** Rate of an atom's move to one neighbouring plane, r = D/h², 1/s. */
export function planeHopHz(sheet: PlaneSheet): number {
  const hM = sheet.spacingNm * M_PER_NM;
  return sheet.dM2PerS / (hM * hM);
}

/**
 * The continuum sheet equivalent to the planes (agreement to O(1/P²) in the eigenvalues):
 *  - fixed: the boundary sits on the surface planes, l = (P − 1)h/2; the surface planes count half in M_t
 *    (trapezoid rule, see planeFraction), so M_t/M_∞ is a second-order quadrature of the continuum's;
 *  - exchange: every plane is a cell of width h, l = P h/2, and the per-site rate k gives the inward flux
 *    k h (1 − c₀) per unit area and concentration. Crank's Robin flux α (1 − c_face) acts at the cell face, half a
 *    plane outside c₀; matching the two through the half-cell diffusion resistance h/(2D) gives
 *    α = k h / (1 − k h²/(2D)), the exact long-wavelength limit of the planes' eigenvalue condition
 *    tan β tan(φ/2) = k/(2r − k). Defined for k < 2r = 2D/h² only: a faster surface acts as a fixed one.
 */
export function equivalentSheet(sheet: PlaneSheet): FickProblem {
  checkSheet(sheet);
  const h = sheet.spacingNm;
  if (sheet.surface.kind === 'fixed') return { geometry: 'slab', sizeNm: ((sheet.planes - 1) * h) / 2, dM2PerS: sheet.dM2PerS };
  const ratio = sheet.surface.rateHz / (2 * planeHopHz(sheet));
  if (!(ratio < 1)) throw new RangeError(`surface rate ${sheet.surface.rateHz} 1/s >= 2D/h²: no Robin equivalent, use a fixed surface`);
  const alphaMPerS = (sheet.surface.rateHz * h * M_PER_NM) / (1 - ratio);
  return { geometry: 'slab', sizeNm: (sheet.planes * h) / 2, dM2PerS: sheet.dM2PerS, surfaceRateMPerS: alphaMPerS };
}

/**
 * Fraction exchanged M_t/M_∞ from the planes' concentrations c_j (0 pristine, 1 exchanged), summed over sites:
 * `exchangedSum` = Σ_j c_j over all P planes, in plane units. Fixed surface: (Σ − 1)/(P − 1), i.e. the interior
 * planes plus half of each surface plane (held at 1); exchange: Σ/P.
 */
export function planeFraction(sheet: Pick<PlaneSheet, 'planes' | 'surface'>, exchangedSum: number): number {
  return sheet.surface.kind === 'fixed' ? (exchangedSum - 1) / (sheet.planes - 1) : exchangedSum / sheet.planes;
}

/** Eigenvalues and eigenvectors (columns, row-major n×n) of a symmetric matrix by cyclic Jacobi rotations (NR §11.1). */
function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(a[i]!));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off = Math.max(off, Math.abs(a[p * n + q]!));
    if (off <= 1e-15 * scale) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          // columns p, q of A, then rows p, q: A' = Jᵀ A J
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: v };
}

/**
 * M_t/M_∞ of the planes at each time (s), from a pristine start (c = 0 inside; with a fixed surface the surface planes
 * are at 1 from t = 0+). du/dt = −A u for u = 1 − c on the planes that evolve, A tridiagonal: r on each bond, plus k
 * on the surface planes for 'exchange'; solved as u(t) = Q e^(−Λt) Qᵀ u(0).
 */
export function planeFractions(sheet: PlaneSheet, timesS: ArrayLike<number>): Float64Array {
  checkSheet(sheet);
  const r = planeHopHz(sheet);
  const fixed = sheet.surface.kind === 'fixed';
  const n = fixed ? sheet.planes - 2 : sheet.planes;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    // Fixed: every interior plane has two bonds (to a surface plane at u = 0 at the ends). Exchange: end planes one bond + k.
    const bonds = fixed || (i > 0 && i < n - 1) ? 2 : 1;
    a[i * n + i] = bonds * r + (!fixed && (i === 0 || i === n - 1) ? (sheet.surface as { rateHz: number }).rateHz : 0);
    if (i + 1 < n) {
      a[i * n + i + 1] = -r;
      a[(i + 1) * n + i] = -r;
    }
  }
  const { values, vectors } = symmetricEigen(a, n);
  // Projections of u(0) = 1 and of the plane sum onto each eigenvector: Σ_j u_j(t) = Σ_m (1ᵀq_m)² e^(−λ_m t).
  const weight = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += vectors[j * n + m]!;
    weight[m] = s * s;
  }
  const out = new Float64Array(timesS.length);
  for (let i = 0; i < out.length; i++) {
    const t = timesS[i]!;
    let uSum = 0;
    for (let m = 0; m < n; m++) uSum += weight[m]! * Math.exp(-values[m]! * t);
    const exchangedSum = (fixed ? 2 : 0) + (n - uSum);
    out[i] = t > 0 || !fixed ? planeFraction(sheet, exchangedSum) : 0;
  }
  return out;
}
