// Trajectory format (.cxtraj, browser-safe): crystal header + occupancy frames; keyframes hold full
// occupancy, delta frames hold only the sites that changed. Positions nm (float32), times s (float64).
//
// Layout, little-endian, every block 4-byte aligned:
//   "CXTRAJ1\0" | u32 jsonBytes | header JSON (utf-8) | pad
//   f32 cationPositionNm[3 nc] | f32 anionPositionNm[3 na] | f32 interstitialPositionNm[3 ni]
//   f32 cationDistanceNm[nc] | u8 interstitialKind[ni] | u8 anionElementId[na] | pad
//   records: u8 tag, u8[3] 0, u32 payloadBytes (padded), f64 timeS, payload
//     KEY   payload = u8 cationSpecies[nc] | u8 interstitialSpecies[ni] | pad
//     DELTA payload = u32 changeCount | LEB128 varints (gap * 4 + species), sites ascending in the
//           combined index (cation i -> i, interstitial j -> nc + j), gap = index - previous - 1
//     END   payload = u32 frameCount
// The writer emits a keyframe whenever the deltas since the last keyframe would outgrow one, so the
// file stays at most ~2x the pure-delta size and any frame decodes from <= 2 keyframes' worth of bytes.
import type { Crystal } from '../lattice/types.js';
import type { TrajectorySink } from '../model/contract.js';
import { CationSpecies, InterstitialSpecies } from '../model/species.js';

export const TRAJECTORY_MAGIC = 'CXTRAJ1\0';
export const TRAJECTORY_FORMAT_VERSION = 1;
/** Conventional file name inside a run's output folder. */
export const TRAJECTORY_FILE_NAME = 'trajectory.cxtraj';

const TAG_KEY = 1;
const TAG_DELTA = 2;
const TAG_END = 255;
const RECORD_HEADER_BYTES = 16;

/** The scalar description of the crystal kept in a trajectory header (the same fields as Crystal). */
type CrystalScalars = Pick<
  Crystal,
  | 'structure' | 'shape' | 'material' | 'cationElement' | 'anionElements' | 'latticeANm' | 'latticeCNm'
  | 'centreNm' | 'periodicNm' | 'cationCount' | 'anionCount' | 'interstitialCount' | 'boxNm'
>;

/** Crystal description stored once at the top of the file (JSON part). */
export interface TrajectoryHeader extends CrystalScalars {
  readonly format: 'cxsim-trajectory';
  readonly version: number;
  /** Free-form provenance from the writer (scenario, seed, ...). */
  readonly info: Readonly<Record<string, string | number | boolean>>;
}

/** A decoded trajectory: crystal arrays, frame times and an index for random access. */
export interface Trajectory {
  readonly header: TrajectoryHeader;
  readonly cationPositionNm: Float32Array;
  readonly anionPositionNm: Float32Array;
  readonly interstitialPositionNm: Float32Array;
  /** Distance of each cation from the centre / axis / mid-plane, nm (as the simulation's profiles). */
  readonly cationDistanceNm: Float32Array;
  readonly interstitialKind: Uint8Array;
  /** Per anion, its index into header.anionElements. */
  readonly anionElementId: Uint8Array;
  readonly frameCount: number;
  /** Simulated time of each frame, s (non-decreasing). */
  readonly timeS: Float64Array;
  readonly byteLength: number;
  /** Byte offset of each frame's record. */
  readonly frameOffset: Float64Array;
  /** Index of the keyframe at or before each frame. */
  readonly keyframeOf: Int32Array;
  /** The file's bytes (records are decoded on demand). */
  readonly bytes: Uint8Array;
}

/** Species counts of one frame. */
export interface OccupancyCounts {
  Cd: number;
  Hg: number;
  Ag: number;
  Vacancy: number;
  AgInterstitial: number;
}

