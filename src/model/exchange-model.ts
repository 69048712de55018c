// The cation-exchange lattice model as a KmcModel: Cd/Hg/Ag on cation sites, Ag_i on interstitial sites,
// vacancies, and the solution reservoir. Energies eV, rates 1/s, amounts atoms per NC (MODEL.md section 4).
//
// Energy model (detailed balance by construction): E = sum over Ag_i of the site energy (T_Cd sites +
// tetraCationSiteEv) - vacancyAgBindingEv * sum over vacancies of min(A_V, 2) + agSubstitutionEv * (Ag_Cd)
// - agClusterEv * (Ag_Cd-Ag_Cd pairs) + vacancyPairEv * (V-V pairs of sites that can share an Ag_i), A_V = Ag_i
// in the interstitial shell of vacancy V. The binding saturates at two Ag_i per vacancy because two Ag_i (+1
// each) neutralise a V_Cd (-2): the charge-balanced (Ag_i)2V_Cd complex of MODEL.md. A pairwise (unsaturated)
// binding made every Ag_i bind several vacancies and condensed all defects into one immobile V-Ag_i cluster
// under the surface (session 2 diagnosis). The saturation is per vacancy only, so one Ag_i still counts for
// every vacancy around it; the V-V repulsion (two -2 defects at a/sqrt(2) or a) keeps vacancies from sharing
// Ag_i (session 6: without it a purified HgSe shell with Ag grew 58 vacancies in 174 neighbour pairs). Every
// reversible event has rate nu exp(-(Eb + max(0, dE))/kT) with a barrier Eb that is the same forward and back
// (Kang-Weinberg form), so the Boltzmann distribution of E is stationary. Solution amounts enter as group
// factors (free activity in equivalents per pristine Cd), so a change of the reservoir costs O(groups) for the
// solver, independent of the crystal size.
import type { Crystal } from '../lattice/types.js';
import { InterstitialKind } from '../lattice/types.js';
import type { Solver } from '../kmc/solver.js';
import { BOLTZMANN_EV_PER_K } from '../units.js';
import { CationSpecies, InterstitialSpecies } from './species.js';
import type { ParamValues } from './params/types.js';
import { speciate, thiolCapacity, type Reservoir, type Speciation } from './reservoir.js';
import { solubilityWeights } from './solubility-region.js';

const VAC = CationSpecies.Vacancy;
const CD = CationSpecies.Cd;
const HG = CationSpecies.Hg;
const AG = CationSpecies.Ag;

/** Ag_i that one vacancy can bind: two Ag_i (+1) neutralise a V_Cd (-2). */
export const AG_PER_VACANCY = 2;
/** Largest Ag_i count in one vacancy's shell whose arrangements the averaged hop rate sums over. */
const MAX_AVERAGED_AG = 4;
/** Arrangements of up to MAX_AVERAGED_AG Ag_i on a shell of up to 10 sites: C(10, 4) = 210 at most. */
const MAX_ARRANGEMENTS = 256;
/** The P(m) cache: sets x ways entries, each keyed on up to DIST_MAX_NB touching vacancies. */
const DIST_SETS = 1024;
const DIST_WAYS = 4;
const DIST_ENTRIES = DIST_SETS * DIST_WAYS;
const DIST_MAX_NB = 8;
const DIST_KEY_WIDTH = 3 + 2 * DIST_MAX_NB;
/** One cached P(m) table: m = 0..MAX_AVERAGED_AG for each of 12 directions. */
const DIST_TABLE = 12 * (MAX_AVERAGED_AG + 1);
/** V-V pair-count changes of a host hop that the rate table holds; larger ones (rare crowds) take the exp. */
const PAIR_TABLE_RANGE = 4;
const PAIR_TABLE_SIZE = 2 * PAIR_TABLE_RANGE + 1;
/**
 * Averaging a complex's hop over its shell's Ag_i arrangements needs those Ag_i to rearrange much faster than
 * the complex hops: two orders of magnitude between the Ag_i hop and the fastest complex hop (CdSe at 80 C:
 * ~10^7; CdS, with its slow Ag_i, ~10: not averaged).
 */
const TIMESCALE_SEPARATION = 100;
/** Up to this many vacancies touchCation tests each one's distance rather than walking the neighbour shells. */
const NEAR_SCAN_MAX_VACANCIES = 48;
const bound = (agAround: number): number => (agAround < AG_PER_VACANCY ? agAround : AG_PER_VACANCY);
/**
 * Share of the vacancy Hg-environment term a vacancy with n Ag_i keeps: its net charge (-2 + min(n, 2)) squared over
 * 4, as for the polarisation energy of a charge in a dielectric: 1 bare, 1/4 with one Ag_i, 0 for the neutral complex.
 */
const screenShare = (agAround: number): number => (agAround === 0 ? 1 : agAround === 1 ? 0.25 : 0);

/** Solver groups: fixed event kinds. Ag_i hops are split by (from class, to class) so reverse pairs are groups. */
export const Group = {
  ExchangeHg: 0, // surface Cd + Hg(sol) -> surface Hg + Cd(sol); factor a_Hg * surface reactivity
  ExchangeCd: 1, // surface Hg + Cd(sol) -> surface Cd + Hg(sol); factor a_Cd * surface reactivity
  AgUptake: 2, // 2 Ag(sol) + surface M -> 2 Ag_i + V + M(sol); factor a_Ag^2
  FillHg: 3, // surface V + Hg(sol) -> Hg (releasing 2 bound Ag_i to solution if present); factor a_Hg
  FillCd: 4, // the same with Cd; factor a_Cd
  VacancyCreate: 5, // surface M -> V + M(sol) (intrinsic, no Ag)
  VacancyHop: 6, // a cation jumps into a neighbouring vacancy
  Trap: 7, // Ag_i + adjacent V -> Ag_Cd
  Detrap: 8, // Ag_Cd -> Ag_i (adjacent empty interstitial) + V
  AgHop00: 9, // Ag_i hops: class 0 -> 0, 0 -> 1, 1 -> 0, 1 -> 1
  AgHop01: 10,
  AgHop10: 11,
  AgHop11: 12,
  ThiolAdsorption: 13, // unbound thiol (solution) + bare surface site -> passivated site; one aggregate slot
  // Ag_i hops inside an averaged complex's shell (both sites next to the same vacancy), whatever their classes:
  // the complex's hops already average over its arrangements, so the acceleration may scale these far down.
  AgHopShell: 14,
} as const;
export const GROUP_COUNT = 15;
export const EVENT_TYPE_NAMES = [
  'surfaceExchangeHg',
  'surfaceExchangeCd',
  'agUptake',
  'fillHg',
  'fillCd',
  'vacancyCreate',
  'vacancyHop',
  'agTrap',
  'agDetrap',
  'agInterstitialHop',
  'agInterstitialHop',
  'agInterstitialHop',
  'agInterstitialHop',
  'thiolAdsorption',
  'agInterstitialHop',
] as const;

/** Reversible pairs of fast groups that an acceleration scheme may scale together. */
export const AG_HOP_PAIRS: readonly (readonly [number, number])[] = [
  [Group.AgHop01, Group.AgHop10],
  [Group.AgHop00, Group.AgHop00],
  [Group.AgHop11, Group.AgHop11],
  [Group.AgHopShell, Group.AgHopShell],
];

function maxDegree(csr: { start: Int32Array }): number {
  let m = 0;
  for (let i = 0; i + 1 < csr.start.length; i++) m = Math.max(m, csr.start[i + 1]! - csr.start[i]!);
  return m;
}

export interface ExchangeModelInit {
  crystal: Crystal;
  params: ParamValues;
  temperatureK: number;
  /** Ag atoms the run can ever hold (initial plus every stage addition). */
  agCapacity: number;
  reservoir: Reservoir;
}

export class ExchangeModel {
  readonly crystal: Crystal;
  readonly params: ParamValues;
  temperatureK: number;
  readonly reservoir: Reservoir;
  speciation!: Speciation;

  // occupancy
  readonly cation: Uint8Array;
  readonly inter: Uint8Array;
  /** Ag atom index at a cation site (Ag_Cd) or an interstitial site (Ag_i), -1 if none. */
  readonly cationAg: Int32Array;
  readonly interAg: Int32Array;
  /** Ag_i in the interstitial shell of each cation site, kept incrementally (the binding reads it constantly). */
  readonly agAround: Uint8Array;
  // vacancies own the hop events
  readonly vacSite: Int32Array;
  readonly siteVac: Int32Array;
  vacCount = 0;
  // Ag atoms own interstitial hops, trapping and detrapping
  readonly agCapacity: number;
  /** 0 solution, 1 interstitial, 2 substitutional. */
  readonly agState: Uint8Array;
  readonly agSite: Int32Array;
  readonly agSolutionStack: Int32Array;
  agSolutionCount = 0;
  agInCrystalCount = 0;
  // surface sites own the solution events
  readonly surfSite: Int32Array;
  readonly siteSurf: Int32Array;
  // counts kept incrementally for observables
  hgCount = 0;
  /** Hg weighted by the solubility region (solWeight): what the Ag solubility term reads; equals hgCount for D = 0. */
  hgWeighted = 0;
  /** Hg among the cation neighbours of each site, kept incrementally when the vacancy Hg-environment term is on. */
  private readonly hgAround: Uint8Array;
  /** 1 / (cation neighbours) of each site, and whether vacancyHgEnvironmentEv is nonzero. */
  private readonly invZ: Float64Array;
  private readonly envOn: boolean;
  /** Some hops carry energies the table leaves out (the solubility region or the environment term is on): one flag for the hot path. */
  private readonly hopExtras: boolean;
  cdCount = 0;
  agSubCount = 0;
  agInterCount = 0;
  /** Crystal defect charge, e (Ag_i +1, V -2, Ag_Cd -1); changes only through intrinsic vacancies. */
  crystalCharge = 0;

  readonly solver: Solver;
  readonly groupStart: Int32Array;
  readonly interClass: Uint8Array;
  readonly maxIi: number;
  readonly maxIc: number;
  readonly maxCi: number;
  private readonly agSlotBase: number; // per-Ag block size in the hop groups

  // geometry derived once: per cation-cation edge, the common cation neighbours and shared interstitials
  /** Per interstitial-interstitial edge (index into interstitialInterstitial), the cations next to both ends. */
  private readonly iiCommonStart: Int32Array;
  private readonly iiCommon: Int32Array;
  /** The hop group each Ag_i hop slot was last written in (agRates), so a slot that changes group is cleared. */
  private agSlotGroup: Uint8Array;
  private readonly commonStart: Int32Array;
  private readonly common: Int32Array;
  private readonly sharedStart: Int32Array;
  private readonly shared: Int32Array;
  // Per cation site: the sites whose vacancy repels one there (vacancyPairEv), see vacancyPartnerTable.
  private readonly partnerStart: Int32Array;
  private readonly partner: Int32Array;
  /** Distance (nm) that bounds every vacancy touchCation's neighbour walks can reach (markVacNear). */
  private readonly touchReachNm: number;
  /** With the environment term on: how far a changed cation / interstitial reaches vacancy, Ag and surface rates (nm). */
  private readonly envReachNm: Float64Array;
  /** With the environment term on: per kind (cation, interstitial), the surface sites within reach of each site (CSR start, list). */
  private readonly envSurf: readonly [Int32Array, Int32Array][];
  /** Per cation site, the vacancies on its partner sites, kept incrementally: the pair energy is read on every hop rate. */
  private readonly vacPartners: Uint8Array;

  // rate constants at the current temperature
  private kT = 0;
  private nu = 0;
  /** Thiol adsorption rate constant per bare site per equivalent of unbound thiol (temperature only). */
  private thiolAdsorptionHz = 0;
  /** Rates of the Ag uptake/release and of the intrinsic vacancy barriers alone: their downhill surface events. */
  private uptakeRate0 = 0;
  private surfaceBarrierRate0 = 0;
  private readonly hopBarrier = new Float64Array(4);
  private readonly siteEnergy = new Float64Array(2);
  private agHopTable = new Float64Array(0);
  private vacHopTable = new Float64Array(0);
  private readonly vacRateScratch = new Float64Array(12);
  /** Boltzmann weight exp(-site energy / kT) of an interstitial site class. */
  private readonly siteWeight = new Float64Array(2);
  /** Per cation-cation edge (i, j): bit p set if the p-th interstitial of i's shell is also in j's shell. */
  private readonly sharedBits: Int32Array;
  /**
   * Per cation site i and shell position p, the directions whose shared sites include p, as 5-bit fields
   * (directions 0-5 in the low word, 6-11 in the high one): summed over an arrangement's positions they give
   * its Ag_i count on every direction's shared sites at once (fillDist).
   */
  private readonly posDirLo: Int32Array;
  private readonly posDirHi: Int32Array;
  // Scratch of the superbasin-averaged hops: the arrangements of one shell's Ag_i and their weights, the
  // other vacancies touching that shell (their shell positions and Ag_i outside it), P(m) by direction.
  private readonly cfgMask = new Int32Array(MAX_ARRANGEMENTS);
  private readonly cfgWeight = new Float64Array(MAX_ARRANGEMENTS);
  private cfgCount = 0;
  private cfgAgMask = 0;
  private readonly posWeight: Float64Array;
  private readonly nbVac: Int32Array;
  private readonly nbMask: Int32Array;
  private readonly nbOut: Int32Array;
  /** exp(beta * d) for a change d of bound Ag_i over the touching vacancies, d + bindOffset indexing (enumeration). */
  private readonly bindWeight: Float64Array;
  private readonly bindOffset: number;
  /** Offset in distCache of the P(m) table the last averagedHopRates used. */
  private shareDistAt = 0;
  // P(m) by direction, memoised on what it is computed from (site, n, and each touching vacancy with its Ag_i
  // outside the shell) in a fixed-size set-associative cache: free Ag_i moving near a complex change only
  // counts beyond its neighbours, and a neighbour's Ag_i trapping and detrapping, or rearranging in its own
  // shell, flips the key between a few values, so most refreshes reuse a table (hit rates in docs/model.md).
  private readonly distCache = new Float64Array((DIST_ENTRIES + 1) * DIST_TABLE);
  private readonly distKey = new Int32Array(DIST_ENTRIES * DIST_KEY_WIDTH).fill(-1);
  private readonly distStamp = new Float64Array(DIST_ENTRIES);
  private distClock = 0;
  /** Set while the check mode recomputes a rate: P(m) from scratch, so a stale cache entry cannot pass itself. */
  private uncached = false;
  private readonly hopTerms = new Float64Array(MAX_AVERAGED_AG + 1);
  private readonly avgRates = new Float64Array(12);
  /** Largest saddle ring (common cation neighbours of a hop edge). */
  private readonly ringMax: number; // [classFrom][classTo][change of bound Ag_i + DN_OFFSET]
  private static readonly DN_OFFSET = 8;

