// `cxsim crystal`: build a crystal from flags, print its counts (text or --json), optionally write
// extended XYZ (--out). Sizes in nm; all checking of values is the library's (CrystalSpecError -> exit 2).
import type { Argv, CommandModule } from 'yargs';
import {
  buildCrystal,
  crystalCounts,
  crystalExtxyzFrame,
  CrystalSpecError,
  writeExtxyzFrame,
  type Crystal,
  type CrystalSpec,
} from '../../src/index.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';

interface CrystalArgs {
  structure: string;
  shape: string;
  material: string;
  'diameter-nm'?: string;
  monolayers?: string;
  'lateral-nm'?: string;
  'length-nm'?: string;
  cells?: string;
  periodic: boolean;
  'cation-rich': boolean;
  interstitials: boolean;
  json: boolean;
  out?: string;
}

/** Spec field -> the flag that sets it (error messages name the flag the user typed). */
const FLAG_OF_FIELD: Record<string, string> = {
  structure: '--structure',
  shape: '--shape',
  material: '--material',
  diameterNm: '--diameter-nm',
  monolayers: '--monolayers',
  lateralNm: '--lateral-nm',
  lengthNm: '--length-nm',
  cells: '--cells',
  periodic: '--periodic',
  cationRich: '--cation-rich',
};

/** Size flags each shape needs (all required) and accepts. */
const SIZE_FLAGS: Record<string, readonly string[]> = {
  sphere: ['diameter-nm'],
  platelet: ['monolayers', 'lateral-nm'],
  rod: ['diameter-nm', 'length-nm'],
  bulk: ['cells'],
};
const ALL_SIZE_FLAGS = ['diameter-nm', 'monolayers', 'lateral-nm', 'length-nm', 'cells'] as const;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(flag: string, text: string): number {
  if (!NUMBER.test(text.trim())) throw new UsageError(`--${flag} must be a number, got "${text}"`);
  return Number(text);
}

/** "20" (square) or "20x10" (x by y), nm. */
function parseLateral(text: string): number | [number, number] {
  const parts = text.trim().split(/\s*[x×]\s*/i);
  if (parts.length > 2 || !parts.every((p) => NUMBER.test(p))) {
    throw new UsageError(`--lateral-nm must be a size in nm like 20 or 20x10, got "${text}"`);
  }
  return parts.length === 1 ? Number(parts[0]) : [Number(parts[0]), Number(parts[1])];
}

/** The crystal spec the flags describe; syntax errors here, value ranges in validateCrystalSpec. */
export function crystalSpecFromFlags(args: CrystalArgs): CrystalSpec {
  const sizes = SIZE_FLAGS[args.shape];
  if (sizes === undefined) throw new UsageError(`--shape must be one of sphere, platelet, rod, bulk, got "${args.shape}"`);
  for (const flag of ALL_SIZE_FLAGS) {
    const given = args[flag] !== undefined;
    if (given && !sizes.includes(flag)) {
      throw new UsageError(`--${flag} does not apply to --shape ${args.shape} (it takes ${sizes.map((f) => `--${f}`).join(', ')})`);
    }
    if (!given && sizes.includes(flag)) throw new UsageError(`--${flag} is required for --shape ${args.shape}`);
  }
  if (args.periodic && args.shape !== 'platelet') {
    throw new UsageError(`--periodic applies to --shape platelet only (bulk is always periodic), got --shape ${args.shape}`);
  }
  const spec: Record<string, unknown> = { structure: args.structure, shape: args.shape, material: args.material };
  if (args['cation-rich']) spec['cationRich'] = true;
  if (args['diameter-nm'] !== undefined) spec['diameterNm'] = parseNumber('diameter-nm', args['diameter-nm']);
  if (args['length-nm'] !== undefined) spec['lengthNm'] = parseNumber('length-nm', args['length-nm']);
  if (args.monolayers !== undefined) spec['monolayers'] = parseNumber('monolayers', args.monolayers);
  if (args.cells !== undefined) spec['cells'] = parseNumber('cells', args.cells);
  if (args['lateral-nm'] !== undefined) {
    spec['lateralNm'] = parseLateral(args['lateral-nm']);
    spec['periodic'] = args.periodic;
  }
  return spec as unknown as CrystalSpec;
}

/** Build, turning a CrystalSpecError into a one-line UsageError that names the flag. */
function buildFromFlags(spec: CrystalSpec): Crystal {
  try {
    return buildCrystal(spec);
  } catch (err) {
    if (!(err instanceof CrystalSpecError)) throw err;
    const flag = FLAG_OF_FIELD[err.field];
    throw new UsageError(flag === undefined ? err.message : err.message.replace(new RegExp(`^${err.field}\\b`), flag));
  }
}

function sizeSummary(spec: CrystalSpec, crystal: Crystal): Record<string, unknown> {
  switch (spec.shape) {
    case 'sphere':
      return { diameterNm: spec.diameterNm };
    case 'rod':
      return { diameterNm: spec.diameterNm, lengthNm: spec.lengthNm };
    case 'platelet': {
      const periodic = spec.periodic ?? false;
      // A periodic platelet rounds its lateral size to whole cells: report the size built.
      const lateral = periodic ? [crystal.periodicNm[0], crystal.periodicNm[1]] : typeof spec.lateralNm === 'number' ? [spec.lateralNm, spec.lateralNm] : [...spec.lateralNm];
      return { monolayers: spec.monolayers, lateralNm: lateral, periodic };
    }
    case 'bulk':
      return { cells: spec.cells };
  }
}

