// The body and weapon sheets are drawn separately and stacked by the client frame by frame, so
// their shared layout and the hand positions are what these tests pin down.
import { describe, expect, it } from 'vitest';
import { ARMOR_IDS } from './armor.ts';
import type { Canvas } from './canvas.ts';
import { NPC_IDS, npcSheet } from './npcs.ts';
import { armorSheet, HUMANOID_SHEET_JSON } from './player.ts';
import { DIRECTIONS, FRAME, posesFor } from './poses.ts';
import { weaponSheet } from './weapon-sheet.ts';
import { WEAPON_IDS } from './weapons.ts';
import { opaqueCount } from './transform.ts';

const bodies = ARMOR_IDS.map((id) => [id, armorSheet(id)] as const);
const weapons = WEAPON_IDS.map((id) => [id, weaponSheet(id)] as const);

describe('armour sheets', () => {
  it('share one layout: rows down/up/right, idle 0-1, walk 2-5, a three-frame attack that plays once', () => {
    for (const [, sheet] of bodies) {
      expect(sheet.json).toEqual(HUMANOID_SHEET_JSON);
      expect(sheet.image.width).toBe(9 * FRAME);
      expect(sheet.image.height).toBe(3 * FRAME);
    }
    expect(HUMANOID_SHEET_JSON.animations.attack).toEqual({ frames: [6, 7, 8], fps: 12, repeat: 0 });
  });

  it('look different from each other', () => {
    for (let i = 1; i < bodies.length; i++) {
      const a = bodies[i - 1]![1].image.data;
      const b = bodies[i]![1].image.data;
      let diff = 0;
      for (let p = 0; p < a.length; p += 4) if (a[p] !== b[p] || a[p + 1] !== b[p + 1]) diff++;
      expect(diff, `${bodies[i - 1]![0]} vs ${bodies[i]![0]}`).toBeGreaterThan(400);
    }
  });

  it('move the weapon hand during the attack', () => {
    for (const dir of DIRECTIONS) {
      const hands = posesFor(dir)
        .slice(6)
        .map((p) => `${p.hand.x},${p.hand.y}`);
      expect(new Set(hands).size).toBe(3);
    }
  });

  it('draw a fist exactly where the weapon sheets put the grip', () => {
    DIRECTIONS.forEach((dir, row) => {
      posesFor(dir).forEach((pose, col) => {
        for (const [id, sheet] of bodies) {
          const fist = opaqueCount(
            sheet.image,
            col * FRAME + pose.hand.x,
            row * FRAME + pose.hand.y,
            2,
            2,
            255,
          );
          expect(fist, `${id} ${dir} ${col}`).toBe(4);
        }
      });
    });
  });
});

describe('weapon sheets', () => {
  it('use the body layout and go behind the body when facing up', () => {
    for (const [, sheet] of weapons) {
      expect(sheet.json).toEqual({ ...HUMANOID_SHEET_JSON, behindWhenFacing: ['up'] });
      expect(sheet.image.width).toBe(9 * FRAME);
    }
  });

  it('hold the weapon in the fist (grip next to the hand, the hand itself left clear)', () => {
    for (const [id, sheet] of weapons) {
      DIRECTIONS.forEach((dir, row) => {
        posesFor(dir).forEach((pose, col) => {
          const x = col * FRAME + pose.hand.x;
          const y = row * FRAME + pose.hand.y;
          expect(opaqueCount(sheet.image, x, y, 2, 2), `${id} ${dir} ${col} fist`).toBe(0);
          expect(
            opaqueCount(sheet.image, x - 1, y - 1, 4, 4, 255),
            `${id} ${dir} ${col} grip`,
          ).toBeGreaterThan(2);
        });
      });
    }
  });

  it('never cut a weapon off at the frame edge', () => {
    for (const [id, sheet] of weapons) {
      for (let fy = 0; fy < 3; fy++) {
        for (let fx = 0; fx < 9; fx++) {
          const x = fx * FRAME;
          const y = fy * FRAME;
          const edge =
            opaqueCount(sheet.image, x, y, FRAME, 1) +
            opaqueCount(sheet.image, x, y + FRAME - 1, FRAME, 1) +
            opaqueCount(sheet.image, x, y, 1, FRAME) +
            opaqueCount(sheet.image, x + FRAME - 1, y, 1, FRAME);
          expect(edge, `${id} row ${fy} col ${fx}`).toBe(0);
        }
      }
    }
  });
});

describe('NPC sheets', () => {
  const npcs = NPC_IDS.map((id) => [id, npcSheet(id)] as const);

  it('have every villager, with a gentle two-frame idle and a four-step walk', () => {
    expect([...NPC_IDS].sort()).toEqual(
      [
        'child',
        'elder',
        'fisher',
        'guard',
        'hermit',
        'innkeeper',
        'miner',
        'nomad',
        'priest',
        'sage',
        'scribe',
        'smith',
      ].sort(),
    );
    for (const [, sheet] of npcs) {
      expect(sheet.json.animations).toEqual({
        idle: { frames: [0, 1], fps: 2 },
        walk: { frames: [2, 3, 4, 5], fps: 8 },
      });
      expect(sheet.image.width).toBe(6 * FRAME);
      expect(sheet.image.height).toBe(3 * FRAME);
    }
  });

  it('are each dressed differently (no two share a front view)', () => {
    const fronts = npcs.map(([, s]) => Buffer.from(s.image.crop(0, 0, FRAME, FRAME).data).toString('base64'));
    expect(new Set(fronts).size).toBe(npcs.length);
  });

  it('draw the child shorter than the adults', () => {
    const top = (img: Canvas): number => {
      for (let y = 0; y < FRAME; y++) if (opaqueCount(img, 0, y, FRAME, 1, 255) > 0) return y;
      return FRAME;
    };
    const child = npcs.find(([id]) => id === 'child')![1].image;
    const elder = npcs.find(([id]) => id === 'elder')![1].image;
    expect(top(child)).toBeGreaterThan(top(elder) + 1);
  });
});