  // marks for the incremental recompute, by epoch stamps (no allocation per event)
  private epoch = 1;
  private readonly vacMark: Int32Array;
  private readonly agMark: Int32Array;
  private readonly surfMark: Int32Array;
  private readonly vacList: Int32Array;
  private readonly agList: Int32Array;
  private readonly surfList: Int32Array;
  private vacListN = 0;
  private agListN = 0;
  private surfListN = 0;

  readonly eventCounts = new Float64Array(GROUP_COUNT);
  /** In-shell Ag_i moves after each host hop (0 disables); the simulation sets it and the random source. */
  shellMoves = 0;
  /**
   * Whether complex hops are superbasin averages (averagedComplex) and shells re-equilibrate after a hop: only
   * where an Ag_i hop is at least TIMESCALE_SEPARATION times faster than the fastest complex hop. Where Ag is
   * slow (CdS, E51), averaging would lend complexes a mobility their Ag_i cannot follow; they then hop with the
   * arrangement they have and their Ag_i move by their own events (setTemperature decides).
   */
  averaging = true;
  random: () => number = () => {
    throw new Error('ExchangeModel.random is not set');
  };
  // Candidate in-shell moves: at most (shell sites) x (interstitial neighbours each), sized in the constructor.
  private readonly shellFrom: Int32Array;
  private readonly shellTo: Int32Array;
  private readonly shellRate: Float64Array;
  /** Group factors set by the solution (activities) and by the acceleration (scales); solver factor = product. */
  readonly baseFactor = new Float64Array(GROUP_COUNT).fill(1);
  readonly scale = new Float64Array(GROUP_COUNT).fill(1);

  constructor(init: ExchangeModelInit, createSolver: (groupSizes: number[]) => Solver) {
    const c = init.crystal;
    this.crystal = c;
    this.params = init.params;
    this.temperatureK = init.temperatureK;
    this.reservoir = init.reservoir;
    const nC = c.cationCount;
    const nI = c.interstitialCount;
    this.cation = new Uint8Array(nC).fill(CD);
    this.inter = new Uint8Array(nI);
    this.cationAg = new Int32Array(nC).fill(-1);
    this.interAg = new Int32Array(nI).fill(-1);
    this.agAround = new Uint8Array(nC);
    this.vacSite = new Int32Array(nC);
    this.siteVac = new Int32Array(nC).fill(-1);
    this.agCapacity = init.agCapacity;
    this.agState = new Uint8Array(this.agCapacity);
    this.agSite = new Int32Array(this.agCapacity).fill(-1);
    this.agSolutionStack = new Int32Array(this.agCapacity);
    this.agWrittenState = new Uint8Array(this.agCapacity);
    this.agWrittenSite = new Int32Array(this.agCapacity).fill(-1);
    this.cdCount = nC;

    const surf: number[] = [];
    this.siteSurf = new Int32Array(nC).fill(-1);
    for (let i = 0; i < nC; i++) if (c.surfaceCation[i]) surf.push(i);
    this.surfSite = Int32Array.from(surf);
    surf.forEach((site, k) => (this.siteSurf[site] = k));

    this.interClass = classifyInterstitials(c);
    this.maxIi = Math.max(1, maxDegree(c.interstitialInterstitial));
    this.maxIc = Math.max(1, maxDegree(c.interstitialCation));
    this.maxCi = Math.max(1, maxDegree(c.cationInterstitial));
    this.agSlotBase = this.maxIi;
    this.shellFrom = new Int32Array(this.maxCi * this.maxIi);
    this.shellTo = new Int32Array(this.maxCi * this.maxIi);
    this.shellRate = new Float64Array(this.maxCi * this.maxIi);

    [this.commonStart, this.common, this.sharedStart, this.shared] = edgeTables(c);
    [this.iiCommonStart, this.iiCommon] = interstitialEdgeCations(c);
    [this.partnerStart, this.partner] = vacancyPartnerTable(c);
    this.vacPartners = new Uint8Array(c.cationCount);
    this.touchReachNm = touchReach(c, this.partnerStart, this.partner);
    this.envReachNm = envReach(c, this.touchReachNm);
    this.sharedBits = sharedBitTable(c, this.sharedStart, this.shared);
    [this.posDirLo, this.posDirHi] = positionDirectionFields(c, this.sharedBits, this.maxCi);
    if (this.maxCi > 10) throw new Error(`cation shells of ${this.maxCi} interstitials: the averaged hops assume at most 10`);
    this.posWeight = new Float64Array(this.maxCi);
    this.nbVac = new Int32Array(this.maxCi * this.maxIc);
    this.nbMask = new Int32Array(this.maxCi * this.maxIc);
    this.nbOut = new Int32Array(this.maxCi * this.maxIc);
    this.bindOffset = AG_PER_VACANCY * this.maxCi * this.maxIc;
    this.bindWeight = new Float64Array(2 * this.bindOffset + 1);
    let ringMax = 0;
    for (let e = 0; e + 1 < this.commonStart.length; e++) ringMax = Math.max(ringMax, this.commonStart[e + 1]! - this.commonStart[e]!);
    this.ringMax = ringMax;
    this.hgAround = new Uint8Array(c.cationCount);
    this.invZ = new Float64Array(c.cationCount);
    for (let x = 0; x < c.cationCount; x++) this.invZ[x] = 1 / Math.max(1, c.cationCation.start[x + 1]! - c.cationCation.start[x]!);
    this.envOn = this.params.vacancyHgEnvironmentEv !== 0;
    this.envSurf = this.envOn
      ? [sitesWithin(c, c.cationPositionNm, this.surfSite, this.envReachNm[2]!), sitesWithin(c, c.interstitialPositionNm, this.surfSite, this.envReachNm[5]!)]
      : [];
    this.solWeight = solubilityWeights(c, this.params.agSolubilityDepthLayers);
    this.solWeightTotal = this.solWeight.reduce((a, b) => a + b, 0);
    this.solCrossing = this.solWeight.some((w) => w !== this.solWeight[0]);
    this.solCrossPerAg = this.params.agSolubilityHgEv / (2 * this.solWeightTotal);
    this.hopExtras = this.envOn || this.solCrossing;

    const nS = this.surfSite.length;
    const cap = this.agCapacity;
    const sizes = new Array<number>(GROUP_COUNT).fill(0);
    sizes[Group.ExchangeHg] = nS;
    sizes[Group.ExchangeCd] = nS;
    sizes[Group.AgUptake] = nS;
    sizes[Group.FillHg] = nS;
    sizes[Group.FillCd] = nS;
    sizes[Group.VacancyCreate] = nS;
    sizes[Group.VacancyHop] = nC * 12;
    sizes[Group.Trap] = cap * this.maxIc;
    sizes[Group.Detrap] = cap * this.maxCi;
    for (const g of [Group.AgHop00, Group.AgHop01, Group.AgHop10, Group.AgHop11, Group.AgHopShell]) sizes[g] = cap * this.maxIi;
    this.agSlotGroup = new Uint8Array(Math.max(1, cap * this.maxIi));
    sizes[Group.ThiolAdsorption] = 1;
    this.solver = createSolver(sizes);
    this.groupStart = this.solver.groupStart;

    this.vacMark = new Int32Array(nC);
    this.agMark = new Int32Array(Math.max(1, cap));
    this.surfMark = new Int32Array(Math.max(1, nS));
    this.surfLocal = new Float64Array((Group.VacancyCreate + 1) * nS).fill(Number.NaN);
    this.surfFillKind = new Uint8Array(nS);
    this.vacList = new Int32Array(nC);
    this.agList = new Int32Array(Math.max(1, cap));
    this.surfList = new Int32Array(Math.max(1, nS));

    for (let a = 0; a < cap; a++) this.agSolutionStack[a] = cap - 1 - a; // pop gives the lowest index first
    this.agSolutionCount = 0; // Ag enters the solution through addAgToSolution
    this.setTemperature(init.temperatureK);
  }

  // ---------------------------------------------------------------- temperature and reservoir

  /** Rebuild every rate table and rate at a new temperature. */
  setTemperature(temperatureK: number): void {
    const p = this.params;
    this.temperatureK = temperatureK;
    this.kT = BOLTZMANN_EV_PER_K * temperatureK;
    this.nu = p.attemptHz;
    this.thiolAdsorptionHz = p.thiolAdsorptionHz * Math.exp(-p.thiolAdsorptionEv / this.kT);
    // Surface events that are downhill run at their bare barrier's rate (the same number, without an exp each time).
    this.uptakeRate0 = this.rateHz(p.agUptakeEv);
    this.surfaceBarrierRate0 = this.rateHz(p.vacancySurfaceBarrierEv);
    this.hopBarrier[CD] = p.hopCdEv;
    this.hopBarrier[HG] = p.hopHgEv;
    this.hopBarrier[AG] = p.hopAgEv;
    const tetraCationClass = this.crystal.structure === 'zincblende' ? p.tetraCationSiteEv : 0;
    this.siteEnergy[0] = tetraCationClass; // class 0 = T_Cd in zinc blende
    this.siteEnergy[1] = 0;
    for (let k = 0; k < 2; k++) this.siteWeight[k] = Math.exp(-this.siteEnergy[k]! / this.kT);
    this.distKey.fill(-1); // the weights changed
    const beta = p.vacancyAgBindingEv / this.kT;
    for (let d = -this.bindOffset; d <= this.bindOffset; d++) this.bindWeight[d + this.bindOffset] = Math.exp(beta * d);
    const K = 2 * ExchangeModel.DN_OFFSET + 1;
    const table = new Float64Array(4 * K);
    for (let from = 0; from < 2; from++)
      for (let to = 0; to < 2; to++)
        for (let dn = -ExchangeModel.DN_OFFSET; dn <= ExchangeModel.DN_OFFSET; dn++) table[(from * 2 + to) * K + dn + ExchangeModel.DN_OFFSET] = this.agHopRateExp(from, to, dn, 0);
    this.agHopTable = table;
    const fastestComplexHopEv = Math.min(p.hopCdEv, p.hopHgEv) - AG_PER_VACANCY * p.agAssistEv - p.surfaceHopReductionEv;
    this.averaging = p.agInterstitialHopEv <= fastestComplexHopEv - this.kT * Math.log(TIMESCALE_SEPARATION);
    this.buildVacHopTable();
    this.refreshReservoir();
    this.recomputeAll();
  }

  private rateHz(barrierEv: number): number {
    return this.nu * Math.exp(-barrierEv / this.kT);
  }

  /** Ag-in-crystal count and weighted Hg the surface rates were last computed with (agSolubilityEv reads them). */
  private solubilityAg = -1;
  private solubilityHg = -1;
  /** Weight of each cation site in the solubility region, their sum, and whether they differ between sites. */
  private readonly solWeight: Float64Array;
  private readonly solWeightTotal: number;
  private readonly solCrossing: boolean;
  /** sigma / 2W: times N_Ag and the weight change, the solubility energy of an Hg hop between layers. */
  private readonly solCrossPerAg: number;
  /** Uptake rates left stale while the uptake group's factor is 0 (no Ag in solution): refreshed when it is not. */
  private uptakeStale = false;
  /** Per surface event kind and site, the local energy of surfaceLocalEv (NaN: impossible); and each site's fill kind. */
  private readonly surfLocal: Float64Array;
  private readonly surfFillKind: Uint8Array;

  /**
   * Change of the Ag solubility energy (agSolubilityHgEv / 2) x per Ag atom in the crystal, x = H_w / W the Hg fraction
   * of the solubility region (the whole NC when agSolubilityDepthLayers is 0), when dAg Ag atoms and dHg Hg atoms enter
   * the crystal: a state function of N_Ag and H_w, so every event that changes either carries it (an Hg hop between
   * layers of different weight too: solCrossPerAg) and the rates stay in detailed balance (test/model/cycles.test.ts).
   */
  private agSolubilityEv(dAg: number, dHg: number): number {
    // Surface events only: every surface site has weight 1 (solubilityWeights), so dHg is also the weighted change.
    const a = this.agInCrystalCount;
    const h = this.hgWeighted;
    return (this.params.agSolubilityHgEv * ((a + dAg) * (h + dHg) - a * h)) / (2 * this.solWeightTotal);
  }

  /** Free amounts after any change of the solution; updates the solution-factor groups in O(groups), not O(events). */
  refreshReservoir(): void {
    const p = this.params;
    const s = speciate(this.reservoir, p.thiolCoverageMax, p.thiolAgBinding, p.thiolHgBinding);
    this.speciation = s;
    const reactivity = (1 - s.coverage) * this.rateHz(p.surfaceExchangeBareEv) + s.coverage * this.rateHz(p.surfaceExchangeThiolEv);
    this.setBaseFactor(Group.ExchangeHg, s.hgFreeEq * reactivity);
    this.setBaseFactor(Group.ExchangeCd, s.cdFreeEq * reactivity);
    // Uptake takes two Ag atoms: impossible with fewer than two left in solution.
    this.setBaseFactor(Group.AgUptake, this.agSolutionCount >= 2 ? s.agFreeEq * s.agFreeEq : 0);
    this.setBaseFactor(Group.FillHg, s.hgFreeEq);
    this.setBaseFactor(Group.FillCd, s.cdFreeEq);
    this.solver.update(this.groupStart[Group.ThiolAdsorption]!, this.thiolAdsorptionRate());
  }

  /**
   * Unbound thiol passivating bare surface sites, one at a time (first order in bare sites and in unbound thiol).
   * The surface is bare at t = 0 (the injected Hg2+ takes the thiolate off), which gives the burst (E1).
   */
  private thiolAdsorptionRate(): number {
    const p = this.params;
    const r = this.reservoir;
    const bare = thiolCapacity(r, p.thiolCoverageMax) - r.thiolSurface;
    const unboundEq = (r.thiolTotal - r.thiolSurface) / r.cdPristine;
    if (bare <= 0 || unboundEq <= 0) return 0;
    return this.thiolAdsorptionHz * bare * unboundEq;
  }

