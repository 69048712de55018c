// Periodic zinc-blende platelets run with the real exchange model in the tracer limit (parameter overrides only, no
// model code) and mapped onto the plane-lattice and continuum sheets (src/continuum/plane-lattice.ts).
// Units: nm, s, eV, 1/s, m²/s. The mapping is derived in docs/continuum.md, "Atomistic cross-check".
import { fickFractions, type FickProblem } from '../../src/continuum/fick.js';
import { fitFick } from '../../src/continuum/fit.js';
import { goldenSection } from '../../src/continuum/minimize.js';
import { equivalentSheet, planeFraction, type PlaneSheet } from '../../src/continuum/plane-lattice.js';
import { buildCrystal } from '../../src/lattice/build.js';
import { lookupMaterial } from '../../src/lattice/materials.js';
import type { Scenario } from '../../src/model/contract.js';
import { materialParams, paramValues } from '../../src/model/params/index.js';
import { createSimulation, crystalSpecOf } from '../../src/model/simulation.js';
import { BOLTZMANN_EV_PER_K, celsiusToKelvin, M_PER_NM } from '../../src/units.js';
import { moments } from '../../sim/ensemble/stats.js';
import { PALETTE, renderPlot } from '../../sim/plots.js';

/** Tracer correlation factor of the vacancy mechanism on fcc (PHYSICS-NOTES §3.2; test/kmc/tracer-correlation.test.ts). */
export const F_FCC = 0.78145;
/** Cation neighbours on the fcc sublattice: a vacancy's total hop rate is 12 ν e^(−E/kT). */
const CATION_NEIGHBOURS = 12;
/** Hg in solution per Cd: the free Hg activity (the exchange rate's factor) falls by at most 1% over a run. */
const HG_PER_CD = 100;
/** Barriers that switch events off (rates ~ e^(−330)): intrinsic vacancy creation and surface vacancy filling. */
const OFF_EV = 10;

export interface SheetRunSpec {
  /** N of an N.5-monolayer platelet: N + 1 cation planes, the outer two the surface. */
  monolayersN: number;
  /** In-plane period, conventional cells of a (periodic platelet). */
  lateralCells: number;
  /** Vacancies per cation site, placed at random interior sites at t = 0; their number never changes. */
  vacanciesPerCd: number;
  temperatureC: number;
  /** Barrier of every cation hop (Cd and Hg alike), eV. */
  hopEv: number;
  /** Barrier of the surface Cd -> Hg exchange on a bare site, eV (its per-site rate: see surfaceRateHz). */
  surfaceExchangeEv: number;
  /** 'fixed': the surface planes are held exchanged (the exchange is far faster than any hop); else 'exchange'. */
  surface: 'fixed' | 'exchange';
  /** Run length in units of l²/D of the equivalent continuum sheet. */
  durationTau: number;
  /** Linearly spaced samples, t = 0 included. */
  samples: number;
}

export interface SheetSetup {
  scenario: Scenario;
  cationSites: number;
  vacancies: number;
  /** Vacancy site fraction c_v. */
  vacancyFraction: number;
  /** Total hop rate of a vacancy with all 12 neighbours occupied, Γ = 12 ν e^(−E/kT), 1/s. */
  vacancyHopHz: number;
  /** Cation jump length d = a/√2, nm. */
  jumpNm: number;
  /** Predicted D = f c_v Γ d²/6, m²/s. */
  predictedDM2PerS: number;
  /** Per-site surface exchange rate k = a_Hg ν e^(−E/kT) at the initial Hg activity, 1/s. */
  surfaceRateHz: number;
  sheet: PlaneSheet;
}

