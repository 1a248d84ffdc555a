// Item icons (16 px): every weapon and armour, potions, gold and chests. Items lie on the ground,
// so each has a soft shadow and a dark outline that reads on grass and on sand alike.
import { Canvas } from './canvas.ts';
import { ARMOR_IDS, ARMOR_OUTFITS, type ArmorId } from './armor.ts';
import { P, SHADOW, withAlpha, type Rgba } from './palette.ts';
import { renderAtlas, type FramePainter } from './sheet.ts';
import { WEAPON_IDS, weaponTemplate, type WeaponId } from './weapons.ts';

const SIZE = 16;

function groundShadow(c: Canvas, rx = 5.5): void {
  c.ellipse(8, 14, rx, 1.6, () => SHADOW);
}

/** Draws `art` (unoutlined) over a ground shadow, outlined. */
function icon(c: Canvas, art: (a: Canvas) => void, shadow = 5.5): void {
  const a = new Canvas(SIZE, SIZE);
  art(a);
  a.outline(P.outline);
  groundShadow(c, shadow);
  c.blit(a, 0, 0, SIZE, SIZE, 0, 0);
}

/** A weapon lying diagonally, hilt bottom-left, like the classic inventory pose. */
function weaponIcon(id: WeaponId): FramePainter {
  return (c) =>
    icon(c, (a) => {
      a.blit(weaponTemplate(id, 'ne'), 0, 0, 24, 24, -6, -1);
      // The template leaves the hand's spot as grip wrapping; fill it so the handle is whole.
      const grip = id === 'long_sword' ? P.roofRed[1] : id.endsWith('blade') ? P.basalt[2] : P.wood[2];
      a.set(5, 11, grip);
      a.set(6, 10, grip);
      a.set(5, 10, grip);
      a.set(6, 11, grip);
    });
}

/** A chest piece in the tier's colours, with its own chest pattern and shoulder guards. */
function armorIcon(id: ArmorId): FramePainter {
  const k = ARMOR_OUTFITS[id];
  const sleeves = k.sleeves ?? k.tunic;
  return (c) =>
    icon(c, (a) => {
      a.fill(1, 4, 3, 5, sleeves[1]); // sleeves
      a.fill(12, 4, 3, 5, sleeves[0]);
      a.fill(3, 3, 10, 3, k.tunic[1]); // shoulders
      a.fill(4, 6, 8, 7, k.tunic[1]);
      a.vline(4, 6, 12, k.tunic[2]);
      a.vline(11, 6, 12, k.tunic[0]);
      a.hline(3, 12, 3, k.tunic[2]);
      k.pattern?.(a, { x: 4, y: 7, w: 8, dir: 'down' });
      a.hline(4, 11, 11, k.belt);
      a.fill(7, 11, 2, 1, k.buckle);
      a.hline(5, 10, 12, k.tunic[0]);
      a.fill(6, 3, 4, 2, [0, 0, 0, 0]); // neck opening
      a.put(6, 3, [0, 0, 0, 0]);
      a.hline(6, 9, 5, k.tunic[0]);
      if (k.pauldrons) {
        for (const x of [1, 11]) {
          a.fill(x, 3, 4, 3, k.pauldrons[1]);
          a.hline(x, x + 3, 3, k.pauldrons[2]);
          a.hline(x, x + 3, 5, k.pauldrons[0]);
        }
      }
      if (k.cape) a.fill(5, 13, 6, 1, k.cape[1]);
    });
}

function potion(liquid: readonly Rgba[], big: boolean, glow = false): FramePainter {
  return (c) => {
    if (glow)
      c.ellipse(8, 9, 7, 7, (dx, dy) => withAlpha(liquid[2]!, Math.round(90 * (1 - dx * dx - dy * dy))));
    icon(
      c,
      (a) => {
        const r = big ? 4.5 : 3.5;
        const cy = big ? 9.5 : 10;
        a.fill(7, big ? 2 : 4, 2, 2, P.wood[3]); // cork
        a.fill(6, big ? 4 : 6, 4, 1, P.glass[1]); // neck
        a.ellipse(8, cy, r, r, (dx, dy) => {
          if (dy < -0.35) return withAlpha(P.glass[1], 200); // air above the liquid
          return dx < -0.3 && dy < 0.2 ? liquid[3]! : dx > 0.45 || dy > 0.6 ? liquid[1]! : liquid[2]!;
        });
        a.set(6, Math.round(cy - 1), P.white); // glint on the glass
        a.set(6, Math.round(cy), withAlpha(P.white, 200));
      },
      big ? 5 : 4,
    );
    if (glow) {
      c.set(13, 3, P.ember[5]);
      c.set(2, 6, P.ember[4]);
      c.set(12, 12, P.ember[4]);
    }
  };
}

