// The six armour tiers as outfits for the shared body. Each tier must read as stronger than the
// last at a glance: duller cloth -> leather -> grey mail -> bronze scales -> bright plate with a
// plumed helm -> black plate with ember seams, horns and a fiery cape.
import type { Canvas } from './canvas.ts';
import type { Outfit, TorsoBox } from './body.ts';
import { P } from './palette.ts';

export const ARMOR_IDS = ['tunic', 'leather', 'chainmail', 'scale', 'plate', 'ember_plate'] as const;
export type ArmorId = (typeof ARMOR_IDS)[number];

/** Tier 0: a plain cloth tunic (the original player look). */
export const CLOTH_TUNIC: Outfit = {
  skin: P.skin,
  hair: P.hair,
  tunic: [P.water[0], P.water[1], P.water[2]],
  belt: P.wood[1],
  buckle: P.gold,
  pants: [P.wood[1], P.wood[2]],
  boots: [P.wood[0], P.wood[1]],
  outline: P.outline,
};

function leatherStitches(c: Canvas, b: TorsoBox): void {
  if (b.dir === 'up') {
    c.vline(b.x + 2, b.y, b.y + 3, P.wood[1]); // crossed straps on the back
    c.vline(b.x + 5, b.y, b.y + 3, P.wood[1]);
    return;
  }
  const mid = b.dir === 'down' ? b.x + 3 : b.x + 4;
  for (let y = b.y; y < b.y + 4; y += 2) c.set(mid, y, P.bone[2]); // lacing
  for (let y = b.y + 1; y < b.y + 4; y += 2) c.set(mid + 1, y, P.bone[2]);
  c.set(b.x, b.y, P.wood[4]);
}

function mailRings(c: Canvas, b: TorsoBox): void {
  for (let y = b.y; y < b.y + 4; y++)
    for (let x = b.x + 1; x < b.x + b.w - 1; x++) if ((x + y) % 2 === 0) c.set(x, y, P.stone[1]);
  if (b.dir === 'down') c.fill(b.x + 3, b.y, 2, 4, P.roofRed[1]); // a red tabard strip
}

function scales(c: Canvas, b: TorsoBox): void {
  for (let y = b.y + 1; y < b.y + 4; y += 2)
    for (let x = b.x + ((y - b.y) % 4 === 1 ? 0 : 1); x < b.x + b.w; x += 2) c.set(x, y, P.moss[0]);
  c.hline(b.x + 1, b.x + b.w - 2, b.y, P.moss[3]);
}

function plateSeams(c: Canvas, b: TorsoBox): void {
  c.hline(b.x + 1, b.x + b.w - 2, b.y + 2, P.stone[2]);
  if (b.dir === 'down') {
    c.vline(b.x + 2, b.y, b.y + 1, P.white); // breastplate glints
    c.set(b.x + 3, b.y, P.white);
    c.fill(b.x + 3, b.y + 3, 2, 1, P.roofRed[2]);
  }
  if (b.dir === 'right') c.set(b.x + 4, b.y, P.white);
}

function emberSeams(c: Canvas, b: TorsoBox): void {
  c.hline(b.x, b.x + b.w - 1, b.y, P.brass[2]); // gold trim at the collar
  if (b.dir === 'down') {
    c.vline(b.x + 3, b.y + 1, b.y + 3, P.ember[3]);
    c.vline(b.x + 4, b.y + 1, b.y + 3, P.ember[4]);
    c.set(b.x + 1, b.y + 2, P.ember[2]);
    c.set(b.x + 6, b.y + 2, P.ember[2]);
  } else if (b.dir === 'right') {
    c.vline(b.x + 3, b.y + 1, b.y + 3, P.ember[3]);
  } else {
    c.set(b.x + 3, b.y + 2, P.ember[2]);
  }
}

export const ARMOR_OUTFITS: Record<ArmorId, Outfit> = {
  tunic: CLOTH_TUNIC,
  leather: {
    ...CLOTH_TUNIC,
    tunic: [P.wood[1], P.wood[2], P.wood[3]],
    sleeves: [P.moss[0], P.moss[1], P.moss[2]],
    gloves: [P.wood[1], P.wood[3]],
    belt: P.wood[0],
    buckle: P.brass[3],
    pants: [P.dirt[0], P.dirt[1]],
    boots: [P.wood[0], P.wood[2]],
    pattern: leatherStitches,
  },
  chainmail: {
    ...CLOTH_TUNIC,
    tunic: [P.stone[1], P.stone[2], P.stone[3]],
    sleeves: [P.stone[1], P.stone[2], P.stone[3]],
    gloves: [P.wood[1], P.wood[2]],
    belt: P.wood[1],
    pants: [P.stone[0], P.stone[1]],
    boots: [P.wood[0], P.wood[1]],
    pattern: mailRings,
    headgear: { kind: 'hood', ramp: [P.stone[1], P.stone[2], P.stone[3]], dither: true },
  },
  scale: {
    ...CLOTH_TUNIC,
    tunic: [P.moss[1], P.moss[2], P.moss[3]],
    sleeves: [P.moss[0], P.moss[1], P.moss[2]],
    gloves: [P.brass[1], P.brass[2]],
    belt: P.brass[1],
    buckle: P.brass[4],
    pants: [P.wood[0], P.wood[1]],
    boots: [P.brass[0], P.brass[1]],
    pattern: scales,
    pauldrons: [P.brass[1], P.brass[2], P.brass[3]],
    headgear: { kind: 'cap-helm', ramp: [P.brass[1], P.brass[2], P.brass[3]] },
  },
  plate: {
    ...CLOTH_TUNIC,
    tunic: [P.stone[1], P.stone[2], P.stone[4]],
    sleeves: [P.stone[1], P.stone[2], P.stone[3]],
    gloves: [P.stone[1], P.stone[3]],
    belt: P.roofRed[1],
    buckle: P.gold,
    pants: [P.stone[1], P.stone[2]],
    boots: [P.stone[1], P.stone[3]],
    pattern: plateSeams,
    pauldrons: [P.stone[2], P.stone[3], P.stone[4]],
    headgear: {
      kind: 'helm',
      ramp: [P.stone[1], P.stone[3], P.stone[4]],
      plume: [P.roofRed[1], P.roofRed[3]],
    },
  },
  ember_plate: {
    ...CLOTH_TUNIC,
    tunic: [P.basalt[1], P.basalt[2], P.basalt[3]],
    sleeves: [P.basalt[1], P.basalt[2], P.basalt[3]],
    gloves: [P.basalt[2], P.brass[2]],
    belt: P.brass[1],
    buckle: P.ember[4],
    pants: [P.basalt[1], P.basalt[2]],
    boots: [P.basalt[1], P.basalt[3]],
    pattern: emberSeams,
    pauldrons: [P.ember[2], P.basalt[3], P.ember[4]],
    headgear: {
      kind: 'helm',
      ramp: [P.basalt[1], P.basalt[2], P.basalt[3]],
      horns: [P.ember[2], P.ember[4]],
    },
    cape: [P.ember[0], P.ember[1], P.ember[2]],
  },
};