/** Malformed or truncated trajectory bytes; the message says where and what was expected. */
export class TrajectoryFormatError extends Error {
  override readonly name = 'TrajectoryFormatError';
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** Growable little-endian byte buffer. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16);
  view = new DataView(this.bytes.buffer);
  length = 0;

  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  pad(): void {
    const target = pad4(this.length);
    this.reserve(target - this.length);
    this.bytes.fill(0, this.length, target);
    this.length = target;
  }

  u8(v: number): void { this.reserve(1); this.bytes[this.length++] = v; }
  u32(v: number): void { this.reserve(4); this.view.setUint32(this.length, v, true); this.length += 4; }
  f64(v: number): void { this.reserve(8); this.view.setFloat64(this.length, v, true); this.length += 8; }
  raw(src: Uint8Array): void { this.reserve(src.length); this.bytes.set(src, this.length); this.length += src.length; }
  f32s(src: ArrayLike<number>): void {
    this.reserve(4 * src.length);
    for (let i = 0; i < src.length; i++) this.view.setFloat32(this.length + 4 * i, src[i]!, true);
    this.length += 4 * src.length;
  }
}

export interface TrajectoryEncoderOptions {
  /** Provenance stored in the header (scenario name, seed, ...). */
  info?: Record<string, string | number | boolean>;
}

/**
 * Builds a trajectory in memory from the simulation's snapshots (a TrajectorySink); finish() returns
 * the bytes. Deltas are found by comparing with the previous snapshot, so no per-event hook is needed.
 */
export class TrajectoryEncoder implements TrajectorySink {
  private readonly out = new ByteWriter();
  private readonly info: Record<string, string | number | boolean>;
  private cationCount = -1;
  private interstitialCount = 0;
  /** Previous snapshot: cations then interstitials (combined index). */
  private previous = new Uint8Array(0);
  private lastTimeS = -Infinity;
  private deltaBytesSinceKey = 0;
  private frames = 0;
  private keyframes = 0;
  private finished = false;

  constructor(options: TrajectoryEncoderOptions = {}) {
    this.info = { ...(options.info ?? {}) };
  }

  get frameCount(): number { return this.frames; }
  get keyframeCount(): number { return this.keyframes; }
  get byteLength(): number { return this.out.length; }

  begin(crystal: Crystal, cationSpecies: Uint8Array, interstitialSpecies: Uint8Array, timeS: number): void {
    if (this.cationCount >= 0) throw new Error('TrajectoryEncoder.begin() called twice');
    const nc = crystal.cationCount;
    const ni = crystal.interstitialCount;
    if (nc + crystal.anionCount + ni === 0) throw new Error('TrajectoryEncoder: the crystal has no sites');
    const header: TrajectoryHeader = {
      format: 'cxsim-trajectory',
      version: TRAJECTORY_FORMAT_VERSION,
      structure: crystal.structure,
      shape: crystal.shape,
      material: crystal.material,
      cationElement: crystal.cationElement,
      anionElements: [...crystal.anionElements],
      latticeANm: crystal.latticeANm,
      latticeCNm: crystal.latticeCNm,
      centreNm: [...crystal.centreNm],
      periodicNm: [...crystal.periodicNm],
      cationCount: nc,
      anionCount: crystal.anionCount,
      interstitialCount: ni,
      boxNm: [...crystal.boxNm],
      info: this.info,
    };
    const json = new TextEncoder().encode(JSON.stringify(header));
    const o = this.out;
    for (let i = 0; i < 8; i++) o.u8(TRAJECTORY_MAGIC.charCodeAt(i));
    o.u32(json.length);
    o.raw(json);
    o.pad();
    o.f32s(crystal.cationPositionNm);
    o.f32s(crystal.anionPositionNm);
    o.f32s(crystal.interstitialPositionNm);
    o.f32s(crystal.cationDistanceNm);
    o.raw(crystal.interstitialKind);
    o.raw(crystal.anionElementId);
    o.pad();
    this.cationCount = nc;
    this.interstitialCount = ni;
    this.previous = new Uint8Array(nc + ni);
    this.checkLengths(cationSpecies, interstitialSpecies);
    this.writeKeyframe(timeS, cationSpecies, interstitialSpecies);
  }