  private setBaseFactor(group: number, factor: number): void {
    this.baseFactor[group] = factor;
    this.solver.setFactor(group, factor * this.scale[group]!);
  }

  /** Acceleration: multiply a group's rates by `scale` (O(groups), not O(events)). */
  setScale(group: number, scale: number): void {
    this.scale[group] = scale;
    this.solver.setFactor(group, this.baseFactor[group]! * scale);
  }

  /** Put n Ag atoms into the solution (initial dose or a stage addition). */
  addAgToSolution(n: number): void {
    let added = 0;
    for (let a = 0; a < this.agCapacity && added < n; a++) {
      if (this.agSite[a] === -1) {
        this.agSite[a] = -2; // marks "in solution" as opposed to "never used"
        this.pushSolutionAg(a);
        added++;
      }
    }
    if (added < n) throw new RangeError(`Ag capacity ${this.agCapacity} too small for ${n} more Ag`);
    this.reservoir.agTotal += n;
  }

  private pushSolutionAg(a: number): void {
    this.agSolutionStack[this.agSolutionCount++] = a;
  }

  private popSolutionAg(): number {
    // The lowest index first keeps the choice deterministic and independent of history order.
    let best = -1;
    let bestK = -1;
    for (let k = 0; k < this.agSolutionCount; k++) {
      const a = this.agSolutionStack[k]!;
      if (best < 0 || a < best) {
        best = a;
        bestK = k;
      }
    }
    this.agSolutionStack[bestK] = this.agSolutionStack[--this.agSolutionCount]!;
    return best;
  }

  /** Remove every Ag atom from solution (purification): they leave the system. */
  dropSolutionAg(): void {
    while (this.agSolutionCount > 0) {
      const a = this.popSolutionAg();
      this.agSite[a] = -3; // gone from the system
      this.reservoir.agTotal -= 1;
    }
  }

  // ---------------------------------------------------------------- local counts

  /** Is cation site c in the cation shell of interstitial s? */
  private interTouches(s: number, c: number): boolean {
    const ic = this.crystal.interstitialCation;
    for (let q = ic.start[s]!; q < ic.start[s + 1]!; q++) if (ic.index[q] === c) return true;
    return false;
  }

  /**
   * Change of the bound Ag_i count (sum over vacancies of min(A_V, 2)) when one Ag_i is added to
   * (delta +1) or removed from (delta -1) site s, over the vacancies around s other than `skip` and
   * other than those also around site `alsoAround` (for a hop s -> t those keep the Ag_i).
   */
  private boundChange(s: number, delta: number, skip: number, alsoAround: number): number {
    const ic = this.crystal.interstitialCation;
    let dn = 0;
    for (let q = ic.start[s]!; q < ic.start[s + 1]!; q++) {
      const c = ic.index[q]!;
      if (c === skip || this.cation[c] !== VAC || (alsoAround >= 0 && this.interTouches(alsoAround, c))) continue;
      const a = this.nAgAround(c);
      dn += bound(a + delta) - bound(a);
      if (this.envOn) this.envAcc += this.envCountEv(c, a, delta);
    }
    return dn;
  }

  /**
   * With the environment term on, boundChange and uptakeBoundChange add the Hg-environment change of the vacancies
   * they visit here (callers zero it first and add it to their energy).
   */
  private envAcc = 0;

  /** Ag_i in the interstitial sites around cation site c. */
  private nAgAround(c: number): number {
    return this.agAround[c]!;
  }

  /** agAround, the V-V partner counts and the Hg bookkeeping (hgChanged) from the occupancy (after a checkpoint restore). */
  rebuildDerivedCounts(): void {
    this.hgWeighted = 0;
    this.hgAround.fill(0);
    for (let x = 0; x < this.crystal.cationCount; x++) if (this.cation[x] === HG) this.hgChanged(x, 1);
    const ic = this.crystal.interstitialCation;
    this.agAround.fill(0);
    for (let s = 0; s < this.crystal.interstitialCount; s++)
      if (this.inter[s] === InterstitialSpecies.Ag) for (let q = ic.start[s]!; q < ic.start[s + 1]!; q++) this.agAround[ic.index[q]!]!++;
    this.vacPartners.fill(0);
    for (let x = 0; x < this.crystal.cationCount; x++) if (this.cation[x] === VAC) this.addVacPartners(x, 1);
  }

  private addAgAround(s: number, delta: number): void {
    const ic = this.crystal.interstitialCation;
    for (let q = ic.start[s]!; q < ic.start[s + 1]!; q++) this.agAround[ic.index[q]!]! += delta;
  }

  /** Ag_Cd among the cation neighbours of c, not counting site `except`. */
  private nAgCdAround(c: number, except: number): number {
    const cc = this.crystal.cationCation;
    let n = 0;
    for (let q = cc.start[c]!; q < cc.start[c + 1]!; q++) {
      const j = cc.index[q]!;
      if (j !== except && this.cation[j] === AG) n++;
    }
    return n;
  }

  /**
   * Energy of a vacancy at c holding n Ag_i, from its surroundings: the V-V pairs it makes with its partners, and its
   * Hg environment (envEv). Every event that makes or removes a vacancy at c carries it.
   */
  private vacancyLocalEv(c: number, n: number): number {
    const pairs = this.params.vacancyPairEv * this.vacPartners[c]!;
    return this.envOn ? pairs + this.envEv(c, n) : pairs;
  }

  /**
   * The Hg-environment energy of a vacancy at c with n Ag_i: -vacancyHgEnvironmentEv times the Hg fraction of its
   * cation neighbours times screenShare(n). HgSe screens a charge far better than CdSe (a semimetal against a
   * semiconductor), so the bare (-2) vacancy gains the most and the neutral 2Ag_i + V complex nothing.
   */
  private envEv(c: number, n: number): number {
    return this.hgAround[c]! * this.envPerHgEv(c, n);
  }

  /** The Hg-environment energy one Hg neighbour gives a vacancy at c holding n Ag_i. */
  private envPerHgEv(c: number, n: number): number {
    return -this.params.vacancyHgEnvironmentEv * this.invZ[c]! * screenShare(n);
  }

  /** Change of the Hg-environment energy of vacancy c when its Ag_i count goes from a to a + delta. */
  private envCountEv(c: number, a: number, delta: number): number {
    return this.envEv(c, a + delta) - this.envEv(c, a);
  }

  /** Energy change of the vacancies next to c (other than `except`) when c gains dHg Hg atoms (their Hg environment). */
  private hgNeighbourEv(c: number, dHg: number, except: number): number {
    if (!this.envOn || dHg === 0) return 0;
    const cc = this.crystal.cationCation;
    let sum = 0;
    for (let q = cc.start[c]!; q < cc.start[c + 1]!; q++) {
      const w = cc.index[q]!;
      if (w !== except && this.cation[w] === VAC) sum += this.envPerHgEv(w, this.nAgAround(w));
    }
    return dHg * sum;
  }

  /**
   * The energy terms of a hop the table leaves out that do not depend on the moving vacancy's Ag_i: the solubility
   * region's Hg (solCrossing) and, for an Hg hop, the Hg environment of the other vacancies around both ends.
   */
  private hopFixedExtraEv(i: number, j: number, m: number): number {
    if (m !== HG || !this.hopExtras) return 0;
    const crossEv = this.solCrossing ? (this.solWeight[i]! - this.solWeight[j]!) * this.solCrossPerAg * this.agInCrystalCount : 0;
    return this.envOn ? crossEv + this.hgNeighbourEv(j, -1, i) + this.hgNeighbourEv(i, 1, j) : crossEv;
  }

  /** The moving vacancy's Hg-environment change when the cation m at j hops into it at i: nI Ag_i at i before, nJ at j after. */
  private hopOwnEnvEv(i: number, j: number, m: number, nI: number, nJ: number): number {
    if (!this.envOn) return 0;
    // At i it saw m (if Hg) at j; at j it sees m at i.
    return (this.hgAround[j]! + (m === HG ? 1 : 0)) * this.envPerHgEv(j, nJ) - this.envEv(i, nI);
  }

  /** Keep the Hg bookkeeping the solubility and environment terms read as site c gains (1) or loses (-1) an Hg. */
  private hgChanged(c: number, delta: number): void {
    this.hgWeighted += delta * this.solWeight[c]!;
    if (!this.envOn) return;
    const cc = this.crystal.cationCation;
    for (let q = cc.start[c]!; q < cc.start[c + 1]!; q++) this.hgAround[cc.index[q]!]! += delta;
  }

  /** An Hg atom hopped from site j to site i. */
  private hgMoved(j: number, i: number): void {
    this.hgChanged(j, -1);
    this.hgChanged(i, 1);
  }

  /** Count a vacancy appearing (delta 1) or leaving (-1) at x on every partner site. */
  private addVacPartners(x: number, delta: number): void {
    for (let q = this.partnerStart[x]!; q < this.partnerStart[x + 1]!; q++) this.vacPartners[this.partner[q]!]! += delta;
  }

  private interSiteEnergy(s: number): number {
    return this.siteEnergy[this.interClass[s]!]!;
  }

  // ---------------------------------------------------------------- rates (pure reads of the state)

  /** Rate of the cation at the k-th neighbour of vacancy site i jumping into it. */
  vacancyHopRate(i: number, k: number): number {
    const cc = this.crystal.cationCation;
    const e = cc.start[i]! + k;
    if (e >= cc.start[i + 1]!) return 0;
    const j = cc.index[e]!;
    const m = this.cation[j]!;
    if (m === VAC) return 0;
    if (this.averagedComplex(i)) {
      this.averagedHopRates(i);
      return this.avgRates[k]!;
    }
    const agI = this.nAgAround(i);
    const agJ = this.nAgAround(j);
    let sharedAg = 0;
    for (let q = this.sharedStart[e]!; q < this.sharedStart[e + 1]!; q++) sharedAg += this.inter[this.shared[q]!]!;
    const surface = this.crystal.surfaceCation[i]! | this.crystal.surfaceCation[j]!;
    return this.hopRateGiven(i, j, m, this.ringCd(e), this.ringSize(e), Math.min(2, agI + agJ - sharedAg), surface, bound(agJ) - bound(agI), this.pairChange(i, j), this.agCdPairChange(i, j, m), agI, agJ, this.hopFixedExtraEv(i, j, m));
  }

  /** Cd atoms in the saddle ring of edge e (the common cation neighbours of its two sites). */
  private ringCd(e: number): number {
    let nCd = 0;
    for (let q = this.commonStart[e]!; q < this.commonStart[e + 1]!; q++) if (this.cation[this.common[q]!] === CD) nCd++;
    return nCd;
  }

  private ringSize(e: number): number {
    return this.commonStart[e + 1]! - this.commonStart[e]!;
  }

  /** Change of the V-V pair count when the vacancy at i moves to its neighbour j (the cation at j moves into i). */
  private pairChange(i: number, j: number): number {
    // i and j are neighbours, so each is the other's partner: neither counts its pair with the other.
    const atJ = this.vacPartners[j]! - (this.cation[i] === VAC ? 1 : 0);
    const atI = this.vacPartners[i]! - (this.cation[j] === VAC ? 1 : 0);
    return atJ - atI;
  }

  /**
   * The hop rate of cation m (site j) into vacancy i for a given Ag_i arrangement; dPairs is the change of the
   * V-V pair count of the move (pairChange), dAgCd that of the Ag_Cd-Ag_Cd pairs when m is Ag (agCdPairChange;
   * read only then). Host hops read the table unless dPairs is outside its range or the hop carries an energy the
   * table leaves out (fixedEv, from hopFixedExtraEv, and hopOwnEnvEv).
   */
  private hopRateGiven(i: number, j: number, m: number, nCd: number, ring: number, agPair: number, surface: number, dBound: number, dPairs: number, dAgCd: number, nI: number, nJ: number, fixedEv: number): number {
    if (this.hopExtras) {
      const extraEv = fixedEv + this.hopOwnEnvEv(i, j, m, nI, nJ);
      if (extraEv !== 0) return this.hopRateExp(m, nCd, ring, agPair, surface, dBound, dPairs, dAgCd, extraEv);
    }
    if (m === AG || dPairs > PAIR_TABLE_RANGE || dPairs < -PAIR_TABLE_RANGE) return this.hopRateExp(m, nCd, ring, agPair, surface, dBound, dPairs, dAgCd);
    return this.vacHopTable[this.vacHopIndex(m, nCd, ring, agPair, surface, dBound) * PAIR_TABLE_SIZE + dPairs + PAIR_TABLE_RANGE]!;
  }

  /** The hop rate evaluated (hopRateGiven's arguments; buildVacHopTable tabulates it for Cd and Hg). */
  private hopRateExp(m: number, nCd: number, ring: number, agPair: number, surface: number, dBound: number, dPairs: number, dAgCd: number, solubilityEv = 0): number {
    let dE = -this.params.vacancyAgBindingEv * dBound + this.params.vacancyPairEv * dPairs + solubilityEv;
    if (m === AG) dE -= this.params.agClusterEv * dAgCd;
    return this.rateHz(Math.max(0, this.hopSaddleEv(m, nCd, ring, agPair, surface)) + Math.max(0, dE));
  }

  /** Change of the Ag_Cd-Ag_Cd pair count when the Ag_Cd at j hops into the vacancy at i (0 for a host). */
  private agCdPairChange(i: number, j: number, m: number): number {
    return m === AG ? this.nAgCdAround(i, j) - this.nAgCdAround(j, i) : 0;
  }

  /**
   * A vacancy with Ag_i in its shell: they rearrange ~1e5 times per host hop, so its hops are a superbasin
   * escape and take the rate averaged over the Boltzmann distribution of those Ag_i in the shell, given
   * everything outside it (Chatterjee & Voter 2010). A frozen arrangement underestimates the mean rate
   * (Jensen), which rate scaling only cures as lambda grows without bound (measured in docs/model.md).
   */
  private averagedComplex(i: number): boolean {
    if (!this.averaging) return false;
    const n = this.nAgAround(i);
    return n > 0 && n <= MAX_AVERAGED_AG;
  }

