// The real per-replica function run inside pool workers: one scenario, one derived seed, one run dir,
// through sim/run-scenario.ts (summary.json last). Long replicas checkpoint so a killed run resumes mid-way.
import type { Scenario } from '../../src/model/contract.js';
import { runScenarioToDir } from '../run-scenario.js';
import type { RunReplica } from './protocol.js';

/** Wall seconds between replica checkpoints: cheap next to a long replica, irrelevant to a short one. */
const CHECKPOINT_EVERY_S = 60;

export const runReplica: RunReplica = async (scenarioSpec, seed, dir, onProgress) => {
  // The spec was parsed by loadScenario before it was hashed into the manifest; resumed runs are
  // bit-identical (runScenarioToDir), so a checkpoint never changes a replica's result.
  await runScenarioToDir({
    scenario: scenarioSpec as Scenario,
    seed,
    outDir: dir,
    resume: true,
    checkpointEveryS: CHECKPOINT_EVERY_S,
    ...(onProgress ? { onSample: (p) => onProgress(p.timeS / p.durationS) } : {}),
  });
};