  frame(timeS: number, cationSpecies: Uint8Array, interstitialSpecies: Uint8Array): void {
    if (this.cationCount < 0) throw new Error('TrajectoryEncoder.frame() before begin()');
    this.checkLengths(cationSpecies, interstitialSpecies);
    const o = this.out;
    const start = o.length;
    this.checkTime(timeS);
    o.u8(TAG_DELTA); o.u8(0); o.u8(0); o.u8(0);
    o.u32(0); // payload size, patched below
    o.f64(timeS);
    const countAt = o.length;
    o.u32(0); // change count, patched below
    let changes = 0;
    try {
      changes = this.writeChanges(cationSpecies, interstitialSpecies);
    } catch (err) {
      o.length = start; // drop the half-written record
      throw err;
    }
    o.pad();
    const payloadBytes = o.length - start - RECORD_HEADER_BYTES;
    const nc = this.cationCount;
    const keyBytes = pad4(nc + this.interstitialCount);
    if (this.deltaBytesSinceKey + payloadBytes > keyBytes) {
      // Cheaper overall to restart from a full snapshot: bounds the decode work of any seek.
      o.length = start;
      this.writeKeyframe(timeS, cationSpecies, interstitialSpecies);
      return;
    }
    o.view.setUint32(start + 4, payloadBytes, true);
    o.view.setUint32(countAt, changes, true);
    this.deltaBytesSinceKey += payloadBytes;
    this.previous.set(cationSpecies, 0);
    this.previous.set(interstitialSpecies, nc);
    this.lastTimeS = timeS;
    this.frames++;
  }

  /** Varints of the sites that differ from the previous snapshot; returns how many. */
  private writeChanges(cationSpecies: Uint8Array, interstitialSpecies: Uint8Array): number {
    let changes = 0;
    let previousIndex = -1;
    const prev = this.previous;
    const nc = this.cationCount;
    for (let i = 0; i < nc; i++) {
      const s = cationSpecies[i]!;
      if (s === prev[i]) continue;
      if (s > CationSpecies.Ag) throw new Error(`TrajectoryEncoder: cation site ${i} has species id ${s} (0..3 expected)`);
      this.varint((i - previousIndex - 1) * 4 + s);
      previousIndex = i;
      changes++;
    }
    for (let j = 0; j < this.interstitialCount; j++) {
      const s = interstitialSpecies[j]!;
      if (s === prev[nc + j]) continue;
      if (s > InterstitialSpecies.Ag) throw new Error(`TrajectoryEncoder: interstitial site ${j} has species id ${s} (0..1 expected)`);
      this.varint((nc + j - previousIndex - 1) * 4 + s);
      previousIndex = nc + j;
      changes++;
    }
    return changes;
  }

  /** Close the stream (end record) and return the file's bytes; no frames may follow. */
  finish(): Uint8Array {
    if (this.cationCount < 0) throw new Error('TrajectoryEncoder.finish() before begin()');
    if (!this.finished) {
      const o = this.out;
      o.u8(TAG_END); o.u8(0); o.u8(0); o.u8(0);
      o.u32(4);
      o.f64(this.lastTimeS);
      o.u32(this.frames);
      this.finished = true;
    }
    return this.out.bytes.subarray(0, this.out.length);
  }

  private checkLengths(cation: Uint8Array, interstitial: Uint8Array): void {
    if (this.finished) throw new Error('TrajectoryEncoder: frame after finish()');
    if (cation.length !== this.cationCount || interstitial.length !== this.interstitialCount) {
      throw new Error(
        `TrajectoryEncoder: snapshot has ${cation.length} cation / ${interstitial.length} interstitial entries, ` +
          `crystal has ${this.cationCount} / ${this.interstitialCount}`,
      );
    }
  }

  private checkTime(timeS: number): void {
    if (!Number.isFinite(timeS) || timeS < this.lastTimeS) {
      throw new Error(`TrajectoryEncoder: frame time ${timeS} s is not finite or goes back before ${this.lastTimeS} s`);
    }
  }

