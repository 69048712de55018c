// One run of a scenario: crystal + exchange model + engine, advanced sample by sample, with stages,
// trajectory frames and bit-identical checkpoints. Times s, sizes nm, amounts atoms per NC.
import { buildCrystal } from '../lattice/build.js';
import { crystalCounts } from '../lattice/summary.js';
import type { CrystalSpec } from '../lattice/spec.js';
import type { Crystal } from '../lattice/types.js';
import { KmcEngine } from '../kmc/engine.js';
import { createTreeSolver } from '../kmc/solver.js';
import { createRng, restoreRng, type RngState } from '../rng.js';
import { celsiusToKelvin } from '../units.js';
import type { FinalState, ProfileRow, SampleRow, Scenario, Simulation, SimulationOptions, SimulationResult, Stage } from './contract.js';
import { EVENT_TYPE_NAMES, ExchangeModel } from './exchange-model.js';
import { coreShellHalves, profileShells, type ProfileShells } from './observables.js';
import { materialParams, paramValues } from './params/index.js';
import { atomsPerNc, type Reservoir } from './reservoir.js';
import { createAccelerator, resolveAcceleration, type Accelerator } from './acceleration.js';

/**
 * Sample times: t = 0, then log-spaced from firstSampleS (or evenly spaced) up to durationS, plus every stage
 * time inside the run, so the state a protocol step acts on is recorded rather than interpolated across the step
 * (a purified core/shell homogenises within minutes once Ag is added: zb-purified-ag-80c, E19).
 */
export function sampleTimes(scenario: Pick<Scenario, 'samples' | 'durationS' | 'sampleSpacing' | 'firstSampleS'> & { stages?: readonly Stage[] }): number[] {
  const regular = regularSampleTimes(scenario);
  const stageTimes = (scenario.stages ?? []).map((st) => st.atS).filter((t) => t > 0 && t < scenario.durationS);
  return [...new Set([...regular, ...stageTimes])].sort((a, b) => a - b);
}

function regularSampleTimes(scenario: Pick<Scenario, 'samples' | 'durationS' | 'sampleSpacing' | 'firstSampleS'>): number[] {
  const n = scenario.samples;
  const end = scenario.durationS;
  const out = [0];
  const logSpaced = scenario.sampleSpacing === 'log' && scenario.firstSampleS < end && n > 2;
  for (let k = 1; k < n; k++) {
    const t = logSpaced ? scenario.firstSampleS * Math.pow(end / scenario.firstSampleS, (k - 1) / (n - 2)) : (end * k) / (n - 1);
    out.push(k === n - 1 ? end : t);
  }
  return out;
}

export function crystalSpecOf(scenario: Scenario): CrystalSpec {
  return { ...scenario.crystal, material: scenario.material } as CrystalSpec;
}

interface Checkpoint {
  version: 1;
  scenario: string;
  seed: string;
  samplesDone: number;
  samples: SampleRow[];
  profiles: ProfileRow[];
  stagesDone: number;
  clock: ReturnType<KmcEngine['clock']>;
  rng: RngState;
  model: ReturnType<typeof snapshotModel>;
  accelerator: unknown;
}

function snapshotModel(m: ExchangeModel) {
  return {
    cation: Array.from(m.cation),
    inter: Array.from(m.inter),
    cationAg: Array.from(m.cationAg),
    interAg: Array.from(m.interAg),
    vacSite: Array.from(m.vacSite.subarray(0, m.vacCount)),
    agState: Array.from(m.agState),
    agSite: Array.from(m.agSite),
    agSolution: Array.from(m.agSolutionStack.subarray(0, m.agSolutionCount)),
    agInCrystalCount: m.agInCrystalCount,
    crystalCharge: m.crystalCharge,
    reservoir: { ...m.reservoir },
    temperatureK: m.temperatureK,
    eventCounts: Array.from(m.eventCounts),
  };
}