  /** The current arrangement of i's shell, its site weights and the other vacancies touching it; returns their count. */
  private scanShell(i: number): number {
    const ci = this.crystal.cationInterstitial;
    const ic = this.crystal.interstitialCation;
    const q0 = ci.start[i]!;
    const L = ci.start[i + 1]! - q0;
    let nb = 0;
    let cur = 0;
    for (let p = 0; p < L; p++) {
      const s = ci.index[q0 + p]!;
      this.posWeight[p] = this.siteWeight[this.interClass[s]!]!;
      if (this.inter[s] === InterstitialSpecies.Ag) cur |= 1 << p;
      for (let r = ic.start[s]!; r < ic.start[s + 1]!; r++) {
        const c = ic.index[r]!;
        if (c === i || this.cation[c] !== VAC) continue;
        let b = 0;
        while (b < nb && this.nbVac[b] !== c) b++;
        if (b === nb) {
          this.nbVac[nb] = c;
          this.nbMask[nb++] = 0;
        }
        this.nbMask[b]! |= 1 << p;
      }
    }
    for (let b = 0; b < nb; b++) this.nbOut[b] = this.nAgAround(this.nbVac[b]!) - popcount(cur & this.nbMask[b]!);
    this.cfgAgMask = cur;
    this.scanLength = L;
    this.scanNb = nb;
    this.enumerated = false;
    return nb;
  }

  // What the last scanShell found: shell size, touching vacancies, and whether its arrangements are enumerated.
  private scanLength = 0;
  private scanNb = 0;
  private enumerated = false;

  /**
   * Every arrangement of the n Ag_i of the shell scanShell read last, with its Boltzmann weight relative to the
   * current one: site energies, and the binding of the other vacancies that touch the shell (their Ag_i
   * outside it stay put). Fills cfgMask/cfgWeight/cfgCount.
   */
  private enumerateFromScan(): void {
    const L = this.scanLength;
    const nb = this.scanNb;
    const cur = this.cfgAgMask;
    const n = popcount(cur);
    let boundNow = 0;
    let envNow = 0;
    for (let b = 0; b < nb; b++) {
      const k = this.nbOut[b]! + popcount(cur & this.nbMask[b]!);
      boundNow += bound(k);
      if (this.envOn) envNow += this.envEv(this.nbVac[b]!, k);
    }
    let count = 0;
    // Gosper's hack: the n-subsets of L positions in increasing order.
    for (let c = (1 << n) - 1; c < 1 << L; ) {
      let w = 1;
      for (let m = c; m !== 0; m &= m - 1) w *= this.posWeight[31 - Math.clz32(m & -m)]!;
      let dBound = -boundNow;
      // The touching vacancies' Hg-environment energy depends on their Ag_i count too (screenShare).
      let env = -envNow;
      for (let b = 0; b < nb; b++) {
        const k = this.nbOut[b]! + popcount(c & this.nbMask[b]!);
        dBound += bound(k);
        if (this.envOn) env += this.envEv(this.nbVac[b]!, k);
      }
      if (env !== 0) w *= Math.exp(-env / this.kT);
      this.cfgMask[count] = c;
      this.cfgWeight[count++] = dBound === 0 ? w : w * this.bindWeight[dBound + this.bindOffset]!;
      const low = c & -c;
      const ripple = c + low;
      c = (((ripple ^ c) >>> 2) / low) | ripple;
    }
    this.cfgCount = count;
    this.enumerated = true;
  }

  /**
   * Point shareDistAt at the cached P(m) of site i for this scan (nb touching vacancies); true if there is one.
   * Otherwise the least recently used entry of its set is claimed for it (the caller fills it), or, with more
   * touching vacancies than a key holds (or in a check), a scratch entry that never matches.
   */
  private cachedDist(i: number, nb: number): boolean {
    const W = DIST_TABLE;
    // The key holds counts, not the touching vacancies' Hg environment: no caching with the environment term on.
    if (nb > DIST_MAX_NB || this.uncached || (this.envOn && nb > 0)) {
      this.shareDistAt = DIST_ENTRIES * W;
      return false;
    }
    const n = popcount(this.cfgAgMask);
    let h = Math.imul(i ^ (n << 24) ^ (nb << 28), 0x9e3779b1);
    for (let b = 0; b < nb; b++) h = Math.imul((h ^ this.nbVac[b]!) + this.nbOut[b]!, 0x85ebca6b) ^ (h >>> 15);
    const set = ((h ^ (h >>> 16)) & (DIST_SETS - 1)) * DIST_WAYS;
    const key = this.distKey;
    const K = DIST_KEY_WIDTH;
    let oldest = set;
    for (let e = set; e < set + DIST_WAYS; e++) {
      const o = e * K;
      let hit = key[o] === i && key[o + 1] === n && key[o + 2] === nb;
      for (let b = 0; hit && b < nb; b++) hit = key[o + 3 + 2 * b] === this.nbVac[b] && key[o + 4 + 2 * b] === this.nbOut[b];
      if (hit) {
        this.distStamp[e] = ++this.distClock;
        this.shareDistAt = e * W;
        return true;
      }
      if (this.distStamp[e]! < this.distStamp[oldest]!) oldest = e;
    }
    const o = oldest * K;
    key[o] = i;
    key[o + 1] = n;
    key[o + 2] = nb;
    for (let b = 0; b < nb; b++) {
      key[o + 3 + 2 * b] = this.nbVac[b]!;
      key[o + 4 + 2 * b] = this.nbOut[b]!;
    }
    this.distStamp[oldest] = ++this.distClock;
    this.shareDistAt = oldest * W;
    return false;
  }

  /**
   * The averaged hop rates of vacancy i (all 12 directions, into avgRates). Over edge (i, j) the rate depends on
   * the arrangement only through m, the Ag_i on the sites shared with j (they stay bound after the hop):
   * R = sum_m P(m) R(m). shareDistAt is left pointing at P(m) by direction.
   */
  private averagedHopRates(i: number): void {
    this.pointAtDist(i);
    const cc = this.crystal.cationCation;
    const e0 = cc.start[i]!;
    const nK = cc.start[i + 1]! - e0;
    const n = popcount(this.cfgAgMask);
    for (let k = 0; k < 12; k++) this.avgRates[k] = k < nK ? this.directionTerms(i, e0 + k, n) : 0;
  }

  /** Scan averaged complex i's shell and point shareDistAt at its P(m), enumerating and filling it on a miss. */
  private pointAtDist(i: number): void {
    if (this.cachedDist(i, this.scanShell(i))) return;
    this.enumerateFromScan();
    this.fillDist(i);
  }

  /** P(m) by direction of site i's shell into the entry cachedDist claimed, from the arrangements enumerated last. */
  private fillDist(i: number): void {
    const W = MAX_AVERAGED_AG + 1;
    const dist = this.distCache;
    const d0 = this.shareDistAt;
    dist.fill(0, d0, d0 + DIST_TABLE);
    const p0 = i * this.maxCi;
    let z = 0;
    for (let a = 0; a < this.cfgCount; a++) {
      const w = this.cfgWeight[a]!;
      z += w;
      let lo = 0;
      let hi = 0;
      for (let c = this.cfgMask[a]!; c !== 0; c &= c - 1) {
        const p = p0 + 31 - Math.clz32(c & -c);
        lo += this.posDirLo[p]!;
        hi += this.posDirHi[p]!;
      }
      // Directions past nK (fewer neighbours) collect weight at m = 0 and are never read.
      for (let k = 0; k < 6; k++, lo >>>= 5, hi >>>= 5) {
        dist[d0 + k * W + (lo & 31)]! += w;
        dist[d0 + (k + 6) * W + (hi & 31)]! += w;
      }
    }
    for (let q = d0; q < d0 + DIST_TABLE; q++) dist[q]! /= z;
  }

  /**
   * P(m) R(m) for m = 0..n over edge e = (i, j) of averaged complex i (n Ag_i), into hopTerms, from the P(m)
   * table averagedHopRates just pointed at; returns their sum, the averaged rate (0 if j is a vacancy).
   */
  private directionTerms(i: number, e: number, n: number): number {
    const cc = this.crystal.cationCation;
    const j = cc.index[e]!;
    const m = this.cation[j]!;
    const terms = this.hopTerms;
    for (let s = 0; s <= n; s++) terms[s] = 0; // a loop: fill() on a few elements costs more than the terms
    if (m === VAC) return 0;
    const nCd = this.ringCd(e);
    const ring = this.ringSize(e);
    const outside = this.nAgAround(j) - popcount(this.cfgAgMask & this.sharedBits[e]!);
    const agPair = Math.min(2, n + outside);
    const surface = this.crystal.surfaceCation[i]! | this.crystal.surfaceCation[j]!;
    const dPairs = this.pairChange(i, j);
    const dAgCd = this.agCdPairChange(i, j, m);
    const p0 = this.shareDistAt + (e - cc.start[i]!) * (MAX_AVERAGED_AG + 1);
    const fixedEv = this.hopFixedExtraEv(i, j, m);
    let sum = 0;
    for (let s = 0; s <= n; s++) {
      const p = this.distCache[p0 + s]!;
      if (p > 0) sum += terms[s] = p * this.hopRateGiven(i, j, m, nCd, ring, agPair, surface, bound(outside + s) - bound(n), dPairs, dAgCd, n, outside + s, fixedEv);
    }
    return sum;
  }

  /** The saddle barrier of a cation hop, symmetric in (i, j) so forward and back share it. */
  private hopSaddleEv(m: number, nCd: number, ring: number, agPair: number, surface: number): number {
    const p = this.params;
    const fCd = ring > 0 ? nCd / ring : 0;
    const environmentEv = surface ? p.cdEnvironmentEv * p.cdEnvironmentSurfaceFactor : p.cdEnvironmentEv;
    return this.hopBarrier[m]! + environmentEv * fCd * (1 - agPair / 2) - p.agAssistEv * agPair - (surface ? p.surfaceHopReductionEv : 0);
  }

  private vacHopIndex(m: number, nCd: number, ring: number, agPair: number, surface: number, dBound: number): number {
    const R = this.ringMax + 1;
    return (((((m * R + ring) * R + nCd) * 3 + agPair) * 2 + surface) * 5 + dBound + 2);
  }

  /**
   * Cd and Hg hop rates (hopRateExp) for every (species, ring size, Cd in the ring, Ag_i at the saddle, surface,
   * binding change, V-V pair change within PAIR_TABLE_RANGE).
   */
  private buildVacHopTable(): void {
    const R = this.ringMax + 1;
    const table = new Float64Array(4 * R * R * 3 * 2 * 5 * PAIR_TABLE_SIZE);
    for (const m of [CD, HG])
      for (let ring = 0; ring < R; ring++)
        for (let nCd = 0; nCd <= ring; nCd++)
          for (let agPair = 0; agPair <= 2; agPair++)
            for (let surface = 0; surface <= 1; surface++)
              for (let dBound = -2; dBound <= 2; dBound++)
                for (let dPairs = -PAIR_TABLE_RANGE; dPairs <= PAIR_TABLE_RANGE; dPairs++)
                  table[this.vacHopIndex(m, nCd, ring, agPair, surface, dBound) * PAIR_TABLE_SIZE + dPairs + PAIR_TABLE_RANGE] = this.hopRateExp(m, nCd, ring, agPair, surface, dBound, dPairs, 0);
    this.vacHopTable = table;
  }

  /** Ag_i at s hopping to its k-th interstitial neighbour. */
  agHopRate(s: number, k: number): number {
    const ii = this.crystal.interstitialInterstitial;
    const q = ii.start[s]! + k;
    if (q >= ii.start[s + 1]!) return 0;
    const t = ii.index[q]!;
    if (this.inter[t] !== InterstitialSpecies.Empty) return 0;
    this.envAcc = 0;
    const dn = this.boundChange(s, -1, -1, t) + this.boundChange(t, 1, -1, s);
    if (this.envAcc !== 0) return this.agHopRateExp(this.interClass[s]!, this.interClass[t]!, dn, this.envAcc);
    return this.agHopTable[(this.interClass[s]! * 2 + this.interClass[t]!) * (2 * ExchangeModel.DN_OFFSET + 1) + dn + ExchangeModel.DN_OFFSET]!;
  }

  /**
   * An Ag_i hop from an interstitial of class `from` to one of class `to` that changes the bound Ag_i count by dn and
   * carries extraEv more (the vacancy Hg-environment term); setTemperature tabulates it with extraEv 0.
   */
  private agHopRateExp(from: number, to: number, dn: number, extraEv: number): number {
    const dE = this.siteEnergy[to]! - this.siteEnergy[from]! - this.params.vacancyAgBindingEv * dn + extraEv;
    return this.rateHz(this.params.agInterstitialHopEv + Math.max(0, dE));
  }

  /** Energy change of Ag_i at s falling into the vacancy c (Ag_i + V -> Ag_Cd). */
  private trapDeltaEv(s: number, c: number): number {
    const p = this.params;
    // The vacancy at c (with this Ag_i among its A_c) disappears; the other vacancies around s lose the Ag_i.
    this.envAcc = 0;
    const dn = -bound(this.nAgAround(c)) + this.boundChange(s, -1, c, -1);
    return -this.interSiteEnergy(s) - p.vacancyAgBindingEv * dn + this.envAcc + p.agSubstitutionEv - p.agClusterEv * this.nAgCdAround(c, -1) - this.vacancyLocalEv(c, this.nAgAround(c));
  }

  trapRate(s: number, k: number): number {
    const ic = this.crystal.interstitialCation;
    const q = ic.start[s]! + k;
    if (q >= ic.start[s + 1]!) return 0;
    const c = ic.index[q]!;
    if (this.cation[c] !== VAC) return 0;
    return this.rateHz(this.params.trapBarrierEv + Math.max(0, this.trapDeltaEv(s, c)));
  }

  /** Ag_Cd at c leaving to its k-th interstitial neighbour (Ag_Cd -> Ag_i + V). */
  detrapRate(c: number, k: number): number {
    return this.detrapRateGiven(c, k, this.nAgCdAround(c, -1), this.vacancyLocalEv(c, this.nAgAround(c) + 1));
  }