function gold(c: Canvas): void {
  icon(c, (a) => {
    const coins: [number, number][] = [
      [5, 12],
      [11, 12],
      [8, 12],
      [6.5, 10],
      [9.5, 10],
      [8, 8],
    ];
    for (const [x, y] of coins) {
      a.ellipse(x, y, 2.6, 1.5, (dx, dy) => (dy < -0.2 ? P.brass[4] : dx > 0.4 ? P.brass[2] : P.brass[3]));
      a.set(Math.round(x) - 1, Math.round(y) - 1, P.brass[4]);
    }
    a.hline(4, 12, 13, P.brass[1]);
  });
  c.set(11, 6, P.white);
}

function chest(open: boolean): FramePainter {
  return (c) =>
    icon(
      c,
      (a) => {
        a.fill(2, 8, 12, 6, P.wood[2]); // box
        a.hline(2, 13, 8, P.wood[3]);
        a.hline(2, 13, 13, P.wood[1]);
        for (const x of [4, 11]) a.vline(x, 8, 13, P.brass[2]); // bands
        if (open) {
          a.fill(2, 3, 12, 3, P.wood[1]); // the lid, flipped back
          a.hline(2, 13, 3, P.wood[3]);
          a.fill(3, 6, 10, 2, P.brass[3]); // gold heaped inside
          a.hline(4, 11, 6, P.brass[4]);
          a.set(6, 6, P.white);
          a.set(9, 7, P.flowerRed); // and a gem
        } else {
          a.fill(2, 4, 12, 4, P.wood[3]); // domed lid
          a.hline(3, 12, 4, P.wood[4]);
          a.hline(2, 13, 7, P.wood[1]);
          for (const x of [4, 11]) a.vline(x, 4, 7, P.brass[3]);
          a.fill(7, 7, 2, 3, P.brass[3]); // lock
          a.set(7, 9, P.outline);
        }
      },
      6.5,
    );
}

/** A wolf's pelt, folded: grey fur with a darker back stripe and a pale belly edge. */
function wolfPelt(c: Canvas): void {
  icon(c, (a) => {
    a.ellipse(8, 10, 6, 3.2, (dx, dy) => (dy < -0.4 ? P.stone[3] : dx > 0.5 ? P.stone[1] : P.stone[2]));
    a.hline(4, 11, 9, P.stone[1]); // the back stripe
    a.hline(3, 12, 12, P.bone[2]); // the belly's edge
    a.fill(12, 7, 2, 2, P.stone[2]); // an ear
    a.set(13, 7, P.stone[1]);
  });
}

/** A stone golem's core: a grey rock split open on a glowing blue crystal. */
function golemCore(c: Canvas): void {
  icon(c, (a) => {
    a.ellipse(8, 10, 5, 4, (dx, dy) => (dy < -0.3 ? P.stone[3] : dx > 0.4 ? P.stone[1] : P.stone[2]));
    a.fill(7, 7, 3, 5, P.spirit[2]); // the crystal in the crack
    a.vline(8, 7, 11, P.spirit[3]);
    a.set(8, 8, P.spirit[4]);
  });
}

/** An ember shard: a jagged splinter of glowing rock, hot at its heart. */
function emberShard(c: Canvas): void {
  c.ellipse(8, 9, 6, 6, (dx, dy) => withAlpha(P.ember[3]!, Math.round(70 * (1 - dx * dx - dy * dy))));
  icon(c, (a) => {
    for (let y = 3; y <= 13; y++) {
      const half = Math.max(0, Math.round(2.5 - Math.abs(y - 9) / 2.5));
      a.hline(8 - half, 8 + half, y, y < 6 ? P.ember[4] : y > 11 ? P.ember[1] : P.ember[2]);
    }
    a.vline(8, 5, 11, P.ember[4]);
    a.set(8, 8, P.ember[5]);
  });
}

export const ITEM_ICONS: readonly (readonly [string, FramePainter])[] = [
  ...WEAPON_IDS.map((id) => [id, weaponIcon(id)] as const),
  ...ARMOR_IDS.map((id) => [id, armorIcon(id)] as const),
  ['small_potion', potion(P.roofRed, false)],
  ['large_potion', potion(P.roofRed, true)],
  ['ember_potion', potion(P.ember.slice(1), true, true)],
  ['gold', gold],
  ['chest_closed', chest(false)],
  ['chest_open', chest(true)],
  // Quest items, last so the frames before them keep their numbers.
  ['wolf_pelt', wolfPelt],
  ['golem_core', golemCore],
  ['ember_shard', emberShard],
];

export function itemAtlas() {
  return renderAtlas(SIZE, ITEM_ICONS);
}
