// `cxsim export TRAJ --extxyz OUT`: a trajectory as multi-frame extended XYZ for OVITO / ASE
// (positions Angstrom, Time in s per frame, ids stable across frames; .gz compresses). No physics here.
import { gzipSync } from 'node:zlib';
import type { Argv, CommandModule } from 'yargs';
import { FrameCursor, SiteKind, writeExtxyzFrame, type Trajectory } from '../../src/index.js';
import { CATION_SYMBOLS, InterstitialSpecies } from '../../src/model/species.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { readTrajectoryFile } from '../trajectory-file.js';

interface ExportArgs {
  trajectory: string;
  extxyz: string;
  every: number;
}

/**
 * Frames as extended XYZ text chunks. Atoms per frame: every cation site (vacancies as X), every anion,
 * then the occupied interstitial sites (Ag_i); ids: cations 0.., anions nc.., interstitial j nc+na+j.
 */
export function trajectoryToExtxyz(traj: Trajectory, frames: readonly number[]): string[] {
  const h = traj.header;
  const nc = h.cationCount;
  const na = h.anionCount;
  const ni = h.interstitialCount;
  const max = nc + na + ni;
  // Symbol table: cation species ids 0..3 index CATION_SYMBOLS directly; anion element k is 4 + k.
  const symbols = [...CATION_SYMBOLS, ...h.anionElements];
  const positionNm = new Float32Array(3 * max);
  const speciesId = new Uint8Array(max);
  const siteKind = new Uint8Array(max);
  const id = new Int32Array(max);
  positionNm.set(traj.cationPositionNm, 0);
  positionNm.set(traj.anionPositionNm, 3 * nc);
  for (let i = 0; i < nc + na; i++) id[i] = i;
  for (let a = 0; a < na; a++) {
    speciesId[nc + a] = CATION_SYMBOLS.length + traj.anionElementId[a]!;
    siteKind[nc + a] = SiteKind.Anion;
  }
  const agSymbol = CATION_SYMBOLS.indexOf('Ag');
  const pbc = h.periodicNm.map((p) => p > 0) as [boolean, boolean, boolean];
  const cursor = new FrameCursor(traj);
  const chunks: string[] = [];
  for (const f of frames) {
    cursor.seek(f);
    speciesId.set(cursor.cationSpecies, 0);
    let n = nc + na;
    for (let j = 0; j < ni; j++) {
      if (cursor.interstitialSpecies[j] !== InterstitialSpecies.Ag) continue;
      positionNm[3 * n] = traj.interstitialPositionNm[3 * j]!;
      positionNm[3 * n + 1] = traj.interstitialPositionNm[3 * j + 1]!;
      positionNm[3 * n + 2] = traj.interstitialPositionNm[3 * j + 2]!;
      speciesId[n] = agSymbol;
      siteKind[n] = SiteKind.TetraCation + traj.interstitialKind[j]!;
      id[n] = nc + na + j;
      n++;
    }
    chunks.push(
      writeExtxyzFrame({
        positionNm: positionNm.subarray(0, 3 * n),
        speciesSymbols: symbols,
        speciesId: speciesId.subarray(0, n),
        id: id.subarray(0, n),
        siteKind: siteKind.subarray(0, n),
        latticeNm: [...h.boxNm],
        pbc,
        timeS: traj.timeS[f]!,
        info: { hg_fraction: nc > 0 ? cursor.counts.Hg / nc : 0 },
      }),
    );
  }
  return chunks;
}

/** Every `every`-th frame, always ending on the last one. */
export function selectFrames(frameCount: number, every: number): number[] {
  const out: number[] = [];
  for (let f = 0; f < frameCount; f += every) out.push(f);
  if (frameCount > 0 && out[out.length - 1] !== frameCount - 1) out.push(frameCount - 1);
  return out;
}

export const exportCommand: CommandModule<object, ExportArgs> = {
  command: 'export <trajectory>',
  describe: 'Convert a trajectory (.cxtraj) to multi-frame extended XYZ (OVITO, ASE)',
  builder: (y: Argv<object>) =>
    y
      .positional('trajectory', { type: 'string', demandOption: true, describe: 'Trajectory file written by cxsim run --trajectory' })
      .option('extxyz', { type: 'string', demandOption: true, describe: 'Output .extxyz or .xyz file (.gz to compress)' })
      .option('every', { type: 'number', default: 1, describe: 'Keep every N-th frame (the last frame is always kept)' }) as Argv<ExportArgs>,
  handler: (args) => {
    const out = args.extxyz;
    if (typeof out !== 'string' || !/\.(ext)?xyz(\.gz)?$/.test(out)) {
      throw new UsageError(`--extxyz must name a .extxyz or .xyz file (optionally .gz), got "${String(out)}"`);
    }
    if (!(Number.isInteger(args.every) && args.every >= 1)) {
      throw new UsageError(`--every: expected an integer >= 1, got ${String(args.every)}`);
    }
    const traj = readTrajectoryFile(args.trajectory);
    const frames = selectFrames(traj.frameCount, args.every);
    const text = Buffer.from(trajectoryToExtxyz(traj, frames).join(''));
    try {
      writeFileAtomic(out, out.endsWith('.gz') ? gzipSync(text) : text);
    } catch (err) {
      throw new UsageError(`--extxyz ${out}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    process.stdout.write(`wrote ${out}: ${frames.length} frames of ${traj.frameCount}, ${traj.header.cationCount} cation + ${traj.header.anionCount} anion sites + Ag_i\n`);
  },
};