  private writeKeyframe(timeS: number, cation: Uint8Array, interstitial: Uint8Array): void {
    this.checkTime(timeS);
    const nc = this.cationCount;
    for (let i = 0; i < nc; i++) {
      if (cation[i]! > CationSpecies.Ag) throw new Error(`TrajectoryEncoder: cation site ${i} has species id ${cation[i]} (0..3 expected)`);
    }
    for (let j = 0; j < interstitial.length; j++) {
      if (interstitial[j]! > InterstitialSpecies.Ag) throw new Error(`TrajectoryEncoder: interstitial site ${j} has species id ${interstitial[j]} (0..1 expected)`);
    }
    const o = this.out;
    const payloadBytes = pad4(nc + this.interstitialCount);
    o.u8(TAG_KEY); o.u8(0); o.u8(0); o.u8(0);
    o.u32(payloadBytes);
    o.f64(timeS);
    o.raw(cation);
    o.raw(interstitial);
    o.pad();
    this.previous.set(cation, 0);
    this.previous.set(interstitial, nc);
    this.deltaBytesSinceKey = 0;
    this.lastTimeS = timeS;
    this.frames++;
    this.keyframes++;
  }

  private varint(v: number): void {
    // v can exceed 2^31 for huge crystals, so split with arithmetic rather than bit shifts.
    const o = this.out;
    o.reserve(8);
    while (v >= 128) {
      o.bytes[o.length++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    o.bytes[o.length++] = v;
  }
}

/** Encode a whole trajectory at once (tests, small tools): frames[0] is the initial state. */
export function encodeTrajectory(
  crystal: Crystal,
  frames: readonly { timeS: number; cationSpecies: Uint8Array; interstitialSpecies: Uint8Array }[],
  options: TrajectoryEncoderOptions = {},
): Uint8Array {
  const encoder = new TrajectoryEncoder(options);
  frames.forEach((f, i) => {
    if (i === 0) encoder.begin(crystal, f.cationSpecies, f.interstitialSpecies, f.timeS);
    else encoder.frame(f.timeS, f.cationSpecies, f.interstitialSpecies);
  });
  return encoder.finish();
}

/** Parse the header and index every frame (one pass over the record headers, no occupancy decoded). */
export function decodeTrajectory(input: Uint8Array | ArrayBuffer): Trajectory {
  let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // Typed-array views need 4-byte alignment relative to the buffer (Node's pooled Buffers may not have it).
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (what: string): never => { throw new TrajectoryFormatError(`not a cxsim trajectory: ${what}`); };
  if (bytes.length < 12) fail(`only ${bytes.length} bytes`);
  for (let i = 0; i < 8; i++) if (bytes[i] !== TRAJECTORY_MAGIC.charCodeAt(i)) fail('bad magic (expected CXTRAJ1)');
  const jsonBytes = view.getUint32(8, true);
  if (12 + jsonBytes > bytes.length) fail('header runs past the end of the file');
  let header: TrajectoryHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonBytes))) as TrajectoryHeader;
  } catch (err) {
    return fail(`header is not JSON (${(err as Error).message})`);
  }
  if (header.format !== 'cxsim-trajectory') fail('header format is not "cxsim-trajectory"');
  if (header.version !== TRAJECTORY_FORMAT_VERSION) fail(`format version ${header.version}, this reader handles ${TRAJECTORY_FORMAT_VERSION}`);
  const nc = header.cationCount;
  const na = header.anionCount;
  const ni = header.interstitialCount;
  for (const [k, v] of [['cationCount', nc], ['anionCount', na], ['interstitialCount', ni]] as const) {
    if (!Number.isInteger(v) || v < 0) fail(`header ${k} is ${String(v)}, expected a count`);
  }
  let at = pad4(12 + jsonBytes);
  const f32 = (n: number): Float32Array => {
    if (at + 4 * n > bytes.length) fail('crystal arrays run past the end of the file');
    const a = new Float32Array(bytes.buffer, bytes.byteOffset + at, n);
    at += 4 * n;
    return a;
  };
  const cationPositionNm = f32(3 * nc);
  const anionPositionNm = f32(3 * na);
  const interstitialPositionNm = f32(3 * ni);
  const cationDistanceNm = f32(nc);
  if (at + ni + na > bytes.length) fail('crystal arrays run past the end of the file');
  const interstitialKind = bytes.subarray(at, at + ni);
  const anionElementId = bytes.subarray(at + ni, at + ni + na);
  at = pad4(at + ni + na);

  const times: number[] = [];
  const offsets: number[] = [];
  const keyOf: number[] = [];
  let lastKey = -1;
  let ended = false;
  while (at + RECORD_HEADER_BYTES <= bytes.length) {
    const tag = bytes[at]!;
    const payloadBytes = view.getUint32(at + 4, true);
    const end = at + RECORD_HEADER_BYTES + payloadBytes;
    if (end > bytes.length) fail(`record at byte ${at} runs past the end of the file (truncated?)`);
    if (tag === TAG_END) {
      const declared = view.getUint32(at + RECORD_HEADER_BYTES, true);
      if (declared !== times.length) fail(`end record declares ${declared} frames, found ${times.length}`);
      ended = true;
      break;
    }
    if (tag === TAG_KEY) {
      if (payloadBytes !== pad4(nc + ni)) fail(`keyframe at byte ${at} has ${payloadBytes} bytes, expected ${pad4(nc + ni)}`);
      lastKey = times.length;
    } else if (tag !== TAG_DELTA) fail(`unknown record tag ${tag} at byte ${at}`);
    if (lastKey < 0) fail('the first frame is not a keyframe');
    const t = view.getFloat64(at + 8, true);
    if (!(t >= (times.length > 0 ? times[times.length - 1]! : -Infinity))) fail(`frame ${times.length} time ${t} s goes backwards`);
    times.push(t);
    offsets.push(at);
    keyOf.push(lastKey);
    at = end;
  }
  if (!ended) fail('no end record (truncated file?)');
  return {
    header,
    cationPositionNm,
    anionPositionNm,
    interstitialPositionNm,
    cationDistanceNm,
    interstitialKind,
    anionElementId,
    frameCount: times.length,
    timeS: Float64Array.from(times),
    byteLength: bytes.length,
    frameOffset: Float64Array.from(offsets),
    keyframeOf: Int32Array.from(keyOf),
    bytes,
  };
}

