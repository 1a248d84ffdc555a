import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodePng, encodePng } from '../tools/art/png.ts';
import { buildSpritePack, shelfPack, spritePacker } from './sprite-pack.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyOfSprites(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'emberquest-sprites-'));
  dirs.push(dir);
  cpSync('assets/sprites', dir, { recursive: true });
  return dir;
}

/** A w×h sheet whose every pixel says where it is, so a misplaced copy shows. */
function numbered(w: number, h: number, seed: number): Buffer {
  const rgba = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) rgba.set([i % 251, (i >> 8) % 251, seed, 255], i * 4);
  return encodePng(w, h, rgba);
}

describe('shelfPack', () => {
  it('places every box inside the pack without overlap', () => {
    const sizes = [
      { width: 144, height: 72 },
      { width: 432, height: 192 },
      { width: 1100, height: 16 },
      ...Array.from({ length: 30 }, (_, i) => ({ width: 64 + (i % 5) * 40, height: 16 + (i % 3) * 40 })),
    ];
    const { at, width, height } = shelfPack(sizes);
    expect(width).toBe(1100); // the widest box sets the width when wider than the default
    sizes.forEach((s, i) => {
      expect(at[i]!.x + s.width).toBeLessThanOrEqual(width);
      expect(at[i]!.y + s.height).toBeLessThanOrEqual(height);
      for (let j = 0; j < i; j++) {
        const o = sizes[j]!;
        const apart =
          at[i]!.x >= at[j]!.x + o.width ||
          at[j]!.x >= at[i]!.x + s.width ||
          at[i]!.y >= at[j]!.y + o.height ||
          at[j]!.y >= at[i]!.y + s.height;
        expect(apart, `${i} and ${j}`).toBe(true);
      }
    });
  });
});

describe('buildSpritePack', () => {
  it('holds every sheet pixel for pixel with its JSON, and leaves the atlases out', () => {
    const dir = copyOfSprites();
    writeFileSync(
      path.join(dir, 'mobs', 'test_blob.json'),
      JSON.stringify({ frameWidth: 8, frameHeight: 4 }),
    );
    writeFileSync(path.join(dir, 'mobs', 'test_blob.png'), numbered(24, 12, 7));
    const pack = buildSpritePack(dir);
    expect(Object.keys(pack.sheets)).toEqual(expect.arrayContaining(['mobs/rat', 'marker', 'effects/hit']));
    expect(pack.sheets['items']).toBeUndefined();
    expect(pack.sheets['ui']).toBeUndefined();
    const image = decodePng(pack.png);
    const blob = pack.sheets['mobs/test_blob']!;
    expect(blob.info).toEqual({ frameWidth: 8, frameHeight: 4 });
    const own = decodePng(numbered(24, 12, 7));
    for (let y = 0; y < 12; y++) {
      const row = image.data.subarray(
        ((blob.y + y) * image.width + blob.x) * 4,
        ((blob.y + y) * image.width + blob.x + 24) * 4,
      );
      expect(Buffer.from(row).equals(Buffer.from(own.data.subarray(y * 24 * 4, (y + 1) * 24 * 4)))).toBe(
        true,
      );
    }
    expect(JSON.parse(pack.json.toString()).image).toBe(`assets/sprites.pack.png?v=${pack.version}`);
  });

  it('leaves out a sheet whose PNG is unreadable (the client loads it alone and reports it)', () => {
    const dir = copyOfSprites();
    writeFileSync(path.join(dir, 'mobs', 'rat.png'), 'not a png');
    const pack = buildSpritePack(dir);
    expect(pack.sheets['mobs/rat']).toBeUndefined();
    expect(pack.sheets['mobs/bat']).toBeDefined();
  });
});

describe('spritePacker', () => {
  it('makes the pack again when a sheet changes, and only then', () => {
    const dir = copyOfSprites();
    const packer = spritePacker(dir);
    const first = packer();
    expect(packer()).toBe(first);
    const file = path.join(dir, 'mobs', 'rat.png');
    writeFileSync(file, numbered(48, 64, 3));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const second = packer();
    expect(second.version).not.toBe(first.version);
    expect(second.sheets['mobs/rat']).toMatchObject({ width: 48, height: 64 });
  });
});