/** The scenario and the predictions for a spec: the KMC side knows nothing of them beyond the parameters. */
export function sheetSetup(spec: SheetRunSpec): SheetSetup {
  const parameters = {
    hopCdEv: spec.hopEv,
    hopHgEv: spec.hopEv,
    cdEnvironmentEv: 0,
    agAssistEv: 0,
    surfaceHopReductionEv: 0,
    vacancyPairEv: 0, // the tracer limit's vacancies do not interact (f is the non-interacting vacancy's)
    vacancySurfaceBarrierEv: OFF_EV,
    surfaceExchangeBareEv: spec.surfaceExchangeEv,
    exchangeDriveEv: OFF_EV, // Hg -> Cd back-exchange off: the surface condition is c = 1 (Robin with C_eq = 1)
  };
  const aNm = lookupMaterial('CdSe').zincblendeANm;
  const lateralNm = spec.lateralCells * aNm;
  const scenario: Scenario = {
    name: `sheet-${spec.surface}`,
    material: 'CdSe',
    crystal: { structure: 'zincblende', shape: 'platelet', monolayers: spec.monolayersN + 0.5, lateralNm: [lateralNm, lateralNm], periodic: true },
    temperatureC: spec.temperatureC,
    durationS: 1, // set below, once D is known
    reagents: { hgPerCd: HG_PER_CD, agPerCd: 0, thiolPerCd: 0 },
    samples: spec.samples,
    sampleSpacing: 'linear',
    firstSampleS: 1,
    profileShells: spec.monolayersN + 1,
    stages: [],
    initialVacanciesPerCd: spec.vacanciesPerCd,
    parameters,
  };
  const cationSites = buildCrystal(crystalSpecOf(scenario)).cationCount;
  const vacancies = Math.round(spec.vacanciesPerCd * cationSites); // as createSimulation places them
  const values = paramValues(materialParams('CdSe'), parameters);
  const kT = BOLTZMANN_EV_PER_K * celsiusToKelvin(spec.temperatureC);
  const vacancyHopHz = CATION_NEIGHBOURS * values.attemptHz * Math.exp(-spec.hopEv / kT);
  const jumpNm = aNm / Math.SQRT2;
  const vacancyFraction = vacancies / cationSites;
  const predictedDM2PerS = (F_FCC * vacancyFraction * vacancyHopHz * (jumpNm * M_PER_NM) ** 2) / 6;
  const surfaceRateHz = HG_PER_CD * values.attemptHz * Math.exp(-spec.surfaceExchangeEv / kT);
  const sheet: PlaneSheet = {
    planes: spec.monolayersN + 1,
    spacingNm: aNm / 2,
    dM2PerS: predictedDM2PerS,
    surface: spec.surface === 'fixed' ? { kind: 'fixed' } : { kind: 'exchange', rateHz: surfaceRateHz },
  };
  const lM = equivalentSheet(sheet).sizeNm * M_PER_NM;
  return {
    scenario: { ...scenario, durationS: (spec.durationTau * lM * lM) / predictedDM2PerS },
    cationSites,
    vacancies,
    vacancyFraction,
    vacancyHopHz,
    jumpNm,
    predictedDM2PerS,
    surfaceRateHz,
    sheet,
  };
}

export interface SheetReplica {
  /** M_t/M_∞ at each sample time (the sheet's counting: planeFraction). */
  fraction: Float64Array;
  /** Vacancies at the end, and events by type (to confirm the limit holds). */
  finalVacancies: number;
  eventsByType: Record<string, number>;
}

export interface SheetEnsemble {
  timesS: Float64Array;
  replicas: SheetReplica[];
  /** Over replicas at each time: mean and standard error of M_t/M_∞. */
  mean: Float64Array;
  sem: Float64Array;
}

/** Run replicas with seeds `${seedBase}-1` .. `${seedBase}-n`; x/x_∞ with x_∞ = 1 − c_v (every occupied site Hg). */
export function runSheetEnsemble(setup: SheetSetup, replicas: number, seedBase: string): SheetEnsemble {
  const runs: SheetReplica[] = [];
  let timesS = new Float64Array(0);
  const xInf = 1 - setup.vacancyFraction;
  for (let r = 1; r <= replicas; r++) {
    const sim = createSimulation(setup.scenario, `${seedBase}-${r}`);
    while (sim.advance());
    const result = sim.result();
    timesS = Float64Array.from(result.samples, (s) => s.timeS);
    // Σ_j c_j in plane units: Hg / (sites per plane · x_∞) = P x / x_∞.
    const fraction = Float64Array.from(result.samples, (s) => planeFraction(setup.sheet, (setup.sheet.planes * s.hgFraction) / xInf));
    runs.push({ fraction, finalVacancies: result.final.vacancies, eventsByType: result.events.byType });
  }
  const mean = new Float64Array(timesS.length);
  const sem = new Float64Array(timesS.length);
  for (let i = 0; i < timesS.length; i++) {
    const m = moments(runs.map((run) => run.fraction[i]!));
    mean[i] = m.mean;
    sem[i] = m.sem;
  }
  return { timesS, replicas: runs, mean, sem };
}

/** D fitted (constant surface) to each replica and to the ensemble mean, m²/s; mean and standard error over replicas. */
export function fitSheetD(ensemble: SheetEnsemble, setup: SheetSetup): { perReplica: { mean: number; sem: number }; ofMean: number; rmseOfMean: number } {
  const sizeNm = equivalentSheet(setup.sheet).sizeNm;
  const fits = ensemble.replicas.map((run) => fitFick(ensemble.timesS, run.fraction, { geometry: 'slab', sizeNm }).dM2PerS);
  const ofMean = fitFick(ensemble.timesS, ensemble.mean, { geometry: 'slab', sizeNm });
  const m = moments(fits);
  return { perReplica: { mean: m.mean, sem: m.sem }, ofMean: ofMean.dM2PerS, rmseOfMean: ofMean.rmse };
}