/** Zero all counts. */
export function emptyCounts(): OccupancyCounts {
  return { Cd: 0, Hg: 0, Ag: 0, Vacancy: 0, AgInterstitial: 0 };
}

/** Count species in one snapshot (into `out`, reused). */
export function countOccupancy(
  cationSpecies: Uint8Array,
  interstitialSpecies: Uint8Array,
  out: OccupancyCounts = emptyCounts(),
): OccupancyCounts {
  const c = [0, 0, 0, 0];
  for (let i = 0; i < cationSpecies.length; i++) c[cationSpecies[i]!]!++;
  let agI = 0;
  for (let j = 0; j < interstitialSpecies.length; j++) agI += interstitialSpecies[j] === InterstitialSpecies.Ag ? 1 : 0;
  out.Vacancy = c[CationSpecies.Vacancy]!;
  out.Cd = c[CationSpecies.Cd]!;
  out.Hg = c[CationSpecies.Hg]!;
  out.Ag = c[CationSpecies.Ag]!;
  out.AgInterstitial = agI;
  return out;
}

/**
 * Current occupancy of one frame, kept up to date as it moves: stepping forward applies one delta;
 * any other move restarts from the nearest keyframe. Counts follow incrementally.
 */
export class FrameCursor {
  readonly cationSpecies: Uint8Array;
  readonly interstitialSpecies: Uint8Array;
  readonly counts: OccupancyCounts = emptyCounts();
  private index = -1;
  private readonly view: DataView;

  constructor(readonly trajectory: Trajectory) {
    this.cationSpecies = new Uint8Array(trajectory.header.cationCount);
    this.interstitialSpecies = new Uint8Array(trajectory.header.interstitialCount);
    const b = trajectory.bytes;
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (trajectory.frameCount > 0) this.seek(0);
  }

  get frameIndex(): number { return this.index; }
  get timeS(): number { return this.trajectory.timeS[this.index] ?? NaN; }

  /** Move to frame i (clamped to the valid range); returns the frame index now shown. */
  seek(frame: number): number {
    const t = this.trajectory;
    const target = Math.max(0, Math.min(t.frameCount - 1, Math.floor(frame)));
    if (target === this.index) return target;
    const key = t.keyframeOf[target]!;
    // Continue from the current frame when it lies between the keyframe and the target (playback).
    let from = this.index;
    if (!(from >= key && from < target)) {
      this.applyKeyframe(key);
      from = key;
    }
    for (let f = from + 1; f <= target; f++) this.applyRecord(f);
    this.index = target;
    return target;
  }

