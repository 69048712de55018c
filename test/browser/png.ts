// A tiny PNG decoder for tests (8-bit greyscale/RGB/RGBA, non-interlaced; what Chromium writes) on
// node:zlib, plus pixel statistics that tell a drawn picture from a blank one.
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  rgba: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export function decodePng(file: Uint8Array): Image {
  if (!SIGNATURE.every((b, i) => file[i] === b)) throw new Error('not a PNG (bad signature)');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let width = 0, height = 0, colorType = -1;
  const idat: Uint8Array[] = [];
  for (let at = 8; at < file.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    const data = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const bitDepth = data[8]!;
      colorType = data[9]!;
      if (bitDepth !== 8 || data[12] !== 0 || ![0, 2, 6].includes(colorType)) {
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${data[12]}`);
      }
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 1;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = up[x]!;
      const c = x >= channels ? up[x - channels]! : 0;
      let v = src[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter} on row ${y}`);
      row[x] = v & 255;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    rgba[4 * i] = pixels[s]!;
    rgba[4 * i + 1] = pixels[channels >= 3 ? s + 1 : s]!;
    rgba[4 * i + 2] = pixels[channels >= 3 ? s + 2 : s]!;
    rgba[4 * i + 3] = channels === 4 ? pixels[s + 3]! : 255;
  }
  return { width, height, rgba };
}

export interface PixelStats {
  /** Distinct RGB colours. */
  colors: number;
  /** Standard deviation of luma (0..255). */
  lumaStd: number;
  /** Fraction of pixels for which `predicate(r, g, b)` holds. */
  fraction(predicate: (r: number, g: number, b: number) => boolean): number;
}

export function pixelStats(img: Image): PixelStats {
  const seen = new Set<number>();
  let sum = 0, sum2 = 0;
  const n = img.width * img.height;
  const p = img.rgba;
  for (let i = 0; i < n; i++) {
    const r = p[4 * i]!, g = p[4 * i + 1]!, b = p[4 * i + 2]!;
    seen.add((r << 16) | (g << 8) | b);
    const y = 0.299 * r + 0.587 * g + 0.114 * b;
    sum += y;
    sum2 += y * y;
  }
  const mean = sum / n;
  return {
    colors: seen.size,
    lumaStd: Math.sqrt(Math.max(0, sum2 / n - mean * mean)),
    fraction(predicate) {
      let k = 0;
      for (let i = 0; i < n; i++) if (predicate(p[4 * i]!, p[4 * i + 1]!, p[4 * i + 2]!)) k++;
      return k / n;
    },
  };
}
