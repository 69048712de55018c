// The solution around one nanocrystal: atoms per NC of Hg, Ag, Cd and thiol, and the ligand speciation
// that sets the free (reactive) amounts. Amounts are atoms per NC; activities are equivalents per pristine Cd.

/** Atoms per NC of an amount given in equivalents per pristine cation (the recipe's unit), rounded to whole atoms. */
export function atomsPerNc(perCd: number, cdPristine: number): number {
  return Math.round(perCd * cdPristine);
}

export interface Reservoir {
  /** Pristine Cd count of the NC: the unit of every equivalent. */
  readonly cdPristine: number;
  /** Surface cation sites thiol can bind to. */
  readonly surfaceSites: number;
  hgTotal: number;
  agTotal: number;
  cdTotal: number;
  thiolTotal: number;
  /** Thiol bound to the NC surface (stays through purification); grows by adsorption events from 0 at injection. */
  thiolSurface: number;
  /** After phosphine extraction free Ag is held at zero. */
  agExtracted: boolean;
}

export interface Speciation {
  /** Free amounts, equivalents per pristine Cd. */
  hgFreeEq: number;
  agFreeEq: number;
  cdFreeEq: number;
  thiolFreeEq: number;
  /** Fraction of surface sites covered by thiol. */
  coverage: number;
}

/**
 * Thiol on the surface (thiolSurface, at most coverageMax of the sites) passivates it; the unbound rest binds Ag+
 * (AgSR, constant kAg) and Hg2+ (Hg(SR)2, cumulative constant kHg2) in solution; Cd2+ is taken as unbound. Mass balance in free thiol f:
 * f + Ag kAg f/(1 + kAg f) + 2 Hg kHg2 f^2/(1 + kHg2 f^2) = thiol in solution, solved by bisection (monotone in f).
 */
export function speciate(r: Reservoir, coverageMax: number, kAgPerEq: number, kHgPerEq2: number): Speciation {
  const unit = r.cdPristine;
  const coverage = r.surfaceSites > 0 ? Math.min(coverageMax, r.thiolSurface / r.surfaceSites) : 0;
  const thiolSolEq = Math.max(0, r.thiolTotal - r.thiolSurface) / unit;
  const hgEq = r.hgTotal / unit;
  const agEq = r.agTotal / unit;
  const bound = (f: number): number => (agEq * kAgPerEq * f) / (1 + kAgPerEq * f) + (2 * hgEq * kHgPerEq2 * f * f) / (1 + kHgPerEq2 * f * f);
  let lo = 0;
  let hi = thiolSolEq;
  for (let i = 0; i < 80 && hi - lo > 1e-15 * (1 + hi); i++) {
    const mid = 0.5 * (lo + hi);
    if (mid + bound(mid) > thiolSolEq) hi = mid;
    else lo = mid;
  }
  const f = 0.5 * (lo + hi);
  const agFree = r.agExtracted ? 0 : agEq / (1 + kAgPerEq * f);
  return {
    hgFreeEq: hgEq / (1 + kHgPerEq2 * f * f),
    agFreeEq: agFree,
    cdFreeEq: r.cdTotal / unit,
    thiolFreeEq: f,
    coverage,
  };
}

/** Surface sites thiol can passivate (coverageMax of them). */
export function thiolCapacity(r: Reservoir, coverageMax: number): number {
  return Math.floor(coverageMax * r.surfaceSites);
}
