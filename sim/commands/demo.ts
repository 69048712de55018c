// `cxsim demo` (npm start): the headline comparison, CE versus IE-CE on a 3.3 nm zinc-blende CdSe NC at
// 80 C, a small ensemble of each: a table at 1 h and 4 h next to the paper's observations, plus SVG plots.
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { fitFick } from '../../src/continuum/fit.js';
import { rmSync } from 'node:fs';
import type { ProfileRow, SampleRow } from '../../src/model/contract.js';
import { readManifest } from '../ensemble/manifest.js';
import { readEnsembleReplicas } from '../ensemble/merge.js';
import type { ReplicaData } from '../ensemble/replica-files.js';
import { runEnsemble } from '../ensemble/run.js';
import { createProgress } from '../progress.js';
import { opticsOfProfile } from '../../src/optics/profile.js';
import { PAPER_1S1S_EV } from '../../src/optics/materials.js';
import { writeFileAtomic } from '../files.js';
import { renderPlot, type PlotSeries } from '../plots.js';
import { loadScenario } from '../run-scenario.js';
import { UsageError } from '../errors.js';
import { moments } from '../ensemble/stats.js';

interface DemoArgs {
  replicas: number;
  hours: number;
  seed: string;
  out: string;
}

const CHECK_TIMES_S = [3600, 4 * 3600];
const PAPER: Record<string, string> = {
  'zb-ce-80c': 'core/shell, stalls; 1S-1S 1.50 eV at 1 h; incomplete at 48 h',
  'zb-iece-80c': 'homogeneous alloy; 1S-1S 1.24 eV at 1 h; ~complete by 4 h; D ~ 1e-22 m2/s',
};

interface ReplicaResult {
  samples: Pick<SampleRow, 'timeS' | 'hgFraction' | 'coreShellIndex'>[];
  profiles: Pick<ProfileRow, 'timeS' | 'radiusNm' | 'hgFraction'>[];
}

/** The columns the demo reads from a replica's timeseries.csv and profiles.csv. */
function resultOf(r: ReplicaData): ReplicaResult {
  const s = r.series.data;
  const p = r.profiles.data;
  return {
    samples: Array.from({ length: r.series.rows }, (_, i) => ({ timeS: s.timeS![i]!, hgFraction: s.hgFraction![i]!, coreShellIndex: s.coreShellIndex![i]! })),
    profiles: Array.from({ length: r.profiles.rows }, (_, i) => ({ timeS: p.timeS![i]!, radiusNm: p.radiusNm![i]!, hgFraction: p.hgFraction![i]! })),
  };
}

function valueAt(result: ReplicaResult, timeS: number, key: 'hgFraction' | 'coreShellIndex'): number {
  let best = result.samples[0]!;
  for (const s of result.samples) if (Math.abs(s.timeS - timeS) < Math.abs(best.timeS - timeS)) best = s;
  return best[key];
}

function e1s1sAt(result: ReplicaResult, timeS: number, diameterNm: number): number {
  const times = [...new Set(result.profiles.map((p) => p.timeS))];
  const t = times.reduce((a, b) => (Math.abs(b - timeS) < Math.abs(a - timeS) ? b : a));
  const rows = result.profiles.filter((p) => p.timeS === t);
  const optics = opticsOfProfile({ shape: 'sphere', diameterNm }, { radiusNm: rows.map((r) => r.radiusNm), hgFraction: rows.map((r) => r.hgFraction) });
  return optics.bound ? optics.e1s1sEv : Number.NaN;
}

/** "mean ± sd" over the replicas that gave a finite value. */
function meanSd(values: number[]): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return 'n/a';
  const { mean, sd } = moments(finite);
  return Math.abs(mean) < 1e-3 && mean !== 0 ? `${mean.toExponential(1)} ± ${sd.toExponential(1)}` : `${mean.toFixed(3)} ± ${sd.toFixed(3)}`;
}