  /** detrapRate with the terms that do not depend on the direction k passed in (agRates reads them once). */
  private detrapRateGiven(c: number, k: number, nAgCd: number, pairsEv: number): number {
    const ci = this.crystal.cationInterstitial;
    const q = ci.start[c]! + k;
    if (q >= ci.start[c + 1]!) return 0;
    const s = ci.index[q]!;
    if (this.inter[s] !== InterstitialSpecies.Empty) return 0;
    const p = this.params;
    // Exactly the reverse of trapDeltaEv: a vacancy appears at c with the new Ag_i at s among its Ag_i.
    this.envAcc = 0;
    const dn = bound(this.nAgAround(c) + 1) + this.boundChange(s, 1, c, -1);
    const dE = this.interSiteEnergy(s) - p.vacancyAgBindingEv * dn + this.envAcc - p.agSubstitutionEv + p.agClusterEv * nAgCd + pairsEv;
    return this.rateHz(p.trapBarrierEv + Math.max(0, dE));
  }

  // Uptake and release are exact reverses: uptake needs an Ag-free shell around c and puts the two Ag_i on the
  // first two interstitial sites of c (its canonical pair); release needs exactly that pair occupied and no
  // other Ag_i around c. Intrinsic vacancy creation and filling need an Ag-free shell, so the two never compete
  // for the same state. The Ag_i visit the canonical pair often (they hop 1e5 times faster).

  /** The canonical pair of interstitial sites of surface site c, or false if c has fewer than two. */
  private canonicalPair(c: number, out: Int32Array): boolean {
    const ci = this.crystal.cationInterstitial;
    if (ci.start[c + 1]! - ci.start[c]! < 2) return false;
    out[0] = ci.index[ci.start[c]!]!;
    out[1] = ci.index[ci.start[c]! + 1]!;
    return true;
  }

  /** Vacancy c holds exactly two Ag_i, on its canonical pair: a release can send them back to solution. */
  private releasable(c: number, out: Int32Array): boolean {
    return this.canonicalPair(c, out) && this.nAgAround(c) === 2 && this.inter[out[0]!] === InterstitialSpecies.Ag && this.inter[out[1]!] === InterstitialSpecies.Ag;
  }

  private readonly pairScratch = new Int32Array(2);

  /** Bound Ag_i gained when Ag_i appear on s1 and s2 around the new vacancy c (other vacancies around them too). */
  private uptakeBoundChange(c: number, s1: number, s2: number, delta: number): number {
    // Vacancies around both s1 and s2 change by 2: count them from s1 with the pair, skip them from s2.
    const ic = this.crystal.interstitialCation;
    let dn = 0;
    for (let q = ic.start[s1]!; q < ic.start[s1 + 1]!; q++) {
      const v = ic.index[q]!;
      if (v === c || this.cation[v] !== VAC) continue;
      const k = this.interTouches(s2, v) ? 2 : 1;
      const a = this.nAgAround(v);
      dn += bound(a + delta * k) - bound(a);
      if (this.envOn) this.envAcc += this.envCountEv(v, a, delta * k);
    }
    return dn + this.boundChange(s2, delta, c, s1);
  }

  /** Energy change of the uptake at c (Ag-free shell): the new vacancy binds both Ag_i; neighbours may too. */
  private uptakeDeltaEv(c: number, s1: number, s2: number): number {
    const p = this.params;
    this.envAcc = 0;
    const dn = AG_PER_VACANCY + this.uptakeBoundChange(c, s1, s2, 1);
    return p.agUptakeEnergyEv + this.interSiteEnergy(s1) + this.interSiteEnergy(s2) - p.vacancyAgBindingEv * dn + this.envAcc + this.vacancyLocalEv(c, AG_PER_VACANCY);
  }

  private releaseDeltaEv(c: number, s1: number, s2: number): number {
    const p = this.params;
    this.envAcc = 0;
    const dn = -AG_PER_VACANCY + this.uptakeBoundChange(c, s1, s2, -1);
    return -p.agUptakeEnergyEv - this.interSiteEnergy(s1) - this.interSiteEnergy(s2) - p.vacancyAgBindingEv * dn + this.envAcc - this.vacancyLocalEv(c, AG_PER_VACANCY);
  }

  /**
   * Energy of taking host cation m from the lattice to the solution, relative to Cd: Hg sits lower in the
   * lattice by exchangeDriveEv (the drive of the surface exchange). Every event that moves a host between
   * lattice and solution carries it (the direct exchange too), so uptake-then-release-with-Hg costs what the
   * direct exchange does and no cycle of events runs around the Boltzmann distribution
   * (test/model/cycles.test.ts). Without it, that cycle did the Hg-for-Cd exchange free of the drive. Removing Hg
   * from site c also takes an Hg neighbour from the vacancies next to c (vacancyHgEnvironmentEv).
   */
  private hostRemovalEv(c: number, m: number): number {
    return m === HG ? this.params.exchangeDriveEv + this.hgNeighbourEv(c, -1, -1) : 0;
  }

  /** Base rate of one surface event kind (groups ExchangeHg..VacancyCreate) at surface cation site c. */
  private surfaceRate(group: number, c: number): number {
    const local = this.surfaceLocalEv(group, c);
    return Number.isNaN(local) ? 0 : this.surfaceRateFrom(group, this.cation[c]!, local, this.fillKind);
  }

  /** How a vacant surface site is filled, set by surfaceLocalEv: an Ag release (0) or an intrinsic fill (1). */
  private fillKind = 0;

  /**
   * The part of a surface event's energy that depends only on the site's neighbourhood (not on the crystal's Ag and
   * Hg counts, which agSolubilityEv adds); NaN where the event cannot happen. Sets fillKind for the fill groups.
   */
  private surfaceLocalEv(group: number, c: number): number {
    const p = this.params;
    const m = this.cation[c]!;
    const isHost = m === CD || m === HG;
    const pair = this.pairScratch;
    switch (group) {
      case Group.ExchangeHg:
        return m === CD ? this.hostRemovalEv(c, CD) - this.hostRemovalEv(c, HG) : Number.NaN;
      case Group.ExchangeCd:
        return m === HG ? this.hostRemovalEv(c, HG) - this.hostRemovalEv(c, CD) : Number.NaN;
      case Group.AgUptake:
        return isHost && this.nAgAround(c) === 0 && this.canonicalPair(c, pair) ? this.uptakeDeltaEv(c, pair[0]!, pair[1]!) + this.hostRemovalEv(c, m) : Number.NaN;
      case Group.VacancyCreate:
        // Intrinsic vacancies form and refill only where no Ag_i is around: otherwise Ag_i shared between
        // several vacancies would pay for them (the saturation is per vacancy) and condense vacancy clusters.
        return isHost && this.nAgAround(c) === 0 ? p.vacancyFormationEv + this.vacancyLocalEv(c, 0) + this.hostRemovalEv(c, m) : Number.NaN;
      default: {
        // FillHg / FillCd: the solution activity is the group factor; the filling host's lattice energy is here.
        if (m !== VAC) return Number.NaN;
        const fill = -this.hostRemovalEv(c, group === Group.FillHg ? HG : CD);
        if (this.releasable(c, pair)) {
          this.fillKind = 0;
          return this.releaseDeltaEv(c, pair[0]!, pair[1]!) + fill;
        }
        this.fillKind = 1;
        return this.nAgAround(c) === 0 ? -p.vacancyFormationEv - this.vacancyLocalEv(c, 0) + fill : Number.NaN;
      }
    }
  }

  /** ν e^(−(barrier + max(0, ΔE))/kT), with rate0 = ν e^(−barrier/kT) for the downhill case. */
  private activated(rate0: number, barrierEv: number, deltaEv: number): number {
    return deltaEv <= 0 ? rate0 : this.rateHz(barrierEv + deltaEv);
  }

  /** The rate from the local energy (surfaceLocalEv) and the Ag solubility term of the crystal's current counts. */
  private surfaceRateFrom(group: number, m: number, localEv: number, fillKind: number): number {
    const p = this.params;
    switch (group) {
      case Group.ExchangeHg:
      case Group.ExchangeCd: {
        const deltaEv = localEv + this.agSolubilityEv(0, group === Group.ExchangeHg ? 1 : -1);
        return deltaEv <= 0 ? 1 : Math.exp(-deltaEv / this.kT);
      }
      case Group.AgUptake:
        return this.activated(this.uptakeRate0, p.agUptakeEv, localEv + this.agSolubilityEv(AG_PER_VACANCY, m === HG ? -1 : 0));
      case Group.VacancyCreate:
        return this.activated(this.surfaceBarrierRate0, p.vacancySurfaceBarrierEv, localEv + this.agSolubilityEv(0, m === HG ? -1 : 0));
      default: {
        const dHg = group === Group.FillHg ? 1 : 0;
        return fillKind === 0
          ? this.activated(this.uptakeRate0, p.agUptakeEv, localEv + this.agSolubilityEv(-AG_PER_VACANCY, dHg))
          : this.activated(this.surfaceBarrierRate0, p.vacancySurfaceBarrierEv, localEv + this.agSolubilityEv(0, dHg));
      }
    }
  }

  /** Every surface rate of site u from scratch; keeps the local energies for solubilityRates. */
  private surfaceRates(u: number): void {
    const c = this.surfSite[u]!;
    const m = this.cation[c]!;
    const nS = this.surfSite.length;
    for (let g: number = Group.ExchangeHg; g <= Group.VacancyCreate; g++) {
      const local = this.surfaceLocalEv(g, c);
      this.surfLocal[g * nS + u] = local;
      if (g === Group.FillHg) this.surfFillKind[u] = this.fillKind;
      this.solver.update(this.groupStart[g]! + u, Number.isNaN(local) ? 0 : this.surfaceRateFrom(g, m, local, this.fillKind));
    }
  }

  /** Site u's surface rates after a change of the crystal's Ag or Hg count only: the kept local energies, new counts. */
  private solubilityRates(u: number): void {
    for (let g: number = Group.ExchangeHg; g <= Group.VacancyCreate; g++) this.keptSurfaceRate(g, u);
  }

  /** Surface rate of kind g at site u from its kept local energy (surfLocal) and the crystal's current counts. */
  private keptSurfaceRate(g: number, u: number): void {
    const local = this.surfLocal[g * this.surfSite.length + u]!;
    if (!Number.isNaN(local)) this.solver.update(this.groupStart[g]! + u, this.surfaceRateFrom(g, this.cation[this.surfSite[u]!]!, local, this.surfFillKind[u]!));
  }

  /**
   * The Ag solubility term couples the surface rates to N_Ag and H_w, and the Hg hops between layers to N_Ag. N_Ag
   * changes only at uptake and release (a few hundred per run): every surface site and vacancy is refreshed then. H_w
   * changes at Hg exchange and at Hg hops between layers; of the surface events only uptake and release read it.
   */
  private solubilityFlush(): void {
    if (this.agInCrystalCount !== this.solubilityAg) {
      this.solubilityAg = this.agInCrystalCount;
      this.solubilityHg = this.hgWeighted;
      // Sites not refreshed above only need the new counts on top of their kept local energies.
      for (let u = 0; u < this.surfSite.length; u++) if (this.surfMark[u] !== this.epoch) this.solubilityRates(u);
      this.uptakeStale = false;
      if (this.solCrossing) for (let v = 0; v < this.vacCount; v++) if (this.vacMark[v] !== this.epoch) this.vacancyRates(v);
    } else if (this.hgWeighted !== this.solubilityHg) {
      this.solubilityHg = this.hgWeighted;
      this.uptakeStale = true;
      // Releases happen only at vacant surface sites: a few, found through the vacancy list.
      for (let v = 0; v < this.vacCount; v++) {
        const u = this.siteSurf[this.vacSite[v]!]!;
        if (u >= 0 && this.surfMark[u] !== this.epoch) this.solubilityRates(u);
      }
    }
    // With fewer than two Ag in solution the uptake group's factor is 0 and its rates are never read (lazy refresh).
    if (this.uptakeStale && this.baseFactor[Group.AgUptake] !== 0) {
      for (let u = 0; u < this.surfSite.length; u++) this.keptSurfaceRate(Group.AgUptake, u);
      this.uptakeStale = false;
    }
  }

  private vacancyRates(v: number): void {
    const base = this.groupStart[Group.VacancyHop]! + 12 * v;
    if (v >= this.vacCount) {
      for (let k = 0; k < 12; k++) this.solver.update(base + k, 0);
      return;
    }
    const i = this.vacSite[v]!;
    let rates = this.vacRateScratch;
    if (this.averagedComplex(i)) {
      this.averagedHopRates(i);
      rates = this.avgRates;
    } else for (let k = 0; k < 12; k++) rates[k] = this.vacancyHopRate(i, k);
    this.solver.updateRange(base, rates, 12);
  }

  private agHopGroup(fromClass: number, toClass: number): number {
    return Group.AgHop00 + fromClass * 2 + toClass;
  }

  /** Group of the Ag_i hop along interstitial edge q = (s, t): in-shell if both ends touch an averaged complex. */
  private agHopGroupOfEdge(s: number, q: number, t: number): number {
    for (let r = this.iiCommonStart[q]!; r < this.iiCommonStart[q + 1]!; r++) {
      const c = this.iiCommon[r]!;
      if (this.cation[c] === VAC && this.averagedComplex(c)) return Group.AgHopShell;
    }
    return this.agHopGroup(this.interClass[s]!, this.interClass[t]!);
  }

  /** What agRates last wrote for each Ag atom (state and site), so only those slots are cleared. */
  private agWrittenState!: Uint8Array;
  private agWrittenSite!: Int32Array;

  private clearAgSlots(a: number): void {
    const state = this.agWrittenState[a]!;
    const w = this.agWrittenSite[a]!;
    const solver = this.solver;
    const gs = this.groupStart;
    const c = this.crystal;
    if (state === 1) {
      const ii = c.interstitialInterstitial;
      const base = a * this.agSlotBase;
      for (let q = ii.start[w]!, k = 0; q < ii.start[w + 1]!; q++, k++) solver.update(gs[this.agSlotGroup[base + k]!]! + base + k, 0);
      const nIc = c.interstitialCation.start[w + 1]! - c.interstitialCation.start[w]!;
      for (let k = 0; k < nIc; k++) solver.update(gs[Group.Trap]! + a * this.maxIc + k, 0);
    } else if (state === 2) {
      const nCi = c.cationInterstitial.start[w + 1]! - c.cationInterstitial.start[w]!;
      for (let k = 0; k < nCi; k++) solver.update(gs[Group.Detrap]! + a * this.maxCi + k, 0);
    }
    this.agWrittenState[a] = 0;
  }

