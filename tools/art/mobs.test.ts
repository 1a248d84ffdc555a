// Mob sheets: the layout the client relies on, and the bits of personality the brief asks for.
import { describe, expect, it } from 'vitest';
import type { Canvas } from './canvas.ts';
import { mobSheet } from './mob-sheet.ts';
import { MOB_DESIGNS, MOB_IDS } from './mobs.ts';
import { opaqueCount } from './transform.ts';

const sheets = Object.fromEntries(MOB_IDS.map((id) => [id, mobSheet(MOB_DESIGNS[id])]));

function frameBytes(img: Canvas, size: number, row: number, col: number): string {
  return Buffer.from(img.crop(col * size, row * size, size, size).data).toString('base64');
}

describe('mob sheets', () => {
  it('cover every mob of the adventure, boss included, at the agreed sizes', () => {
    expect(MOB_IDS.sort()).toEqual(
      [
        'bat',
        'crab',
        'ember_wyrm',
        'fire_imp',
        'ghost',
        'goblin',
        'golem',
        'rat',
        'scorpion',
        'skeleton',
        'slime',
        'wolf',
      ].sort(),
    );
    expect(sheets.golem!.json.frameWidth).toBe(32);
    expect(sheets.ember_wyrm!.json.frameWidth).toBe(48);
    for (const id of ['rat', 'slime', 'crab', 'bat']) expect(sheets[id]!.json.frameWidth).toBe(16);
  });

  it.each(MOB_IDS)('%s: idle 2, walk 2-4, attack 2-3 once, death 4 once on row 3', (id) => {
    const { json } = sheets[id]!;
    const a = json.animations;
    expect(json.directions).toEqual({ down: 0, up: 1, right: 2 });
    expect(json.flipLeftFrom).toBe('right');
    expect(a.idle!.frames).toHaveLength(2);
    expect(a.walk!.frames.length).toBeGreaterThanOrEqual(2);
    expect(a.walk!.frames.length).toBeLessThanOrEqual(4);
    expect(a.attack!.frames.length).toBeGreaterThanOrEqual(2);
    expect(a.attack!.frames.length).toBeLessThanOrEqual(3);
    expect(a.attack!.repeat).toBe(0);
    expect(a.death).toEqual({ frames: [0, 1, 2, 3], fps: 8, repeat: 0, row: 3 });
  });

  it.each(MOB_IDS)('%s: every animation actually moves (no two consecutive frames the same)', (id) => {
    const { json, image } = sheets[id]!;
    for (const [name, anim] of Object.entries(json.animations)) {
      const rows = anim.row !== undefined ? [anim.row] : [0, 1, 2];
      for (const row of rows) {
        const frames = anim.frames.map((col) => frameBytes(image, json.frameWidth, row, col));
        for (let i = 1; i < frames.length; i++)
          expect(frames[i], `${name} row ${row} frame ${i}`).not.toBe(frames[i - 1]);
      }
    }
  });

  it.each(MOB_IDS)('%s: looks different facing down, up and right', (id) => {
    const { json, image } = sheets[id]!;
    const views = [0, 1, 2].map((row) => frameBytes(image, json.frameWidth, row, 0));
    expect(new Set(views).size).toBe(3);
  });

  it('the ghost is see-through and the last death frames fade out', () => {
    const { json, image } = sheets.ghost!;
    const size = json.frameWidth;
    expect(opaqueCount(image, 0, 0, size, size, 1)).toBeGreaterThan(50);
    expect(opaqueCount(image, 0, 0, size, size, 255)).toBe(0);
    for (const [id, s] of Object.entries(sheets)) {
      const f = s.json.frameWidth;
      const first = opaqueCount(s.image, 0, 3 * f, f, f, 150);
      const last = opaqueCount(s.image, 3 * f, 3 * f, f, f, 150);
      expect(last, id).toBeLessThan(first);
    }
  });
});
