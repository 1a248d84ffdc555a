// Item icons, effects and UI icons: the ids the game asks for exist and read on both grounds.
import { describe, expect, it } from 'vitest';
import { ARMOR_IDS } from './armor.ts';
import type { Canvas } from './canvas.ts';
import { EFFECTS } from './effects.ts';
import { itemAtlas } from './items.ts';
import { P, type Rgba } from './palette.ts';
import { uiAtlas } from './ui-icons.ts';
import { WEAPON_IDS } from './weapons.ts';

/** Mean colour distance between an icon's solid pixels and a flat ground colour. */
function contrastOn(icon: Canvas, ground: Rgba): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < icon.height; y++) {
    for (let x = 0; x < icon.width; x++) {
      const c = icon.get(x, y);
      if (c[3] < 200) continue;
      sum += Math.abs(c[0] - ground[0]) + Math.abs(c[1] - ground[1]) + Math.abs(c[2] - ground[2]);
      n++;
    }
  }
  return sum / n;
}

describe('item atlas', () => {
  const { image, json } = itemAtlas();
  const iconOf = (id: string): Canvas => {
    const i = json.frames[id]!;
    const cols = image.width / 16;
    return image.crop((i % cols) * 16, Math.floor(i / cols) * 16, 16, 16);
  };

  it('has an icon for every weapon, armour, potion, quest item, gold and both chest states', () => {
    const ids = [
      ...WEAPON_IDS,
      ...ARMOR_IDS,
      'small_potion',
      'large_potion',
      'ember_potion',
      'gold',
      'chest_closed',
      'chest_open',
      'wolf_pelt',
      'golem_core',
      'ember_shard',
    ];
    expect(Object.keys(json.frames).sort()).toEqual([...ids].sort());
  });

  it('outlines every icon and gives it a ground shadow, so it reads on grass and sand', () => {
    for (const id of Object.keys(json.frames)) {
      const icon = iconOf(id);
      let outline = 0;
      let shadow = 0;
      for (let y = 0; y < 16; y++)
        for (let x = 0; x < 16; x++) {
          const c = icon.get(x, y);
          if (c[0] === P.outline[0] && c[1] === P.outline[1] && c[3] === 255) outline++;
          if (c[3] > 0 && c[3] < 120 && y >= 12) shadow++;
        }
      expect(outline, id).toBeGreaterThan(10);
      expect(shadow, id).toBeGreaterThan(0);
      expect(contrastOn(icon, P.grass[2]), id).toBeGreaterThan(90);
      expect(contrastOn(icon, P.sand[1]), id).toBeGreaterThan(90);
    }
  });

  it('draws the chest open and closed differently', () => {
    expect(Buffer.from(iconOf('chest_open').data).equals(Buffer.from(iconOf('chest_closed').data))).toBe(
      false,
    );
  });
});

describe('effects', () => {
  it('each play once, except the loot sparkle which loops', () => {
    const expected: Record<string, [number, number, number]> = {
      hit: [16, 4, 0],
      death_puff: [24, 5, 0],
      level_up: [32, 8, 0],
      loot_sparkle: [16, 4, -1],
    };
    for (const [id, [size, frames, repeat]] of Object.entries(expected)) {
      const sheet = EFFECTS[id as keyof typeof EFFECTS]();
      expect(sheet.json.frameWidth, id).toBe(size);
      expect(sheet.json.animations).toEqual({
        play: { frames: [...Array(frames).keys()], fps: expect.any(Number), repeat },
      });
      expect(sheet.image.width).toBe(size * frames);
    }
  });
});

describe('UI atlas', () => {
  it('has every HUD and button icon, each outlined and clearly drawn', () => {
    const { image, json } = uiAtlas();
    expect(Object.keys(json.frames).sort()).toEqual(
      [
        'bag',
        'chat',
        'heart',
        'help',
        'people',
        'scroll',
        'shield',
        'sound_off',
        'sound_on',
        'sword',
        'trophy',
        'xp_star',
      ].sort(),
    );
    const cols = image.width / 16;
    const icons = Object.values(json.frames).map((i) =>
      Buffer.from(image.crop((i % cols) * 16, Math.floor(i / cols) * 16, 16, 16).data).toString('base64'),
    );
    expect(new Set(icons).size).toBe(icons.length);
  });
});