function restoreModel(m: ExchangeModel, s: ReturnType<typeof snapshotModel>): void {
  m.cation.set(s.cation);
  m.inter.set(s.inter);
  m.cationAg.set(s.cationAg);
  m.interAg.set(s.interAg);
  m.siteVac.fill(-1);
  m.vacCount = s.vacSite.length;
  s.vacSite.forEach((site, v) => {
    m.vacSite[v] = site;
    m.siteVac[site] = v;
  });
  m.agState.set(s.agState);
  m.agSite.set(s.agSite);
  m.agSolutionStack.set(s.agSolution);
  m.agSolutionCount = s.agSolution.length;
  m.agInCrystalCount = s.agInCrystalCount;
  m.crystalCharge = s.crystalCharge;
  Object.assign(m.reservoir, s.reservoir);
  m.eventCounts.set(s.eventCounts);
  let cd = 0;
  let hg = 0;
  let agSub = 0;
  for (const x of s.cation) {
    if (x === 1) cd++;
    else if (x === 2) hg++;
    else if (x === 3) agSub++;
  }
  m.cdCount = cd;
  m.hgCount = hg;
  m.agSubCount = agSub;
  m.agInterCount = s.inter.reduce((a, b) => a + b, 0);
  m.rebuildDerivedCounts();
  m.setTemperature(s.temperatureK); // rebuilds every rate from the restored state
}