export const demoCommand: CommandModule<object, DemoArgs> = {
  command: 'demo',
  describe: 'Headline comparison: CE vs IE-CE, 3.3 nm ZB CdSe at 80 C (what npm start runs)',
  builder: (y) =>
    y
      .option('replicas', { type: 'number', default: 2, describe: 'replicas per condition' })
      .option('hours', { type: 'number', default: 4, describe: 'simulated hours' })
      .option('seed', { type: 'string', default: '1', describe: 'base seed' })
      .option('out', { type: 'string', default: 'out/demo', describe: 'output folder' }) as never,
  handler: async (args) => {
    if (!(Number.isInteger(args.replicas) && args.replicas >= 1 && args.replicas <= 64)) throw new UsageError(`--replicas: expected an integer 1..64, got ${args.replicas}`);
    if (!(args.hours > 0 && args.hours <= 48)) throw new UsageError(`--hours: expected 0 < hours <= 48, got ${args.hours}`);
    const rows: string[][] = [];
    const plotSeries: PlotSeries[] = [];
    const started = Date.now();
    for (const name of ['zb-ce-80c', 'zb-iece-80c']) {
      const { scenario } = loadScenario(name, [`durationS=${args.hours * 3600}`, 'samples=25']);
      const diameterNm = scenario.crystal.shape === 'sphere' ? scenario.crystal.diameterNm : 3.3;
      // The demo's own folder: cleared so a rerun after a code change never shows stale replicas.
      const dir = join(args.out, name);
      rmSync(dir, { recursive: true, force: true });
      process.stderr.write(`${name}: ${args.replicas} replicas of ${args.hours} h on worker threads ...\n`);
      const progress = createProgress({ label: name });
      await runEnsemble({ scenario, baseSeed: args.seed, replicas: args.replicas, outDir: dir, progress });
      const results = readEnsembleReplicas(dir, readManifest(dir)).map(resultOf);
      const checkTimes = CHECK_TIMES_S.filter((t) => t <= args.hours * 3600);
      if (checkTimes.length === 0) checkTimes.push(args.hours * 3600); // short runs: report the end
      for (const t of checkTimes) {
        const fits = results.map((res) => {
          const pts = res.samples.filter((s) => s.timeS > 0 && s.timeS <= t);
          try {
            return fitFick(pts.map((s) => s.timeS), pts.map((s) => s.hgFraction), { geometry: 'sphere', sizeNm: diameterNm / 2 });
          } catch {
            return undefined;
          }
        });
        rows.push([
          name,
          `${+(t / 3600).toPrecision(3)} h`,
          meanSd(results.map((res) => valueAt(res, t, 'hgFraction'))),
          meanSd(results.map((res) => valueAt(res, t, 'coreShellIndex'))),
          meanSd(fits.map((f) => f?.dM2PerS ?? Number.NaN)),
          meanSd(fits.map((f) => f?.rmse ?? Number.NaN)),
          meanSd(results.map((res) => e1s1sAt(res, t, diameterNm))),
        ]);
      }
      results.forEach((res, r) =>
        plotSeries.push({ label: r === 0 ? name : undefined, x: res.samples.map((s) => s.timeS / 3600), y: res.samples.map((s) => s.hgFraction), color: name.includes('iece') ? '#D55E00' : '#0072B2' }),
      );
    }
    const header = ['scenario', 'time', 'Hg fraction', 'coreShellIndex', 'fitted D (m2/s)', 'fit rmse', '1S-1S (eV)'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(line(header));
    for (const r of rows) console.log(line(r));
    console.log('\nPaper (Lee & Smith):');
    for (const [k, v] of Object.entries(PAPER)) console.log(`  ${k}: ${v}`);
    console.log(`  parent 3.3 nm CdSe 1S-1S: ${PAPER_1S1S_EV.cdse} eV`);
    const svg = renderPlot({ title: 'CE vs IE-CE, 3.3 nm ZB CdSe, 80 °C', xLabel: 'time (h)', yLabel: 'Hg fraction x', yRange: [0, 1], series: plotSeries });
    const svgPath = join(args.out, 'hg-fraction.svg');
    writeFileAtomic(svgPath, svg);
    console.log(`\nWrote ${svgPath} and the replicas (summary.json, timeseries.csv, profiles.csv) under ${args.out}/<scenario>/replicas/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    console.log('Watch exchange in 3D: node dist/node/sim/main.js run zb-iece-80c --trajectory, then npm run build:viz && npm run view -- out/zb-iece-80c/trajectory.cxtraj');
  },
};