  /** Set the slots Ag atom a owns in its current state (clearing what it owned before if it moved). */
  private agRates(a: number): void {
    const state = this.agState[a]!;
    const site = this.agSite[a]!;
    if (this.agWrittenState[a] !== state || this.agWrittenSite[a] !== site) this.clearAgSlots(a);
    const solver = this.solver;
    const gs = this.groupStart;
    if (state === 1) {
      const s = site;
      const ii = this.crystal.interstitialInterstitial;
      const base = a * this.agSlotBase;
      const fresh = this.agWrittenState[a] !== 1; // cleared above (or never written): no old group to clear
      for (let q = ii.start[s]!, k = 0; q < ii.start[s + 1]!; q++, k++) {
        const g = this.agHopGroupOfEdge(s, q, ii.index[q]!);
        const slot = base + k;
        if (!fresh && this.agSlotGroup[slot] !== g) solver.update(gs[this.agSlotGroup[slot]!]! + slot, 0);
        this.agSlotGroup[slot] = g;
        solver.update(gs[g]! + slot, this.agHopRate(s, k));
      }
      const nIc = this.crystal.interstitialCation.start[s + 1]! - this.crystal.interstitialCation.start[s]!;
      for (let k = 0; k < nIc; k++) solver.update(gs[Group.Trap]! + a * this.maxIc + k, this.trapRate(s, k));
    } else if (state === 2) {
      const c = site;
      const nCi = this.crystal.cationInterstitial.start[c + 1]! - this.crystal.cationInterstitial.start[c]!;
      const nAgCd = this.nAgCdAround(c, -1);
      const pairsEv = this.vacancyLocalEv(c, this.nAgAround(c) + 1);
      for (let k = 0; k < nCi; k++) solver.update(gs[Group.Detrap]! + a * this.maxCi + k, this.detrapRateGiven(c, k, nAgCd, pairsEv));
    }
    this.agWrittenState[a] = state;
    this.agWrittenSite[a] = site;
  }

  /** From-scratch rates of every event (after a temperature change; the check mode compares with this). */
  recomputeAll(): void {
    for (let u = 0; u < this.surfSite.length; u++) this.surfaceRates(u);
    for (let v = 0; v < this.crystal.cationCount; v++) {
      if (v < this.vacCount) this.vacancyRates(v);
    }
    for (let a = 0; a < this.agCapacity; a++) this.agRates(a);
  }

  /** Recompute the base rate of one slot from the state (for the check mode). */
  expectedRate(slot: number): number {
    const g = this.solver.groupOfSlot[slot]!;
    const local = slot - this.groupStart[g]!;
    const p = this.params;
    switch (g) {
      case Group.ExchangeHg:
      case Group.ExchangeCd:
      case Group.AgUptake:
      case Group.FillHg:
      case Group.FillCd:
      case Group.VacancyCreate:
        return this.surfaceRate(g, this.surfSite[local]!);
      case Group.VacancyHop: {
        const v = Math.floor(local / 12);
        if (v >= this.vacCount) return 0;
        this.uncached = true;
        const rate = this.vacancyHopRate(this.vacSite[v]!, local % 12);
        this.uncached = false;
        return rate;
      }
      case Group.Trap: {
        const a = Math.floor(local / this.maxIc);
        return this.agState[a] === 1 ? this.trapRate(this.agSite[a]!, local % this.maxIc) : 0;
      }
      case Group.Detrap: {
        const a = Math.floor(local / this.maxCi);
        return this.agState[a] === 2 ? this.detrapRate(this.agSite[a]!, local % this.maxCi) : 0;
      }
      case Group.ThiolAdsorption:
        return this.thiolAdsorptionRate();
      default: {
        const a = Math.floor(local / this.agSlotBase);
        const k = local % this.agSlotBase;
        if (this.agState[a] !== 1) return 0;
        const s = this.agSite[a]!;
        const ii = this.crystal.interstitialInterstitial;
        if (ii.start[s]! + k >= ii.start[s + 1]!) return 0;
        const expectedGroup = this.agHopGroupOfEdge(s, ii.start[s]! + k, ii.index[ii.start[s]! + k]!);
        return g === expectedGroup ? this.agHopRate(s, k) : 0;
      }
    }
  }

  // ---------------------------------------------------------------- marking what an event touched

  private markVac(site: number): void {
    const v = this.siteVac[site]!;
    if (v >= 0) this.markVacIndex(v);
  }

  private markVacIndex(v: number): void {
    if (this.vacMark[v] !== this.epoch) {
      this.vacMark[v] = this.epoch;
      this.vacList[this.vacListN++] = v;
    }
  }

  private markAg(a: number): void {
    if (a >= 0 && this.agMark[a] !== this.epoch) {
      this.agMark[a] = this.epoch;
      this.agList[this.agListN++] = a;
    }
  }

  private markSurf(site: number): void {
    const u = this.siteSurf[site]!;
    if (u >= 0 && this.surfMark[u] !== this.epoch) {
      this.surfMark[u] = this.epoch;
      this.surfList[this.surfListN++] = u;
    }
  }

  /** The species on cation site x changed: vacancies within two shells, every Ag, nearby surface sites. */
  private touchCation(x: number): void {
    const cc = this.crystal.cationCation;
    // With the environment term on, its marking covers touchReachNm too (envReach); otherwise, with few vacancies (the
    // usual case), test each one's distance instead of walking ~400 sites.
    if (this.envOn) this.markEnvNear(this.crystal.cationPositionNm, x, 0);
    else if (this.vacCount <= NEAR_SCAN_MAX_VACANCIES) this.markVacNear(x);
    else this.markVacByWalk(x);
    this.markSurf(x);
    const ci = this.crystal.cationInterstitial;
    const ic = this.crystal.interstitialCation;
    const ii = this.crystal.interstitialInterstitial;
    this.markAg(this.cationAg[x]!);
    for (let q = ci.start[x]!; q < ci.start[x + 1]!; q++) {
      const s = ci.index[q]!;
      // Ag_i hops read nV of their site and destination; Ag_Cd detrap reads nV of its interstitial shell.
      this.markAg(this.interAg[s]!);
      for (let r = ii.start[s]!; r < ii.start[s + 1]!; r++) this.markAg(this.interAg[ii.index[r]!]!);
      for (let r = ic.start[s]!; r < ic.start[s + 1]!; r++) {
        const c = ic.index[r]!;
        this.markSurf(c);
        this.markAg(this.cationAg[c]!);
      }
    }
    // Ag_Cd neighbour counts (Ag_Cd next to x, Ag_i next to a vacancy next to x) and V-V pairs: whatever makes,
    // fills or moves a vacancy at or next to a partner of x (traps, detraps, surface events; the vacancies are
    // marked above).
    const pairs = this.params.vacancyPairEv !== 0;
    for (let q = pairs ? this.partnerStart[x]! : cc.start[x]!, end = pairs ? this.partnerStart[x + 1]! : cc.start[x + 1]!; q < end; q++) {
      const n = pairs ? this.partner[q]! : cc.index[q]!;
      this.markAg(this.cationAg[n]!);
      if (this.cation[n] === VAC) for (let r = ci.start[n]!; r < ci.start[n + 1]!; r++) this.markAg(this.interAg[ci.index[r]!]!);
      if (pairs) this.markSurf(n);
    }
  }

  /**
   * The vacancies whose rates read cation x: within two cation shells (hop targets and saddle rings) and, with
   * the V-V repulsion, at or next to a partner of x.
   */
  private markVacByWalk(x: number): void {
    const cc = this.crystal.cationCation;
    this.markVacAround(x);
    for (let q = cc.start[x]!; q < cc.start[x + 1]!; q++) this.markVacAround(cc.index[q]!);
    if (this.params.vacancyPairEv !== 0) for (let q = this.partnerStart[x]!; q < this.partnerStart[x + 1]!; q++) this.markVacAround(this.partner[q]!);
  }

  /** The vacancies at cation site c and its cation neighbours. */
  private markVacAround(c: number): void {
    const cc = this.crystal.cationCation;
    this.markVac(c);
    for (let q = cc.start[c]!; q < cc.start[c + 1]!; q++) this.markVac(cc.index[q]!);
  }

  /**
   * Mark every vacancy within touchReachNm of cation x (minimum image on periodic axes): a superset of the
   * vacancies touchCation's walks reach (two cation shells, and a shell around every V-V partner), since
   * touchReachNm bounds their distance by the triangle inequality. Marking more only refreshes unchanged rates.
   */
  private markVacNear(x: number): void {
    const reach2 = this.touchReachNm * this.touchReachNm;
    for (let v = 0; v < this.vacCount; v++) if (cationDistance2(this.crystal, x, this.vacSite[v]!) <= reach2) this.markVacIndex(v);
  }

  /**
   * The occupancy of interstitial site s changed. For a move, `partner` is the other end (else -1): the
   * cations around both keep their Ag_i count, so only what reads positions, not counts, is refreshed there
   * (an averaged complex's hops read neither: they are averaged over its shell's arrangements).
   */
  private touchInter(s: number, partner: number): void {
    if (this.envOn) this.markEnvNear(this.crystal.interstitialPositionNm, s, 1);
    const ic = this.crystal.interstitialCation;
    const cc = this.crystal.cationCation;
    const ci = this.crystal.cationInterstitial;
    const ii = this.crystal.interstitialInterstitial;
    for (let q = ii.start[s]!; q < ii.start[s + 1]!; q++) this.markAg(this.interAg[ii.index[q]!]!);
    for (let q = ic.start[s]!; q < ic.start[s + 1]!; q++) {
      const c = ic.index[q]!;
      this.markSurf(c);
      this.markAg(this.cationAg[c]!); // Ag_Cd detrap reads A_c and the emptiness of s
      const countKept = partner >= 0 && this.interTouches(partner, c);
      if (this.cation[c] === VAC) {
        if (!countKept || !this.averagedComplex(c)) this.markVac(c);
        if (countKept) continue;
        // A_c changed. Readers of A_c: the vacancy's hops; Ag_i hops into, out of and within its shell; traps and
        // detraps next to it; uptake and release at surface sites whose pairs touch it; the averaged hops of
        // vacancies whose shells touch c's (they weigh its binding).
        for (let r = ci.start[c]!; r < ci.start[c + 1]!; r++) {
          const w = ci.index[r]!;
          this.markAg(this.interAg[w]!);
          for (let u = ii.start[w]!; u < ii.start[w + 1]!; u++) this.markAg(this.interAg[ii.index[u]!]!);
          for (let u = ic.start[w]!; u < ic.start[w + 1]!; u++) {
            const c2 = ic.index[u]!;
            this.markAg(this.cationAg[c2]!);
            this.markSurf(c2);
            this.markVacUnlessInShell(c2, s, partner);
          }
        }
      }
      if (!countKept) for (let r = cc.start[c]!; r < cc.start[c + 1]!; r++) this.markVacUnlessInShell(cc.index[r]!, s, partner); // a neighbour's A_j changed
    }
  }

  /**
   * With the vacancy Hg-environment term on, an Hg atom, a vacancy or an Ag_i count changing reaches rates several
   * shells away (screenShare, hgNeighbourEv, the averaged complexes' touching vacancies). The occupancy of site p
   * (positions pos; kind 0 a cation, 1 an interstitial) changed: mark every vacancy, Ag and surface site within envReachNm.
   */
  private markEnvNear(pos: Float64Array, p: number, kind: number): void {
    const c = this.crystal;
    const r = this.envReachNm;
    const cat = c.cationPositionNm;
    const rv2 = r[3 * kind]! * r[3 * kind]!;
    for (let v = 0; v < this.vacCount; v++) if (pointDistance2(c, pos, p, cat, this.vacSite[v]!) <= rv2) this.markVacIndex(v);
    const ra2 = r[3 * kind + 1]! * r[3 * kind + 1]!;
    for (let a = 0; a < this.agCapacity; a++) {
      const st = this.agState[a];
      if (st !== 1 && st !== 2) continue;
      if (pointDistance2(c, pos, p, st === 1 ? c.interstitialPositionNm : cat, this.agSite[a]!) <= ra2) this.markAg(a);
    }
    const [start, list] = this.envSurf[kind]!;
    for (let q = start[p]!; q < start[p + 1]!; q++) this.markSurf(list[q]!);
  }

  /**
   * Mark the vacancy at site i, unless the Ag_i move s <-> partner stays inside i's shell and i is an
   * averaged complex: its averaged rates read only counts outside its shell, which such a move keeps.
   */
  private markVacUnlessInShell(i: number, s: number, partner: number): void {
    if (this.cation[i] !== VAC) return;
    if (partner >= 0 && this.averagedComplex(i) && this.interTouches(s, i) && this.interTouches(partner, i)) return;
    this.markVac(i);
  }

  private flush(): void {
    for (let k = 0; k < this.vacListN; k++) this.vacancyRates(this.vacList[k]!);
    for (let k = 0; k < this.agListN; k++) this.agRates(this.agList[k]!);
    for (let k = 0; k < this.surfListN; k++) this.surfaceRates(this.surfList[k]!);
    if (this.params.agSolubilityHgEv !== 0) this.solubilityFlush();
    this.vacListN = 0;
    this.agListN = 0;
    this.surfListN = 0;
    this.epoch++;
  }

  // ---------------------------------------------------------------- state changes (with bookkeeping)

  private setCation(x: number, m: number): void {
    const old = this.cation[x]!;
    if (old === CD) this.cdCount--;
    else if (old === HG) this.hgCount--;
    else if (old === AG) this.agSubCount--;
    if (m === CD) this.cdCount++;
    else if (m === HG) this.hgCount++;
    else if (m === AG) this.agSubCount++;
    if ((old === HG) !== (m === HG)) this.hgChanged(x, m === HG ? 1 : -1);
    if (old === VAC && m !== VAC) this.removeVacancy(x);
    if (old !== VAC && m === VAC) this.addVacancy(x);
    this.cation[x] = m;
  }

