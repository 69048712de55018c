// The parameter set of one material system: every number with its unit and provenance.
// Energies in eV, frequencies in Hz, binding constants per equivalent (amount per Cd of the pristine NC).

/** A number with its unit and where it comes from: a literature value, a calibration, or an assumption. */
export interface Param {
  readonly value: number;
  readonly unit: string;
  readonly source: string;
}

export interface MaterialParams {
  readonly material: string;
  readonly anion: 'Se' | 'S' | 'Te';
  readonly notes: string;

  /** Attempt frequency of every lattice hop. */
  readonly attemptHz: Param;

  // --- cation hops into a vacancy (vacancy-mediated interdiffusion)
  /** Barrier of a cation hop into a vacancy in a pure HgSe-like environment, per jumping species. */
  readonly hopCdEv: Param;
  readonly hopHgEv: Param;
  readonly hopAgEv: Param;
  /** Extra barrier when the saddle ring is all Cd (scaled by the Cd fraction of the common neighbours). */
  readonly cdEnvironmentEv: Param;
  /** Barrier lowering per Ag_i bound to the hop pair (up to two: the 2Ag_i + V_Cd Frenkel complex). */
  readonly agAssistEv: Param;
  /** Barrier lowering for a hop that starts or ends at a surface site. */
  readonly surfaceHopReductionEv: Param;
  /** Factor on cdEnvironmentEv for a hop that starts or ends at a surface site (1: the bulk's composition term). */
  readonly cdEnvironmentSurfaceFactor: Param;

  // --- Ag interstitials and substitutional Ag
  /** Ag_i hop barrier between interstitial sites (from the lower site). */
  readonly agInterstitialHopEv: Param;
  /** Site energy of the tetrahedral site surrounded by cations relative to the one surrounded by anions. */
  readonly tetraCationSiteEv: Param;
  /** Binding energy of one Ag_i to one adjacent cation vacancy (positive = attractive). */
  readonly vacancyAgBindingEv: Param;
  /** Energy of Ag_Cd relative to a separated Ag_i + V_Cd pair (negative = trapping favourable). */
  readonly agSubstitutionEv: Param;
  /** Ag_Cd-Ag_Cd nearest-neighbour attraction (positive = attractive): clusters at high dose. */
  readonly agClusterEv: Param;
  /**
   * A cation vacancy is lower in energy by this much times the Hg fraction of its cation neighbours times the square
   * of its net charge over 4 (1 bare, 1/4 with one Ag_i, 0 for the neutral 2Ag_i + V complex): HgSe screens a
   * charged defect better than CdSe (V_Hg is cheap in HgCdTe). A state function, carried by every event.
   */
  readonly vacancyHgEnvironmentEv: Param;
  /** V_Cd-V_Cd nearest-neighbour repulsion (positive = repulsive): like-charged defects keep apart. */
  readonly vacancyPairEv: Param;
  /** Barrier of Ag_i + V_Cd <-> Ag_Cd (from the lower state). */
  readonly trapBarrierEv: Param;

  // --- surface and solution
  /** Surface Cd <-> Hg exchange barrier on a bare (unpassivated) surface site. */
  readonly surfaceExchangeBareEv: Param;
  /** The same on a thiol-passivated site. */
  readonly surfaceExchangeThiolEv: Param;
  /** Free energy gained when a surface Cd is replaced by Hg from solution (drives exchange to HgSe). */
  readonly exchangeDriveEv: Param;
  /** Largest fraction of surface sites thiol can cover (ligand footprint). */
  readonly thiolCoverageMax: Param;
  /** Prefactor of thiol adsorption on a bare surface site, per equivalent of unbound thiol (rate = Hz x eq x e^(-Ev/kT)). */
  readonly thiolAdsorptionHz: Param;
  /** Activation energy of that adsorption. */
  readonly thiolAdsorptionEv: Param;
  /** Ag uptake barrier: 2 Ag(sol) + surface M -> 2 Ag_i + V + M(sol). */
  readonly agUptakeEv: Param;
  /** Reaction energy of that uptake before defect binding (positive = uphill), in the pristine (x = 0) crystal. */
  readonly agUptakeEnergyEv: Param;
  /**
   * Ag in the crystal is less stable by this much per Ag pair per unit Hg fraction x (Ag solubility falls as the crystal
   * turns to HgSe): an energy (value / 2) x per Ag atom inside, x the Hg fraction of the region agSolubilityDepthLayers
   * defines.
   */
  readonly agSolubilityHgEv: Param;
  /**
   * Depth of that region in cation layers below the surface: site weight clamp(value - depth, 0, 1); 0 = the whole NC
   * (a mean field), 1 = the surface layer, 1.5 = the surface layer and half of the next.
   */
  readonly agSolubilityDepthLayers: Param;
  /** Formation energy of an intrinsic surface vacancy (M leaves to solution, no Ag). */
  readonly vacancyFormationEv: Param;
  /** Barrier of intrinsic vacancy creation/annihilation at the surface (from the lower state). */
  readonly vacancySurfaceBarrierEv: Param;
  /** Thiolate binding of Ag+ in solution, AgSR, per equivalent of free thiol. */
  readonly thiolAgBinding: Param;
  /** Cumulative formation constant of Hg(SR)2 in solution, per equivalent squared. */
  readonly thiolHgBinding: Param;
}

export type ParamKey = Exclude<keyof MaterialParams, 'material' | 'anion' | 'notes'>;

/** Plain numbers of a parameter set (what the model reads), after optional overrides. */
export type ParamValues = { [K in ParamKey]: number };

/** Values a parameter cannot take (an override outside its domain is an input error, not a model failure). */
const PARAM_DOMAINS: Partial<Record<ParamKey, (value: number) => string | undefined>> = {
  agSolubilityDepthLayers: (v) => (Number.isFinite(v) && (v === 0 || v >= 1) ? undefined : '0 (the whole NC) or a number >= 1 (the surface layer included)'),
};

/** `parameters.KEY: expected ..., got VALUE` if value is outside the parameter's domain, else undefined. */
export function paramDomainError(key: string, value: number): string | undefined {
  const expected = PARAM_DOMAINS[key as ParamKey]?.(value);
  return expected === undefined ? undefined : `parameters.${key}: expected ${expected}, got ${value}`;
}

export function paramValues(params: MaterialParams, overrides: Record<string, number> = {}): ParamValues {
  const out = {} as ParamValues;
  for (const key of Object.keys(params) as (keyof MaterialParams)[]) {
    const p = params[key];
    if (typeof p === 'object' && p !== null && 'value' in p) (out as Record<string, number>)[key] = p.value;
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in out)) throw new RangeError(`parameters.${key}: unknown parameter (known: ${Object.keys(out).join(', ')})`);
    if (!Number.isFinite(value)) throw new RangeError(`parameters.${key}: expected a finite number, got ${value}`);
    const domainError = paramDomainError(key, value);
    if (domainError !== undefined) throw new RangeError(domainError);
    (out as Record<string, number>)[key] = value;
  }
  return out;
}
