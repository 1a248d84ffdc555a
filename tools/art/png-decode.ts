// Reads any non-interlaced PNG a paint program saves (grey, RGB, indexed with a palette, with or without
// alpha, 1 to 16 bits) into RGBA bytes, so the art checks accept hand-painted sheets. Errors name the file.
import { inflateSync } from 'node:zlib';

/** Colour type → channels per pixel. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface DecodedPng {
  width: number;
  height: number;
  data: Uint8Array;
}

export function decodePng(png: Uint8Array, file = 'the PNG'): DecodedPng {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}`);
  };
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 1, 4) !== 'PNG') fail('is not a PNG file');
  let width = 0;
  let height = 0;
  let depth = 8;
  let colorType = 6;
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('ascii', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      colorType = data[9]!;
      if (CHANNELS[colorType] === undefined) fail(`has unknown colour type ${colorType}`);
      if (data[12] !== 0) fail('is saved interlaced (Adam7): save it again with interlacing off');
    }
    if (type === 'PLTE') palette = data;
    if (type === 'tRNS') transparency = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (colorType === 3 && !palette) fail('is indexed but has no palette (PLTE chunk)');
  const bits = CHANNELS[colorType]! * depth;
  const stride = Math.ceil((width * bits) / 8);
  const step = Math.max(1, bits / 8); // bytes between a byte and the same byte of the pixel before
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch (err) {
    return fail(`has damaged image data (${(err as Error).message})`);
  }
  if (raw.length < (stride + 1) * height) fail('has less image data than its size needs (truncated?)');
  const rows = unfilter(raw, stride, height, step, fail);
  return {
    width,
    height,
    data: toRgba(rows, { width, height, depth, colorType, stride, palette, transparency }),
  };
}

function unfilter(
  raw: Buffer,
  stride: number,
  height: number,
  step: number,
  fail: (w: string) => never,
): Uint8Array {
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    if (filter > 4) fail(`has a bad filter ${filter} on row ${y}`);
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= step ? rows[y * stride + i - step]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + i]! : 0;
      const c = i >= step && y > 0 ? rows[(y - 1) * stride + i - step]! : 0;
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      rows[y * stride + i] = (line[i]! + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
  }
  return rows;
}

interface Layout {
  width: number;
  height: number;
  depth: number;
  colorType: number;
  stride: number;
  palette: Buffer | null;
  transparency: Buffer | null;
}

function toRgba(rows: Uint8Array, l: Layout): Uint8Array {
  const channels = CHANNELS[l.colorType]!;
  const max = 2 ** l.depth - 1;
  /** Sample n of row y, scaled to 0..255 (indexes are returned as they are). */
  const sample = (y: number, n: number, scale: boolean): number => {
    const bit = n * l.depth;
    const at = y * l.stride + (bit >> 3);
    let v: number;
    if (l.depth === 16) v = (rows[at]! << 8) | rows[at + 1]!;
    else if (l.depth === 8) v = rows[at]!;
    else v = (rows[at]! >> (8 - l.depth - (bit & 7))) & max;
    return scale ? Math.round((v * 255) / max) : v;
  };
  const out = new Uint8Array(l.width * l.height * 4);
  for (let y = 0; y < l.height; y++) {
    for (let x = 0; x < l.width; x++) {
      const o = (y * l.width + x) * 4;
      const n = x * channels;
      if (l.colorType === 3) {
        const i = sample(y, n, false);
        out.set(l.palette!.subarray(i * 3, i * 3 + 3), o);
        out[o + 3] = l.transparency && i < l.transparency.length ? l.transparency[i]! : 255;
        continue;
      }
      const grey = l.colorType === 0 || l.colorType === 4;
      const r = sample(y, n, true);
      const g = grey ? r : sample(y, n + 1, true);
      const b = grey ? r : sample(y, n + 2, true);
      const alpha =
        l.colorType === 4 ? sample(y, n + 1, true) : l.colorType === 6 ? sample(y, n + 3, true) : 255;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = alpha;
      // A single transparent colour (tRNS on grey or RGB images).
      if (l.transparency && (l.colorType === 0 || l.colorType === 2)) {
        const key = [0, 1, 2].map((k) => l.transparency!.readUInt16BE(grey ? 0 : k * 2));
        const raw = [0, 1, 2].map((k) => sample(y, n + (grey ? 0 : k), false));
        if (raw.every((v, k) => v === key[k])) out[o + 3] = 0;
      }
    }
  }
  return out;
}
