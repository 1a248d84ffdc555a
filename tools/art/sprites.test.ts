// Checks the sprite sheets and atlases as the client will load them: the PNG on disk must have
// exactly the frames its JSON names, and no frame the game shows may be empty.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Canvas } from './canvas.ts';
import { iconAtlases, spriteSheets } from './catalog.ts';
import { atlasProblems, loadPng as loadFromDisk } from './atlas-check.ts';
import { isHandEdited } from '../generated.ts';
import type { SheetJson } from './sheet.ts';
import { opaqueCount } from './transform.ts';

const root = join(import.meta.dirname, '..', '..');

const loadPng = (rel: string): Canvas => loadFromDisk(root, rel);

function loadJson<T>(rel: string): T {
  return JSON.parse(readFileSync(join(root, rel), 'utf8')) as T;
}

/** Every (row, column) an animation of the sheet can show. */
export function framesUsed(json: SheetJson): { anim: string; row: number; col: number }[] {
  const dirRows = json.directions ? Object.values(json.directions) : [0];
  return Object.entries(json.animations).flatMap(([anim, a]) =>
    (a.row !== undefined ? [a.row] : dirRows).flatMap((row) => a.frames.map((col) => ({ anim, row, col }))),
  );
}

const sheets = spriteSheets();
const atlases = iconAtlases();

describe.each(sheets.map((s) => [s.path, s] as const))('sheet %s', (path, entry) => {
  const json = loadJson<SheetJson>(`${path}.json`);
  const image = loadPng(`${path}.png`);

  // A sheet edited by hand since npm run art wrote it is the source: it is checked for itself only.
  const generated = !isHandEdited(root, `${path}.json`) && !isHandEdited(root, `${path}.png`);

  it('on disk has the JSON the generator writes, unless edited by hand since', () => {
    if (generated) expect(json).toEqual(JSON.parse(JSON.stringify(entry.sheet.json)));
  });

  it('is exactly as many frames wide and tall as its animations use', () => {
    expect(image.width % json.frameWidth).toBe(0);
    expect(image.height % json.frameHeight).toBe(0);
    const used = framesUsed(json);
    expect(image.width / json.frameWidth).toBe(Math.max(...used.map((f) => f.col)) + 1);
    expect(image.height / json.frameHeight).toBe(Math.max(...used.map((f) => f.row)) + 1);
    if (generated)
      expect([image.width, image.height]).toEqual([entry.sheet.image.width, entry.sheet.image.height]);
  });

  it('has something visible in every frame an animation shows', () => {
    for (const { anim, row, col } of framesUsed(json)) {
      const n = opaqueCount(
        image,
        col * json.frameWidth,
        row * json.frameHeight,
        json.frameWidth,
        json.frameHeight,
        64,
      );
      expect(n, `${anim} row ${row} col ${col}`).toBeGreaterThan(3);
    }
  });

  it('names a sensible anchor and frame rates', () => {
    expect(json.anchor.x).toBeGreaterThanOrEqual(0);
    expect(json.anchor.x).toBeLessThanOrEqual(1);
    expect(json.anchor.y).toBeGreaterThan(0.3);
    expect(json.anchor.y).toBeLessThanOrEqual(1);
    for (const a of Object.values(json.animations)) {
      expect(a.fps).toBeGreaterThan(0);
      expect([undefined, -1, 0]).toContain(a.repeat);
    }
  });
});

describe.each(atlases.map((a) => [a.path, a] as const))('atlas %s', (_path, entry) => {
  it('holds a non-empty icon for every id (and matches the generator, unless painted by hand since)', () => {
    expect(atlasProblems(root, entry)).toEqual([]);
  });
});

describe('the generator', () => {
  it('draws the same pixels every run', () => {
    const again = spriteSheets();
    sheets.forEach((s, i) =>
      expect(Buffer.from(again[i]!.sheet.image.data).equals(Buffer.from(s.sheet.image.data))).toBe(true),
    );
  });
});