const fmt = (x: number, digits = 3): string => Number(x.toFixed(digits)).toString();

function humanSummary(summary: Record<string, unknown>, crystal: Crystal): string {
  const c = crystalCounts(crystal);
  const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)} %`;
  const sizes = Object.entries(summary)
    .filter(([k]) => ['diameterNm', 'lengthNm', 'monolayers', 'lateralNm', 'periodic', 'cells'].includes(k))
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.map((x: number) => fmt(x)).join('x') : String(v)}`)
    .join(', ');
  const periodic = ['x', 'y', 'z'].filter((_, d) => crystal.periodicNm[d]! > 0);
  return [
    `${crystal.structure} ${crystal.shape} of ${crystal.material} (a = ${fmt(crystal.latticeANm, 4)} nm` +
      `${crystal.structure === 'wurtzite' ? `, c = ${fmt(crystal.latticeCNm, 4)} nm` : ''}), ${sizes}` +
      `${summary['cationRich'] ? ', cation-rich surface' : ''}`,
    `  cations        ${c.cations}  (surface ${c.surfaceCations}, ${pct(c.surfaceCations, c.cations)})`,
    `  anions         ${c.anions}  (cation:anion ${fmt(c.cationToAnion, 4)})`,
    `  interstitials  ${c.interstitialSites}  (surface ${c.surfaceInterstitialSites})`,
    `  box ${crystal.boxNm.map((x) => fmt(x)).join(' x ')} nm, periodic: ${periodic.length > 0 ? periodic.join(' ') : 'none'}`,
    `  built in ${fmt(summary['buildMs'] as number, 1)} ms`,
  ].join('\n');
}

export const crystalCommand: CommandModule<object, CrystalArgs> = {
  command: 'crystal',
  describe: 'Build a nanocrystal (sphere, platelet, rod or periodic bulk) and report its site counts',
  builder: (y: Argv<object>) =>
    y
      .option('structure', { type: 'string', default: 'zincblende', describe: 'zincblende | wurtzite' })
      .option('shape', { type: 'string', default: 'sphere', describe: 'sphere | platelet (ZB) | rod (WZ) | bulk' })
      .option('material', { type: 'string', default: 'CdSe', describe: 'CdSe, HgSe, CdTe, CdS, HgTe, HgS, or e.g. CdSe0.5S0.5' })
      .option('diameter-nm', { type: 'string', describe: 'sphere or rod diameter, nm' })
      .option('monolayers', { type: 'string', describe: 'platelet thickness N.5 (N anion planes, N+1 cation planes)' })
      .option('lateral-nm', { type: 'string', describe: 'platelet lateral size, nm: 20 or 20x10' })
      .option('length-nm', { type: 'string', describe: 'rod length along c, nm' })
      .option('cells', { type: 'string', describe: 'bulk: conventional cells per axis (periodic box)' })
      .option('periodic', { type: 'boolean', default: false, describe: 'platelet periodic in-plane (size rounds to whole cells)' })
      .option('cation-rich', { type: 'boolean', default: false, describe: 'fill every cation site bonded to >= 2 anions' })
      .option('interstitials', { type: 'boolean', default: false, describe: 'with --out: also write interstitial sites as X' })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' })
      .option('out', { type: 'string', describe: 'write the crystal as extended XYZ (.extxyz or .xyz)' }) as unknown as Argv<CrystalArgs>,
  handler: (args) => {
    const out = args.out;
    if (out !== undefined && !/\.(ext)?xyz$/.test(out)) {
      throw new UsageError(`--out must name a .extxyz or .xyz file, got "${out}"`);
    }
    const spec = crystalSpecFromFlags(args);
    const t0 = performance.now();
    const crystal = buildFromFlags(spec);
    const buildMs = performance.now() - t0;
    const summary: Record<string, unknown> = {
      structure: crystal.structure,
      shape: crystal.shape,
      material: crystal.material,
      latticeANm: crystal.latticeANm,
      latticeCNm: crystal.latticeCNm,
      ...sizeSummary(spec, crystal),
      cationRich: spec.cationRich ?? false,
      ...crystalCounts(crystal),
      boxNm: crystal.boxNm,
      periodicNm: crystal.periodicNm,
      buildMs: Number(buildMs.toFixed(2)),
    };
    if (out !== undefined) {
      const frame = crystalExtxyzFrame(crystal, {
        interstitials: args.interstitials,
        info: { structure: crystal.structure, shape: crystal.shape, material: crystal.material },
      });
      try {
        writeFileAtomic(out, writeExtxyzFrame(frame));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        throw new UsageError(`--out ${out}: cannot write (${code})`);
      }
      summary['out'] = out;
      summary['outSites'] = frame.speciesId.length;
    }
    if (args.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else {
      process.stdout.write(humanSummary(summary, crystal) + '\n');
      if (out !== undefined) process.stdout.write(`wrote ${out} (${String(summary['outSites'])} sites)\n`);
    }
  },
};