  private addVacancy(x: number): void {
    const v = this.vacCount++;
    this.vacSite[v] = x;
    this.siteVac[x] = v;
    this.addVacPartners(x, 1);
    this.markVac(x); // its neighbours and those whose shells it touches: touchCation, which follows
  }

  private removeVacancy(x: number): void {
    const v = this.siteVac[x]!;
    const last = --this.vacCount;
    if (v !== last) {
      const moved = this.vacSite[last]!;
      this.vacSite[v] = moved;
      this.siteVac[moved] = v;
    }
    this.siteVac[x] = -1;
    this.addVacPartners(x, -1);
    const base = this.groupStart[Group.VacancyHop]! + 12 * last;
    for (let k = 0; k < 12; k++) this.solver.update(base + k, 0);
    if (v !== last) this.markVac(this.vacSite[v]!); // the renumbered vacancy writes its rates into block v
  }

  private placeAgInterstitial(a: number, s: number): void {
    this.agState[a] = 1;
    this.agSite[a] = s;
    this.inter[s] = InterstitialSpecies.Ag;
    this.interAg[s] = a;
    this.agInterCount++;
    this.addAgAround(s, 1);
  }

  private clearAgInterstitial(s: number): number {
    const a = this.interAg[s]!;
    this.inter[s] = InterstitialSpecies.Empty;
    this.interAg[s] = -1;
    this.agInterCount--;
    this.addAgAround(s, -1);
    return a;
  }

  /** Set up the pristine state (all Cd) with the initial solution; rates from scratch. */
  initialise(agAtoms: number): void {
    this.addAgToSolution(agAtoms);
    this.refreshReservoir();
    this.recomputeAll();
  }

  /**
   * Start with n vacancies at distinct random interior cation sites (their Cd never existed); returns n.
   * Uncompensated, like intrinsic vacancies: the crystal charge goes down by 2 each.
   */
  placeInitialVacancies(n: number, rng: { next(): number }): number {
    const interior: number[] = [];
    for (let i = 0; i < this.crystal.cationCount; i++) if (!this.crystal.surfaceCation[i]) interior.push(i);
    if (n > interior.length) throw new RangeError(`${n} initial vacancies but only ${interior.length} interior cation sites`);
    for (let k = 0; k < n; k++) {
      // Partial Fisher-Yates: the first n of a uniform random permutation.
      const pick = k + Math.floor(rng.next() * (interior.length - k));
      const site = interior[pick]!;
      interior[pick] = interior[k]!;
      this.setCation(site, VAC);
      this.crystalCharge -= 2;
    }
    if (n > 0) this.recomputeAll();
    return n;
  }

  // ---------------------------------------------------------------- the KmcModel

  execute(slot: number): void {
    const g = this.solver.groupOfSlot[slot]!;
    const local = slot - this.groupStart[g]!;
    this.eventCounts[g]! += 1;
    const r = this.reservoir;
    switch (g) {
      case Group.ExchangeHg: {
        const c = this.surfSite[local]!;
        this.setCation(c, HG);
        r.hgTotal--;
        r.cdTotal++;
        this.touchCation(c);
        this.refreshReservoir();
        break;
      }
      case Group.ExchangeCd: {
        const c = this.surfSite[local]!;
        this.setCation(c, CD);
        r.hgTotal++;
        r.cdTotal--;
        this.touchCation(c);
        this.refreshReservoir();
        break;
      }
      case Group.AgUptake: {
        const c = this.surfSite[local]!;
        const m = this.cation[c]!;
        const pair = this.pairScratch;
        this.canonicalPair(c, pair);
        const s1 = pair[0]!;
        const s2 = pair[1]!;
        if (m === HG) r.hgTotal++;
        else r.cdTotal++;
        this.setCation(c, VAC);
        for (let k = 0; k < 2; k++) {
          const s = k === 0 ? s1 : s2;
          const a = this.popSolutionAg();
          this.placeAgInterstitial(a, s);
          this.agInCrystalCount++;
          this.markAg(a);
          this.touchInter(s, -1);
        }
        r.agTotal -= 2;
        this.touchCation(c);
        this.refreshReservoir();
        break;
      }
      case Group.FillHg:
      case Group.FillCd: {
        const c = this.surfSite[local]!;
        const m = g === Group.FillHg ? HG : CD;
        const pair = this.pairScratch;
        if (this.releasable(c, pair)) {
          for (let k = 0; k < 2; k++) {
            const s = pair[k]!;
            const a = this.clearAgInterstitial(s);
            this.agState[a] = 0;
            this.agSite[a] = -2;
            this.pushSolutionAg(a);
            this.agInCrystalCount--;
            this.agRates(a);
            this.touchInter(s, -1);
          }
          r.agTotal += 2;
        } else this.crystalCharge += 2;
        if (m === HG) r.hgTotal--;
        else r.cdTotal--;
        this.setCation(c, m);
        this.touchCation(c);
        this.refreshReservoir();
        break;
      }
      case Group.VacancyCreate: {
        const c = this.surfSite[local]!;
        const m = this.cation[c]!;
        if (m === HG) r.hgTotal++;
        else r.cdTotal++;
        this.setCation(c, VAC);
        this.crystalCharge -= 2;
        this.touchCation(c);
        this.refreshReservoir();
        break;
      }
      case Group.VacancyHop: {
        const v = Math.floor(local / 12);
        const k = local % 12;
        const i = this.vacSite[v]!;
        const j = this.crystal.cationCation.index[this.crystal.cationCation.start[i]! + k]!;
        const m = this.cation[j]!;
        // An averaged complex: draw the Ag_i arrangement this hop went through (P(m) R(m)), then hop.
        if (this.averagedComplex(i)) this.arrangeForHop(i, this.crystal.cationCation.start[i]! + k);
        // Move the atom j -> i and the vacancy i -> j without renumbering the vacancy.
        this.cation[i] = m;
        this.cation[j] = VAC;
        if (m === HG) this.hgMoved(j, i);
        this.addVacPartners(i, -1);
        this.addVacPartners(j, 1);
        this.vacSite[v] = j;
        this.siteVac[i] = -1;
        this.siteVac[j] = v;
        if (m === AG) {
          const a = this.cationAg[j]!;
          this.cationAg[j] = -1;
          this.cationAg[i] = a;
          this.agSite[a] = i;
        }
        this.touchCation(i);
        this.touchCation(j);
        if (this.shellMoves > 0 && this.averaging) this.resettleShell(j);
        break;
      }
      case Group.Trap: {
        const a = Math.floor(local / this.maxIc);
        const k = local % this.maxIc;
        const s = this.agSite[a]!;
        const ic = this.crystal.interstitialCation;
        const c = ic.index[ic.start[s]! + k]!;
        this.clearAgInterstitial(s);
        this.setCation(c, AG);
        this.cationAg[c] = a;
        this.agState[a] = 2;
        this.agSite[a] = c;
        this.touchInter(s, -1);
        this.touchCation(c);
        break;
      }
      case Group.Detrap: {
        const a = Math.floor(local / this.maxCi);
        const k = local % this.maxCi;
        const c = this.agSite[a]!;
        const ci = this.crystal.cationInterstitial;
        const s = ci.index[ci.start[c]! + k]!;
        this.cationAg[c] = -1;
        this.setCation(c, VAC);
        this.placeAgInterstitial(a, s);
        this.touchInter(s, -1);
        this.touchCation(c);
        break;
      }
      case Group.ThiolAdsorption:
        r.thiolSurface++;
        this.refreshReservoir(); // the surface reactivity and the free thiol change; no lattice site does
        break;
      default: {
        // Ag_i hop: the hot event. Only its neighbourhood is refreshed.
        const a = Math.floor(local / this.agSlotBase);
        const k = local % this.agSlotBase;
        const s = this.agSite[a]!;
        const ii = this.crystal.interstitialInterstitial;
        const t = ii.index[ii.start[s]! + k]!;
        this.moveAgInterstitial(a, s, t);
        break;
      }
    }
    this.flush();
  }

  /**
   * After complex i hopped: its new shell's Ag_i drawn at equilibrium (the superbasin draw), or, too crowded to
   * average, locally equilibrated. Both read only the state, so the event's one flush follows; the P(m) the draw
   * enumerated is cached, so that flush's refresh of i reuses it.
   */
  private resettleShell(i: number): void {
    if (!this.averagedComplex(i)) {
      this.equilibrateShell(i);
      return;
    }
    this.pointAtDist(i);
    if (!this.enumerated) this.enumerateFromScan(); // a cached P(m): the arrangements to draw from
    this.placeArrangement(i, 0, 0);
  }

  /** Before hop e = (i, j) of averaged complex i: place its Ag_i in an arrangement drawn from P(m) R(m). */
  private arrangeForHop(i: number, e: number): void {
    this.pointAtDist(i); // only direction e's terms are needed, not all 12 rates
    if (!this.enumerated) this.enumerateFromScan(); // a cached P(m): the arrangements to draw from
    const n = popcount(this.cfgAgMask);
    const total = this.directionTerms(i, e, n);
    let target = this.random() * total;
    let m = 0;
    while (m < n && (this.hopTerms[m] === 0 || target >= this.hopTerms[m]!)) {
      target -= this.hopTerms[m]!;
      m++;
    }
    while (m > 0 && this.hopTerms[m] === 0) m--; // rounding at the top end
    this.placeArrangement(i, this.sharedBits[e]!, m);
  }

  /**
   * Move the Ag_i of vacancy i's shell to an arrangement drawn from the arrangements enumerated last (by
   * enumerateFromScan) with exactly m of them on the positions in mask (mask 0, m 0: any arrangement).
   * Atoms already on a drawn site stay; the others move to the free drawn sites (all moves marked).
   */
  private placeArrangement(i: number, mask: number, m: number): void {
    let total = 0;
    for (let a = 0; a < this.cfgCount; a++) if (popcount(this.cfgMask[a]! & mask) === m) total += this.cfgWeight[a]!;
    let target = this.random() * total;
    let pick = -1;
    for (let a = 0; a < this.cfgCount; a++) {
      if (popcount(this.cfgMask[a]! & mask) !== m) continue;
      pick = a;
      if (target < this.cfgWeight[a]!) break;
      target -= this.cfgWeight[a]!;
    }
    const ci = this.crystal.cationInterstitial;
    const q0 = ci.start[i]!;
    const oldMask = this.cfgAgMask;
    const newMask = this.cfgMask[pick]!;
    let freeTo = newMask & ~oldMask;
    let leaving = oldMask & ~newMask;
    while (leaving !== 0) {
      const from = 31 - Math.clz32(leaving & -leaving);
      const to = 31 - Math.clz32(freeTo & -freeTo);
      leaving &= leaving - 1;
      freeTo &= freeTo - 1;
      const s = ci.index[q0 + from]!;
      this.moveAgInterstitial(this.interAg[s]!, s, ci.index[q0 + to]!);
    }
  }

  private moveAgInterstitial(a: number, s: number, t: number): void {
    this.clearAgInterstitial(s);
    this.placeAgInterstitial(a, t);
    this.markAg(a);
    this.touchInter(s, t);
    this.touchInter(t, s);
  }

  /**
   * Local equilibration of a complex too crowded to average (more than MAX_AVERAGED_AG Ag_i) after it moved,
   * a superbasin step (Chatterjee & Voter 2010): otherwise it would sit on the few sites shared with its old
   * site and rattle back. `shellMoves` in-shell Ag_i hops, chosen with their true relative rates (detailed
   * balance restricted to the shell, so the sampled configurations tend to Boltzmann), take no simulated time.
   */
  private equilibrateShell(v: number): void {
    const ci = this.crystal.cationInterstitial;
    const ii = this.crystal.interstitialInterstitial;
    const from = this.shellFrom;
    const to = this.shellTo;
    const rate = this.shellRate;
    for (let step = 0; step < this.shellMoves; step++) {
      let n = 0;
      let total = 0;
      for (let q = ci.start[v]!; q < ci.start[v + 1]!; q++) {
        const s = ci.index[q]!;
        if (this.inter[s] !== InterstitialSpecies.Ag) continue;
        for (let r = ii.start[s]!, k = 0; r < ii.start[s + 1]!; r++, k++) {
          const t = ii.index[r]!;
          if (this.inter[t] !== InterstitialSpecies.Empty || !this.interTouches(t, v)) continue;
          const kHz = this.agHopRate(s, k);
          if (kHz <= 0) continue;
          from[n] = s;
          to[n] = t;
          rate[n++] = kHz;
          total += kHz;
        }
      }
      if (n === 0) break;
      let target = this.random() * total;
      let pick = 0;
      while (pick < n - 1 && target >= rate[pick]!) target -= rate[pick++]!;
      // The candidates above read the occupancy, not the solver: the event's flush after the last move suffices.
      this.moveAgInterstitial(this.interAg[from[pick]!]!, from[pick]!, to[pick]!);
    }
  }

  // ---------------------------------------------------------------- checks

