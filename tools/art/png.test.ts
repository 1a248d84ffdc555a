import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from './png.ts';

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
  crcInput: Buffer;
}

function readChunks(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    chunks.push({
      type,
      data: png.subarray(at + 8, at + 8 + length),
      crc: png.readUInt32BE(at + 8 + length),
      crcInput: png.subarray(at + 4, at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
}

describe('crc32', () => {
  it('matches the well-known check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('encodePng', () => {
  const width = 3;
  const height = 2;
  const pixels = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) & 0xff);
  const png = encodePng(width, height, pixels);

  it('starts with the PNG signature and has IHDR, IDAT, IEND in order', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(readChunks(png).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('writes a correct CRC for every chunk', () => {
    for (const c of readChunks(png)) expect(c.crc).toBe(crc32(c.crcInput));
  });

  it('describes an 8-bit RGBA image of the given size', () => {
    const ihdr = readChunks(png)[0]!.data;
    expect(ihdr.readUInt32BE(0)).toBe(width);
    expect(ihdr.readUInt32BE(4)).toBe(height);
    expect([ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12]]).toEqual([8, 6, 0, 0, 0]);
  });

  it('round-trips the pixels through the IDAT stream', () => {
    const raw = inflateSync(readChunks(png)[1]!.data);
    const stride = width * 4;
    expect(raw.length).toBe((stride + 1) * height);
    for (let y = 0; y < height; y++) {
      expect(raw[y * (stride + 1)]).toBe(0);
      const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      expect([...row]).toEqual([...pixels.subarray(y * stride, (y + 1) * stride)]);
    }
  });

  it('is deterministic and rejects a wrongly sized buffer', () => {
    expect(encodePng(width, height, pixels).equals(png)).toBe(true);
    expect(() => encodePng(2, 2, pixels)).toThrow(/expected 16 bytes/);
  });
});