  private applyKeyframe(f: number): void {
    const t = this.trajectory;
    const at = t.frameOffset[f]! + RECORD_HEADER_BYTES;
    const nc = this.cationSpecies.length;
    const ni = this.interstitialSpecies.length;
    this.cationSpecies.set(t.bytes.subarray(at, at + nc));
    this.interstitialSpecies.set(t.bytes.subarray(at + nc, at + nc + ni));
    for (let i = 0; i < nc; i++) {
      if (this.cationSpecies[i]! > CationSpecies.Ag) throw new TrajectoryFormatError(`frame ${f}: cation species id ${this.cationSpecies[i]} at site ${i}`);
    }
    for (let j = 0; j < ni; j++) {
      if (this.interstitialSpecies[j]! > InterstitialSpecies.Ag) throw new TrajectoryFormatError(`frame ${f}: interstitial species id ${this.interstitialSpecies[j]} at site ${j}`);
    }
    countOccupancy(this.cationSpecies, this.interstitialSpecies, this.counts);
  }

  private applyRecord(f: number): void {
    const t = this.trajectory;
    const at = t.frameOffset[f]!;
    if (t.bytes[at] === TAG_KEY) {
      this.applyKeyframe(f);
      return;
    }
    const bytes = t.bytes;
    const end = at + RECORD_HEADER_BYTES + this.view.getUint32(at + 4, true);
    const changes = this.view.getUint32(at + RECORD_HEADER_BYTES, true);
    const nc = this.cationSpecies.length;
    const total = nc + this.interstitialSpecies.length;
    const counts = this.counts;
    let p = at + RECORD_HEADER_BYTES + 4;
    let site = -1;
    for (let k = 0; k < changes; k++) {
      let v = 0;
      let scale = 1;
      let b: number;
      do {
        if (p >= end) throw new TrajectoryFormatError(`frame ${f}: delta runs past its record`);
        b = bytes[p++]!;
        v += (b & 127) * scale;
        scale *= 128;
      } while (b >= 128);
      const species = v % 4;
      site += (v - species) / 4 + 1;
      if (site >= total) throw new TrajectoryFormatError(`frame ${f}: delta names site ${site} of ${total}`);
      if (site < nc) {
        const old = this.cationSpecies[site]!;
        this.cationSpecies[site] = species;
        adjustCation(counts, old, -1);
        adjustCation(counts, species, +1);
      } else {
        if (species > InterstitialSpecies.Ag) throw new TrajectoryFormatError(`frame ${f}: interstitial species id ${species}`);
        const j = site - nc;
        counts.AgInterstitial += species - this.interstitialSpecies[j]!;
        this.interstitialSpecies[j] = species;
      }
    }
  }
}

function adjustCation(counts: OccupancyCounts, species: number, by: number): void {
  if (species === CationSpecies.Cd) counts.Cd += by;
  else if (species === CationSpecies.Hg) counts.Hg += by;
  else if (species === CationSpecies.Ag) counts.Ag += by;
  else counts.Vacancy += by;
}

/** Per-frame species counts (one sequential pass; for charts and checks). */
export interface FrameSeries {
  readonly timeS: Float64Array;
  readonly Cd: Int32Array;
  readonly Hg: Int32Array;
  readonly Ag: Int32Array;
  readonly Vacancy: Int32Array;
  readonly AgInterstitial: Int32Array;
}

export function frameSeries(trajectory: Trajectory): FrameSeries {
  const n = trajectory.frameCount;
  const s = {
    timeS: trajectory.timeS,
    Cd: new Int32Array(n), Hg: new Int32Array(n), Ag: new Int32Array(n),
    Vacancy: new Int32Array(n), AgInterstitial: new Int32Array(n),
  };
  const cursor = new FrameCursor(trajectory);
  for (let f = 0; f < n; f++) {
    cursor.seek(f);
    const c = cursor.counts;
    s.Cd[f] = c.Cd; s.Hg[f] = c.Hg; s.Ag[f] = c.Ag; s.Vacancy[f] = c.Vacancy; s.AgInterstitial[f] = c.AgInterstitial;
  }
  return s;
}