class ExchangeSimulation implements Simulation {
  readonly crystal: Crystal;
  readonly sampleTimesS: readonly number[];
  readonly model: ExchangeModel;
  readonly engine: KmcEngine;
  private readonly accelerator: Accelerator;
  private readonly halves: Uint8Array;
  private readonly shells: ProfileShells;
  private readonly stages: Stage[];
  private readonly frameTimesS: readonly number[];
  private readonly totals: { hg: number; cd: number; ag: number };
  private samples: SampleRow[] = [];
  private profiles: ProfileRow[] = [];
  private stagesDone = 0;
  private nextFrame = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly seed: string,
    private readonly options: SimulationOptions,
  ) {
    this.crystal = buildCrystal(crystalSpecOf(scenario));
    const params = paramValues(materialParams(scenario.material), scenario.parameters ?? {});
    const nC = this.crystal.cationCount;
    const surfaceSites = crystalCounts(this.crystal).surfaceCations;
    const reservoir: Reservoir = {
      cdPristine: nC,
      surfaceSites,
      hgTotal: atomsPerNc(scenario.reagents.hgPerCd, nC),
      agTotal: 0,
      cdTotal: 0,
      thiolTotal: atomsPerNc(scenario.reagents.thiolPerCd, nC),
      thiolSurface: 0,
      agExtracted: false,
    };
    this.stages = [...scenario.stages].sort((a, b) => a.atS - b.atS);
    const agAdded = this.stages.reduce((sum, st) => sum + (st.action === 'add' ? atomsPerNc(st.agPerCd ?? 0, nC) : 0), 0);
    const agInitial = atomsPerNc(scenario.reagents.agPerCd, nC);
    this.model = new ExchangeModel(
      { crystal: this.crystal, params, temperatureK: celsiusToKelvin(scenario.temperatureC), agCapacity: agInitial + agAdded, reservoir },
      createTreeSolver,
    );
    this.model.initialise(agInitial);
    const vacancies = this.model.placeInitialVacancies(atomsPerNc(scenario.initialVacanciesPerCd ?? 0, nC), createRng(`${seed}:vacancies`));
    this.totals = { hg: reservoir.hgTotal, cd: nC - vacancies, ag: agInitial };
    this.engine = new KmcEngine(this.model.solver, this.model, createRng(`${seed}`));
    const acceleration = resolveAcceleration(scenario.acceleration, options);
    this.accelerator = createAccelerator(this.engine, this.model, acceleration);
    this.model.shellMoves = acceleration.shellMoves;
    this.model.random = () => this.engine.rng.next();
    this.halves = coreShellHalves(this.crystal);
    this.shells = profileShells(this.crystal, scenario.profileShells);
    this.sampleTimesS = sampleTimes(scenario);
    this.frameTimesS = options.trajectory ? [...options.trajectory.frameTimesS].sort((a, b) => a - b) : [];

    if (options.resume !== undefined) this.restore(options.resume as Checkpoint);
    else {
      options.trajectory?.sink.begin(this.crystal, this.model.cation, this.model.inter, 0);
      while (this.nextFrame < this.frameTimesS.length && this.frameTimesS[this.nextFrame]! <= 0) this.nextFrame++;
      this.record();
    }
  }

  get samplesDone(): number {
    return this.samples.length;
  }

  /** Run to `stopS`, stopping at stage times (applied) and frame times (emitted) on the way. */
  private runTo(stopS: number): void {
    for (;;) {
      const stage = this.stages[this.stagesDone];
      const frame = this.frameTimesS[this.nextFrame];
      let t = stopS;
      if (stage && stage.atS < t) t = stage.atS;
      if (frame !== undefined && frame < t) t = frame;
      this.advanceEngine(t);
      if (stage && stage.atS <= this.engine.timeS && stage.atS <= stopS) {
        this.applyStage(stage);
        this.stagesDone++;
        continue;
      }
      if (frame !== undefined && frame <= this.engine.timeS && frame <= stopS) {
        this.options.trajectory?.sink.frame(frame, this.model.cation, this.model.inter);
        this.nextFrame++;
        continue;
      }
      if (this.engine.timeS >= stopS) return;
    }
  }

  private advanceEngine(stopS: number): void {
    if (this.options.check) {
      while (this.engine.timeS < stopS) {
        const reason = this.accelerator.run(stopS, 1);
        this.model.verifyState(this.totals);
        this.model.verifyRates();
        if (reason === 'absorbing') break;
      }
    } else this.accelerator.run(stopS, Number.POSITIVE_INFINITY);
  }

  private applyStage(stage: Stage): void {
    const m = this.model;
    const r = m.reservoir;
    const nC = this.crystal.cationCount;
    switch (stage.action) {
      case 'purify':
        this.totals.hg -= r.hgTotal;
        this.totals.cd -= r.cdTotal;
        this.totals.ag -= r.agTotal;
        r.hgTotal = 0;
        r.cdTotal = 0;
        m.dropSolutionAg();
        r.thiolTotal = r.thiolSurface; // unbound thiol is washed away; the surface keeps its ligands
        break;
      case 'add': {
        const hg = atomsPerNc(stage.hgPerCd ?? 0, nC);
        const ag = atomsPerNc(stage.agPerCd ?? 0, nC);
        const thiol = atomsPerNc(stage.thiolPerCd ?? 0, nC);
        r.hgTotal += hg;
        this.totals.hg += hg;
        r.thiolTotal += thiol; // it passivates bare surface sites at a finite rate (the ThiolAdsorption event)
        if (ag > 0) {
          m.addAgToSolution(ag);
          this.totals.ag += ag;
        }
        break;
      }
      case 'extractAg':
        r.agExtracted = true;
        break;
      case 'setTemperature':
        m.setTemperature(celsiusToKelvin(stage.temperatureC));
        break;
    }
    m.refreshReservoir();
    this.accelerator.reset();
  }

  advance(): boolean {
    const k = this.samples.length;
    if (k >= this.sampleTimesS.length) return false;
    this.runTo(this.sampleTimesS[k]!);
    this.record();
    return this.samples.length < this.sampleTimesS.length;
  }

  private record(): void {
    const m = this.model;
    const timeS = this.sampleTimesS[this.samples.length]!;
    const nC = this.crystal.cationCount;
    let outer = 0;
    let inner = 0;
    let nOuter = 0;
    let nInner = 0;
    for (let i = 0; i < nC; i++) {
      const isHg = m.cation[i] === 2 ? 1 : 0;
      if (this.halves[i]) {
        outer += isHg;
        nOuter++;
      } else {
        inner += isHg;
        nInner++;
      }
    }
    this.samples.push({
      timeS,
      hgFraction: m.hgCount / nC,
      coreShellIndex: (nOuter ? outer / nOuter : 0) - (nInner ? inner / nInner : 0),
      agInterstitial: m.agInterCount,
      agSubstitutional: m.agSubCount,
      vacancies: m.vacCount,
      cdReleased: m.reservoir.cdTotal,
      events: this.engine.steps,
    });
    const sh = this.shells;
    const hgIn = new Float64Array(sh.count);
    for (let i = 0; i < nC; i++) if (m.cation[i] === 2) hgIn[sh.shellOf[i]!]! += 1;
    for (let s = 0; s < sh.count; s++)
      this.profiles.push({ timeS, shell: s, radiusNm: sh.radiusNm[s]!, hgFraction: sh.size[s]! ? hgIn[s]! / sh.size[s]! : 0 });
  }

  result(): SimulationResult {
    const m = this.model;
    const last = this.samples[this.samples.length - 1]!;
    const byType: Record<string, number> = {};
    EVENT_TYPE_NAMES.forEach((name, g) => (byType[name] = (byType[name] ?? 0) + m.eventCounts[g]!));
    const final: FinalState = {
      timeS: last.timeS,
      hgFraction: last.hgFraction,
      coreShellIndex: last.coreShellIndex,
      // Every metal atom in the crystal, Ag_i included, as elemental analysis counts (Hg + Cd + Ag) per Se (E48).
      cationToAnion: (m.cdCount + m.hgCount + m.agSubCount + m.agInterCount) / this.crystal.anionCount,
      agInterstitial: last.agInterstitial,
      agSubstitutional: last.agSubstitutional,
      vacancies: last.vacancies,
      cdReleased: last.cdReleased,
      hgFree: m.speciation.hgFreeEq * this.crystal.cationCount,
      agFree: m.speciation.agFreeEq * this.crystal.cationCount,
    };
    const { surfaceCations } = crystalCounts(this.crystal);
    return {
      scenario: this.scenario.name,
      seed: this.seed,
      crystal: {
        structure: this.crystal.structure,
        shape: this.crystal.shape,
        material: this.crystal.material,
        cations: this.crystal.cationCount,
        anions: this.crystal.anionCount,
        surfaceCations,
        interstitialSites: this.crystal.interstitialCount,
      },
      final,
      events: { total: this.engine.steps, byType },
      samples: this.samples.slice(),
      profiles: this.profiles.slice(),
    };
  }

  checkpoint(): unknown {
    const cp: Checkpoint = {
      version: 1,
      scenario: this.scenario.name,
      seed: this.seed,
      samplesDone: this.samples.length,
      samples: this.samples.slice(),
      profiles: this.profiles.slice(),
      stagesDone: this.stagesDone,
      clock: this.engine.clock(),
      rng: this.engine.rng.state(),
      model: snapshotModel(this.model),
      accelerator: this.accelerator.state(),
    };
    return JSON.parse(JSON.stringify(cp)) as unknown;
  }

  private restore(cp: Checkpoint): void {
    if (cp.version !== 1 || cp.scenario !== this.scenario.name || cp.seed !== this.seed)
      throw new RangeError(`checkpoint is for scenario ${cp.scenario} seed ${cp.seed}, not ${this.scenario.name} seed ${this.seed}`);
    restoreModel(this.model, cp.model);
    this.samples = cp.samples.slice();
    this.profiles = cp.profiles.slice();
    this.stagesDone = cp.stagesDone;
    this.engine.restoreClock(cp.clock);
    this.engine.rng = restoreRng(cp.rng);
    this.accelerator.restore(cp.accelerator);
    this.totals.hg = this.model.hgCount + this.model.reservoir.hgTotal;
    this.totals.cd = this.model.cdCount + this.model.reservoir.cdTotal;
    this.totals.ag = this.model.agSubCount + this.model.agInterCount + this.model.reservoir.agTotal;
    const t = this.engine.timeS;
    while (this.nextFrame < this.frameTimesS.length && this.frameTimesS[this.nextFrame]! <= t) this.nextFrame++;
  }
}

/** Start (or, with options.resume, continue) a run of a validated scenario with a seed. */
export function createSimulation(scenario: Scenario, seed: string | number, options: SimulationOptions = {}): Simulation {
  return new ExchangeSimulation(scenario, String(seed), options);
}
