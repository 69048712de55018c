// The contract between the exchange model (src/model/simulation.ts) and its users (run command,
// ensembles, trajectories, viewer): the scenario as parsed data, what a run records, and checkpoints.
import type { Crystal } from '../lattice/types.js';

/** Crystal part of a scenario (sizes in nm). */
export type CrystalScenario =
  | { structure: 'zincblende' | 'wurtzite'; shape: 'sphere'; diameterNm: number; cationRich?: boolean }
  | { structure: 'zincblende'; shape: 'platelet'; monolayers: number; lateralNm: [number, number]; periodic?: boolean }
  | { structure: 'wurtzite'; shape: 'rod'; diameterNm: number; lengthNm: number }
  | { structure: 'zincblende'; shape: 'bulk'; cells: number };

/** Reagent amounts in equivalents per Cd of the pristine nanocrystal. */
export interface Reagents {
  hgPerCd: number;
  agPerCd: number;
  thiolPerCd: number;
}

/** A protocol step applied at time atS (multi-step experiments: purification, late Ag addition, ...). */
export type Stage =
  | { atS: number; action: 'purify' } // free Hg, Cd, Ag and unbound thiol leave the solution
  | { atS: number; action: 'add'; hgPerCd?: number; agPerCd?: number; thiolPerCd?: number }
  | { atS: number; action: 'extractAg' } // phosphine: free Ag activity to zero from now on
  | { atS: number; action: 'setTemperature'; temperatureC: number };

export interface Scenario {
  name: string;
  description?: string;
  material: string;
  crystal: CrystalScenario;
  temperatureC: number;
  durationS: number;
  reagents: Reagents;
  /** Number of sample times (including t = 0 and t = durationS). */
  samples: number;
  /** Sample spacing: 'log' resolves the fast burst and the slow tail; 'linear' is even. */
  sampleSpacing: 'log' | 'linear';
  /** First non-zero sample time for log spacing, s. */
  firstSampleS: number;
  /** Number of radial (or depth) shells in profiles.csv. */
  profileShells: number;
  stages: Stage[];
  /** Cation vacancies in the starting crystal per cation site, at random interior sites (default 0; e.g. the tracer limit). */
  initialVacanciesPerCd?: number;
  /** Optional overrides of the material's parameters, by dotted key (exploration; recorded in the summary). */
  parameters?: Record<string, number>;
  /** Temporal acceleration settings (numerical; SimulationOptions override them, defaults in src/model/acceleration.ts). */
  acceleration?: AccelerationSettings;
}

/** Settings of the rate scaling (src/model/acceleration.ts has the defaults and resolveAcceleration the precedence). */
export interface AccelerationSettings {
  /** Plain KMC, no rate scaling. */
  exact?: boolean;
  /** Fast events per slow event kept by each scaled pair (lambda); Infinity = exact KMC. */
  fastPerSlow?: number;
  /** The same for the in-shell Ag_i hops of averaged complexes (fastPerSlow alone sets it too). */
  shellFastPerSlow?: number;
  /** The same for trapping and detrapping (fastPerSlow alone sets it too). */
  trapFastPerSlow?: number;
}

/** One row of timeseries.csv. */
export interface SampleRow {
  timeS: number;
  hgFraction: number;
  coreShellIndex: number;
  agInterstitial: number;
  agSubstitutional: number;
  vacancies: number;
  cdReleased: number;
  events: number;
}

/** One row of profiles.csv: composition of one shell (by distance from centre / mid-plane) at one time. */
export interface ProfileRow {
  timeS: number;
  shell: number;
  radiusNm: number;
  hgFraction: number;
}

export interface FinalState {
  timeS: number;
  hgFraction: number;
  coreShellIndex: number;
  /** Metal atoms in the crystal (Cd, Hg, Ag_Cd and Ag_i; not vacancies) per anion, as elemental analysis counts them. */
  cationToAnion: number;
  agInterstitial: number;
  agSubstitutional: number;
  vacancies: number;
  cdReleased: number;
  /** Free (reactive) amounts left in solution, atoms per NC. */
  hgFree: number;
  agFree: number;
}

/** Receives full occupancy snapshots; the trajectory writer stores only the differences. */
export interface TrajectorySink {
  begin(crystal: Crystal, cationSpecies: Uint8Array, interstitialSpecies: Uint8Array, timeS: number): void;
  frame(timeS: number, cationSpecies: Uint8Array, interstitialSpecies: Uint8Array): void;
}

/** What one finished (or paused) run reports; summary.json is built from it. */
export interface SimulationResult {
  scenario: string;
  seed: string;
  crystal: { structure: string; shape: string; material: string; cations: number; anions: number; surfaceCations: number; interstitialSites: number };
  final: FinalState;
  events: { total: number; byType: Record<string, number> };
  samples: SampleRow[];
  profiles: ProfileRow[];
}

/** A run in progress: advance sample by sample; checkpoint between samples. */
export interface Simulation {
  readonly crystal: Crystal;
  readonly sampleTimesS: readonly number[];
  /** Samples recorded so far (the t = 0 sample is recorded on creation). */
  readonly samplesDone: number;
  /** Run to the next sample time and record it; false once the last sample is recorded. */
  advance(): boolean;
  result(): SimulationResult;
  /** JSON-serialisable state from which createSimulation(..., {resume}) continues bit-identically. */
  checkpoint(): unknown;
}

export interface SimulationOptions extends Omit<AccelerationSettings, 'exact'> {
  /** Continue from a checkpoint() of the same scenario and seed. */
  resume?: unknown;
  /** Occupancy snapshots at these times (s) go to the sink; they never perturb the run's realisation. */
  trajectory?: { sink: TrajectorySink; frameTimesS: readonly number[] };
  /** Verify conservation and incremental rates after every event (slow; for tests and debugging). */
  check?: boolean;
  /** In-shell Ag_i moves after each host hop (default in src/model/acceleration.ts; 0 disables). */
  shellMoves?: number;
}
