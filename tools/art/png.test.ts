import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, decodePng, encodePng } from './png.ts';

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

/** A PNG written the way paint programs write them: any colour type and depth, filter None. */
function paintProgramPng(
  header: { width: number; height: number; depth: number; colorType: number; interlace?: number },
  rows: number[][],
  extra: [string, number[]][] = [],
): Buffer {
  const chunkOf = (type: string, data: Buffer): Buffer => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr[8] = header.depth;
  ihdr[9] = header.colorType;
  ihdr[12] = header.interlace ?? 0;
  const raw = Buffer.from(rows.flatMap((r) => [0, ...r]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunkOf('IHDR', ihdr),
    ...extra.map(([type, bytes]) => chunkOf(type, Buffer.from(bytes))),
    chunkOf('IDAT', deflateSync(raw)),
    chunkOf('IEND', Buffer.alloc(0)),
  ]);
}

describe('decodePng reads what paint programs save', () => {
  const RED = [255, 0, 0];
  const BLUE = [0, 0, 255];

  it('an 8-bit indexed PNG with a palette and transparency', () => {
    const png = paintProgramPng(
      { width: 2, height: 1, depth: 8, colorType: 3 },
      [[1, 0]],
      [
        ['PLTE', [...RED, ...BLUE]],
        ['tRNS', [0]],
      ],
    );
    expect([...decodePng(png).data]).toEqual([...BLUE, 255, ...RED, 0]);
  });

  it('a 4-bit indexed PNG (two pixels a byte, odd width)', () => {
    const png = paintProgramPng(
      { width: 3, height: 1, depth: 4, colorType: 3 },
      [[0x01, 0x10]],
      [['PLTE', [...RED, ...BLUE]]],
    );
    expect([...decodePng(png).data]).toEqual([...RED, 255, ...BLUE, 255, ...BLUE, 255]);
  });

  it('grey with alpha, and 16-bit RGB', () => {
    const grey = paintProgramPng({ width: 1, height: 1, depth: 8, colorType: 4 }, [[128, 64]]);
    expect([...decodePng(grey).data]).toEqual([128, 128, 128, 64]);
    const deep = paintProgramPng({ width: 1, height: 1, depth: 16, colorType: 2 }, [
      [255, 255, 0, 0, 128, 0],
    ]);
    expect([...decodePng(deep).data]).toEqual([255, 0, 128, 255]);
  });

  it('names the file when it cannot read it', () => {
    const interlaced = paintProgramPng({ width: 1, height: 1, depth: 8, colorType: 6, interlace: 1 }, [
      [0, 0, 0, 0],
    ]);
    expect(() => decodePng(interlaced, 'assets/sprites/items.png')).toThrow(
      'assets/sprites/items.png: is saved interlaced (Adam7): save it again with interlacing off',
    );
    expect(() => decodePng(Buffer.from('GIF89a'), 'assets/sprites/ui.png')).toThrow(
      'assets/sprites/ui.png: is not a PNG file',
    );
  });
});