  /** Conservation and consistency: throws with a description of the first violation. */
  verifyState(expected: { hg: number; cd: number; ag: number }): void {
    const nC = this.crystal.cationCount;
    let cd = 0;
    let hg = 0;
    let agSub = 0;
    let vac = 0;
    for (let i = 0; i < nC; i++) {
      const m = this.cation[i]!;
      if (m === CD) cd++;
      else if (m === HG) hg++;
      else if (m === AG) {
        agSub++;
        const a = this.cationAg[i]!;
        if (a < 0 || this.agState[a] !== 2 || this.agSite[a] !== i) throw new Error(`Ag_Cd at cation ${i} not linked to its Ag atom`);
      } else {
        vac++;
        const v = this.siteVac[i]!;
        if (v < 0 || v >= this.vacCount || this.vacSite[v] !== i) throw new Error(`vacancy at cation ${i} not in the vacancy list`);
      }
    }
    const ci = this.crystal.cationInterstitial;
    for (let i = 0; i < nC; i++) {
      let n = 0;
      for (let q = ci.start[i]!; q < ci.start[i + 1]!; q++) n += this.inter[ci.index[q]!]!;
      if (n !== this.agAround[i]) throw new Error(`Ag_i count around cation ${i} is ${n} but ${this.agAround[i]} was kept`);
      let nv = 0;
      for (let q = this.partnerStart[i]!; q < this.partnerStart[i + 1]!; q++) if (this.cation[this.partner[q]!] === VAC) nv++;
      if (nv !== this.vacPartners[i]) throw new Error(`vacancies on the partners of cation ${i}: ${nv}, but ${this.vacPartners[i]} were kept`);
    }
    let agI = 0;
    for (let s = 0; s < this.crystal.interstitialCount; s++) {
      if (this.inter[s] === InterstitialSpecies.Ag) {
        agI++;
        const a = this.interAg[s]!;
        if (a < 0 || this.agState[a] !== 1 || this.agSite[a] !== s) throw new Error(`Ag_i at interstitial ${s} not linked to its Ag atom`);
      }
    }
    let hgW = 0;
    for (let x = 0; x < this.crystal.cationCount; x++) if (this.cation[x] === HG) hgW += this.solWeight[x]!;
    if (hgW !== this.hgWeighted) throw new Error(`weighted Hg drifted: ${hgW} from the state, ${this.hgWeighted} bookkept`);
    if (this.envOn) {
      const cc = this.crystal.cationCation;
      for (let x = 0; x < this.crystal.cationCount; x++) {
        let n = 0;
        for (let q = cc.start[x]!; q < cc.start[x + 1]!; q++) if (this.cation[cc.index[q]!] === HG) n++;
        if (n !== this.hgAround[x]) throw new Error(`Hg around cation ${x} drifted: ${n} from the state, ${this.hgAround[x]} bookkept`);
      }
    }
    if (cd !== this.cdCount || hg !== this.hgCount || agSub !== this.agSubCount || vac !== this.vacCount || agI !== this.agInterCount)
      throw new Error(`incremental counts drifted: Cd ${cd}/${this.cdCount} Hg ${hg}/${this.hgCount} Ag_Cd ${agSub}/${this.agSubCount} V ${vac}/${this.vacCount} Ag_i ${agI}/${this.agInterCount}`);
    const r = this.reservoir;
    if (hg + r.hgTotal !== expected.hg) throw new Error(`Hg not conserved: crystal ${hg} + solution ${r.hgTotal} != ${expected.hg}`);
    if (cd + r.cdTotal !== expected.cd) throw new Error(`Cd not conserved: crystal ${cd} + solution ${r.cdTotal} != ${expected.cd}`);
    if (agSub + agI + r.agTotal !== expected.ag) throw new Error(`Ag not conserved: crystal ${agSub + agI} + solution ${r.agTotal} != ${expected.ag}`);
    if (r.agTotal !== this.agSolutionCount) throw new Error(`solution Ag ${r.agTotal} != Ag atoms in solution ${this.agSolutionCount}`);
    const defectCharge = agI - 2 * vac - agSub;
    if (defectCharge !== this.crystalCharge) throw new Error(`crystal charge ${defectCharge} != bookkept ${this.crystalCharge} (only intrinsic vacancies may charge it)`);
  }

  /** Every slot's incremental rate equals a from-scratch evaluation (relative tolerance 1e-12). */
  verifyRates(): void {
    const solver = this.solver;
    for (let slot = 0; slot < solver.slotCount; slot++) {
      // Stale uptake rates sit under a group factor of 0 (solubilityFlush): never read until refreshed.
      if (this.uptakeStale && solver.groupOfSlot[slot] === Group.AgUptake) continue;
      const want = this.expectedRate(slot);
      const have = solver.rate(slot);
      if (Math.abs(want - have) > 1e-12 * Math.max(Math.abs(want), 1e-300)) {
        const g = solver.groupOfSlot[slot]!;
        throw new Error(`slot ${slot} (${EVENT_TYPE_NAMES[g]}) rate ${have} but the state gives ${want}`);
      }
    }
  }
}

/** Interstitial class 0/1: T_Cd/T_Se in zinc blende; lower/upper cage level along c in wurtzite. */
function classifyInterstitials(c: Crystal): Uint8Array {
  const out = new Uint8Array(c.interstitialCount);
  for (let s = 0; s < c.interstitialCount; s++) {
    const kind = c.interstitialKind[s]!;
    if (kind === InterstitialKind.TetraCation) out[s] = 0;
    else if (kind === InterstitialKind.TetraAnion) out[s] = 1;
    else {
      const z = c.interstitialPositionNm[3 * s + 2]!;
      out[s] = Math.round(z / (c.latticeCNm / 2)) & 1;
    }
  }
  return out;
}

/** Per interstitial-interstitial edge, the cations adjacent to both of its sites (CSR over the edge index). */
function interstitialEdgeCations(c: Crystal): [Int32Array, Int32Array] {
  const ii = c.interstitialInterstitial;
  const ic = c.interstitialCation;
  const start = new Int32Array(ii.index.length + 1);
  const list: number[] = [];
  for (let s = 0; s < c.interstitialCount; s++) {
    for (let q = ii.start[s]!; q < ii.start[s + 1]!; q++) {
      const t = ii.index[q]!;
      for (let a = ic.start[s]!; a < ic.start[s + 1]!; a++) {
        const cat = ic.index[a]!;
        for (let b = ic.start[t]!; b < ic.start[t + 1]!; b++) if (ic.index[b] === cat) list.push(cat);
      }
      start[q + 1] = list.length;
    }
  }
  return [start, Int32Array.from(list)];
}

/** Per cation-cation edge: the common cation neighbours (the saddle ring) and the shared interstitial sites. */
function edgeTables(c: Crystal): [Int32Array, Int32Array, Int32Array, Int32Array] {
  const cc = c.cationCation;
  const ci = c.cationInterstitial;
  const nE = cc.index.length;
  const commonStart = new Int32Array(nE + 1);
  const sharedStart = new Int32Array(nE + 1);
  const common: number[] = [];
  const shared: number[] = [];
  const mark = new Int32Array(Math.max(c.cationCount, c.interstitialCount)).fill(-1);
  const markI = new Int32Array(c.interstitialCount).fill(-1);
  for (let i = 0; i < c.cationCount; i++) {
    for (let q = cc.start[i]!; q < cc.start[i + 1]!; q++) mark[cc.index[q]!] = i;
    for (let q = ci.start[i]!; q < ci.start[i + 1]!; q++) markI[ci.index[q]!] = i;
    for (let e = cc.start[i]!; e < cc.start[i + 1]!; e++) {
      const j = cc.index[e]!;
      for (let q = cc.start[j]!; q < cc.start[j + 1]!; q++) {
        const n = cc.index[q]!;
        if (n !== i && mark[n] === i) common.push(n);
      }
      for (let q = ci.start[j]!; q < ci.start[j + 1]!; q++) if (markI[ci.index[q]!] === i) shared.push(ci.index[q]!);
      commonStart[e + 1] = common.length;
      sharedStart[e + 1] = shared.length;
    }
  }
  return [commonStart, Int32Array.from(common), sharedStart, Int32Array.from(shared)];
}

/**
 * Per cation site c, the sites whose vacancies repel one at c (vacancyPairEv): its cation neighbours and every
 * cation sharing an interstitial site with it (in zinc blende the second neighbours across an octahedral-like
 * T_Se site). These are exactly the vacancies that could share an Ag_i with c's, and each Ag_i counts for every
 * vacancy around it, so without the repulsion vacancies gather around the Ag_i.
 */
function vacancyPartnerTable(c: Crystal): [Int32Array, Int32Array] {
  const cc = c.cationCation;
  const ci = c.cationInterstitial;
  const ic = c.interstitialCation;
  const start = new Int32Array(c.cationCount + 1);
  const list: number[] = [];
  const mark = new Int32Array(c.cationCount).fill(-1);
  const add = (i: number, j: number): void => {
    if (j === i || mark[j] === i) return;
    mark[j] = i;
    list.push(j);
  };
  for (let i = 0; i < c.cationCount; i++) {
    for (let q = cc.start[i]!; q < cc.start[i + 1]!; q++) add(i, cc.index[q]!);
    for (let q = ci.start[i]!; q < ci.start[i + 1]!; q++) {
      const s = ci.index[q]!;
      for (let r = ic.start[s]!; r < ic.start[s + 1]!; r++) add(i, ic.index[r]!);
    }
    start[i + 1] = list.length;
  }
  return [start, Int32Array.from(list)];
}

/** Squared distance between cation sites i and j, nm^2, minimum image on the periodic axes. */
function cationDistance2(c: Crystal, i: number, j: number): number {
  return pointDistance2(c, c.cationPositionNm, i, c.cationPositionNm, j);
}

/** Squared distance between point i of positions a and point j of positions b, nm^2, minimum image on the periodic axes. */
function pointDistance2(c: Crystal, a: Float64Array, i: number, b: Float64Array, j: number): number {
  let d2 = 0;
  for (let k = 0; k < 3; k++) {
    const p = c.periodicNm[k]!;
    let d = b[3 * j + k]! - a[3 * i + k]!;
    if (p > 0) d -= p * Math.round(d / p);
    d2 += d * d;
  }
  return d2;
}

/** Per point of positions a, the cation sites of `targets` within radiusNm of it (CSR: start, list). */
function sitesWithin(c: Crystal, a: Float64Array, targets: Int32Array, radiusNm: number): [Int32Array, Int32Array] {
  const n = a.length / 3;
  const r2 = radiusNm * radiusNm;
  const start = new Int32Array(n + 1);
  const list: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const t of targets) if (pointDistance2(c, a, i, c.cationPositionNm, t) <= r2) list.push(t);
    start[i + 1] = list.length;
  }
  return [start, Int32Array.from(list)];
}

/** Largest distance over the links (start, index) from positions a to positions b, nm. */
function longestLink(c: Crystal, a: Float64Array, b: Float64Array, start: Int32Array, index: Int32Array): number {
  let longest = 0;
  for (let i = 0; i + 1 < start.length; i++) for (let q = start[i]!; q < start[i + 1]!; q++) longest = Math.max(longest, pointDistance2(c, a, i, b, index[q]!));
  return Math.sqrt(longest);
}

/**
 * How far the vacancy environment term reaches (markEnvNear), nm: [vacancy, Ag, surface] rates from a changed cation,
 * then from a changed interstitial. A rate reads the environment (Hg neighbours, Ag_i count, presence) of cation sites
 * within: 2 nn (a vacancy hop reads its target's vacant neighbours) or 2 d_ci (an averaged complex weighs the
 * vacancies touching its shell); d_ii + d_ci or 2 d_ci (an Ag_i hop or an Ag_Cd detrap changes the count of the
 * vacancies around its end); nn or 2 d_ci (a surface event at c: c's neighbours, the vacancies around its uptake
 * pair). That environment changes with Hg within nn and Ag_i within d_ci of the site. The triangle inequality bounds
 * the sum; a small margin covers rounding. The vacancy reach from a cation is at least touchReachNm, so that
 * touchCation's own vacancy marking can be left to markEnvNear.
 */
function envReach(c: Crystal, touchReachNm: number): Float64Array {
  const cat = c.cationPositionNm;
  const int = c.interstitialPositionNm;
  const nn = longestLink(c, cat, cat, c.cationCation.start, c.cationCation.index);
  const ci = longestLink(c, cat, int, c.cationInterstitial.start, c.cationInterstitial.index);
  const ii = longestLink(c, int, int, c.interstitialInterstitial.start, c.interstitialInterstitial.index);
  const reads = [Math.max(2 * nn, 2 * ci), Math.max(ii + ci, 2 * ci), Math.max(nn, 2 * ci)];
  const out = new Float64Array(6);
  for (let k = 0; k < 3; k++) {
    out[k] = withRoundingMargin(reads[k]! + nn);
    out[3 + k] = withRoundingMargin(reads[k]! + ci);
  }
  out[0] = Math.max(out[0]!, touchReachNm);
  return out;
}

/** A distance bound widened by a small margin, so sites exactly at the bound are not lost to rounding. */
const withRoundingMargin = (nm: number): number => nm * (1 + 1e-9) + 1e-9;

/**
 * The reach of touchCation's walks: two cation-neighbour steps, or a V-V partner and one step from it; the
 * triangle inequality bounds both, and a small margin covers rounding.
 */
function touchReach(c: Crystal, partnerStart: Int32Array, partner: Int32Array): number {
  const cat = c.cationPositionNm;
  const nn = longestLink(c, cat, cat, c.cationCation.start, c.cationCation.index);
  return withRoundingMargin(Math.max(2 * nn, longestLink(c, cat, cat, partnerStart, partner) + nn));
}

/** Set bits of every shell mask (shells have at most 10 sites, checked in the constructor): one load in the enumerations. */
const SHELL_POPCOUNT = (() => {
  const t = new Uint8Array(1 << 10);
  for (let x = 1; x < t.length; x++) t[x] = t[x >> 1]! + (x & 1);
  return t;
})();
const popcount = (shellMask: number): number => SHELL_POPCOUNT[shellMask]!;

/** Per cation-cation edge (i, j): bitmask over i's shell positions of the interstitials shared with j. */

function positionDirectionFields(c: Crystal, sharedBits: Int32Array, maxCi: number): [Int32Array, Int32Array] {
  const cc = c.cationCation;
  const lo = new Int32Array(c.cationCount * maxCi);
  const hi = new Int32Array(c.cationCount * maxCi);
  for (let i = 0; i < c.cationCount; i++)
    for (let e = cc.start[i]!, k = 0; e < cc.start[i + 1]!; e++, k++)
      for (let p = 0; p < maxCi; p++) {
        if (!(sharedBits[e]! & (1 << p))) continue;
        if (k < 6) lo[i * maxCi + p]! += 1 << (5 * k);
        else hi[i * maxCi + p]! += 1 << (5 * (k - 6));
      }
  return [lo, hi];
}

function sharedBitTable(c: Crystal, sharedStart: Int32Array, shared: Int32Array): Int32Array {
  const ci = c.cationInterstitial;
  const cc = c.cationCation;
  const bits = new Int32Array(cc.index.length);
  for (let i = 0; i < c.cationCount; i++)
    for (let e = cc.start[i]!; e < cc.start[i + 1]!; e++)
      for (let q = sharedStart[e]!; q < sharedStart[e + 1]!; q++)
        for (let p = ci.start[i]!; p < ci.start[i + 1]!; p++) if (ci.index[p] === shared[q]) bits[e]! |= 1 << (p - ci.start[i]!);
  return bits;
}