/** Largest |mean − reference| / (z·sem + allowance) over the points with t > 0: <= 1 means inside the band. */
export function worstBandRatio(ensemble: SheetEnsemble, reference: ArrayLike<number>, z: number, allowance: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < ensemble.timesS.length; i++) {
    if (!(ensemble.timesS[i]! > 0)) continue;
    const ratio = Math.abs(ensemble.mean[i]! - reference[i]!) / (z * ensemble.sem[i]! + Math.abs(allowance[i]!));
    worst = Math.max(worst, ratio);
  }
  return worst;
}

/** Surface rate α (m/s) that best fits one series with D and the size of `problem` held fixed: golden section in ln α. */
export function fitSurfaceRate(timesS: ArrayLike<number>, fraction: ArrayLike<number>, problem: FickProblem): number {
  const sse = (lnAlpha: number): number => {
    const model = fickFractions({ ...problem, surfaceRateMPerS: Math.exp(lnAlpha) }, timesS);
    let sum = 0;
    for (let i = 0; i < model.length; i++) sum += (model[i]! - fraction[i]!) ** 2;
    return sum;
  };
  const start = Math.log(problem.surfaceRateMPerS!);
  return Math.exp(goldenSection(sse, start - 3, start + 3, 1e-6).x);
}

/** The figure of docs/continuum.md: KMC mean ± 2 SE, Crank, the plane lattice; residuals against Crank below. */
export function sheetFigure(
  ensemble: SheetEnsemble,
  setup: SheetSetup,
  crank: ArrayLike<number>,
  lattice: ArrayLike<number>,
  subtitle: string,
  alternative?: { label: string; y: ArrayLike<number> },
): string {
  const problem = equivalentSheet(setup.sheet);
  const lM = problem.sizeNm * M_PER_NM;
  // t = 0 is left out: before the first event even the surface planes are pristine.
  const shown = Array.from(ensemble.timesS.keys()).filter((i) => ensemble.timesS[i]! > 0);
  const pick = (values: ArrayLike<number>) => shown.map((i) => values[i]!);
  const tau = pick(Float64Array.from(ensemble.timesS, (t) => (setup.predictedDM2PerS * t) / (lM * lM)));
  const sem = pick(ensemble.sem);
  const band = (centre: number[]) => ({ lo: centre.map((v, k) => v - 2 * sem[k]!), hi: centre.map((v, k) => v + 2 * sem[k]!) });
  const mean = pick(ensemble.mean);
  const crankShown = pick(crank);
  const latticeShown = pick(lattice);
  const residual = mean.map((v, k) => v - crankShown[k]!);
  const other = alternative === undefined ? [] : [{ label: alternative.label, y: pick(alternative.y) }];
  const boundary = problem.surfaceRateMPerS === undefined ? 'constant surface' : `Robin, α = ${problem.surfaceRateMPerS.toPrecision(3)} m/s`;
  return renderPlot({
    title: `KMC vs Crank’s sheet: D = f c_v Γ d²/6 = ${setup.predictedDM2PerS.toPrecision(3)} m²/s, l = ${problem.sizeNm.toFixed(3)} nm`,
    subtitle: `${subtitle}; ${setup.cationSites} sites, ${setup.vacancies} vacancies, ${ensemble.replicas.length} replicas (±2 SE)`,
    xLabel: 'τ = D t / l² (predicted D)',
    panels: [
      {
        yLabel: 'fraction exchanged',
        yRange: [0, 1],
        series: [
          { label: 'KMC mean', x: tau, y: mean, band: band(mean), markers: true, line: false, color: '#000000' },
          { label: `Crank, ${boundary}`, x: tau, y: crankShown },
          { label: 'plane lattice (same D)', x: tau, y: latticeShown, dashed: true, color: PALETTE[2] },
          ...other.map((o) => ({ label: o.label, x: tau, y: o.y, dashed: true, color: PALETTE[3] })),
        ],
      },
      {
        yLabel: 'minus Crank',
        weight: 0.55,
        hLines: [{ at: 0, dashed: false, color: '#888888' }],
        series: [
          { label: 'KMC (±2 SE)', x: tau, y: residual, band: band(residual), markers: true, line: false, color: '#000000' },
          { label: 'plane lattice', x: tau, y: latticeShown.map((v, k) => v - crankShown[k]!), dashed: true, color: PALETTE[2] },
          ...other.map((o) => ({ x: tau, y: o.y.map((v, k) => v - crankShown[k]!), dashed: true, color: PALETTE[3] })),
        ],
      },
    ],
  });
}
