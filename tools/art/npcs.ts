// Villagers and wanderers: the shared body in their own clothes, hats, beards and tools. Each
// sheet has rows down/up/right and columns idle (0-1) and walk (2-5), like the player's.
import type { Canvas } from './canvas.ts';
import { CLOTH_TUNIC } from './armor.ts';
import { drawBody, type Outfit } from './body.ts';
import { P, type Rgba } from './palette.ts';
import { COLUMNS, DIRECTIONS, FRAME, posesFor, type Point, type Pose } from './poses.ts';
import { renderGrid, type Sheet } from './sheet.ts';
import { HUMANOID_SHEET_JSON } from './player.ts';

export const NPC_IDS = [
  'elder',
  'guard',
  'smith',
  'fisher',
  'priest',
  'nomad',
  'miner',
  'child',
  'sage',
  'innkeeper',
  'scribe',
  'hermit',
] as const;
export type NpcId = (typeof NPC_IDS)[number];

type Prop = (c: Canvas, hand: Point, pose: Pose) => void;

/** A staff, spear or pole held upright in the fist, from the ground to `top`. */
function pole(top: number, wood: Rgba, tip?: (c: Canvas, x: number, y: number) => void): Prop {
  return (c, hand) => {
    const x = hand.x + (hand.x < 12 ? 0 : 1);
    c.vline(x, top, Math.min(21, hand.y + 5), wood);
    tip?.(c, x, top);
  };
}

const spear = pole(1, P.wood[2], (c, x, y) => {
  c.vline(x, y, y + 2, P.stone[4]);
  c.set(x - 1, y + 2, P.stone[3]);
  c.set(x + 1, y + 2, P.stone[2]);
  c.set(x, y + 3, P.roofRed[2]); // a red tassel
});

const orbStaff = pole(3, P.wood[1], (c, x, y) => {
  c.fill(x - 1, y - 2, 3, 3, P.spirit[2]);
  c.set(x - 1, y - 2, P.spirit[4]);
  c.set(x + 1, y, P.spirit[1]);
});

const cane = pole(11, P.wood[3], (c, x, y) => c.set(x + (x < 12 ? -1 : 1), y, P.wood[3]));

const walkingStick = pole(7, P.wood[2], (c, x, y) => c.set(x, y, P.wood[4]));

function hammer(c: Canvas, hand: Point): void {
  const x = hand.x + (hand.x < 12 ? 0 : 1);
  c.vline(x, hand.y - 4, hand.y + 2, P.wood[2]);
  c.fill(x - 1, hand.y - 6, 4, 3, P.stone[2]);
  c.hline(x - 1, x + 2, hand.y - 6, P.stone[4]);
}

function pickaxe(c: Canvas, hand: Point): void {
  const x = hand.x + (hand.x < 12 ? 0 : 1);
  c.vline(x, hand.y - 6, hand.y + 2, P.wood[2]);
  // The curved head across the top of the handle.
  c.hline(x - 3, x + 3, hand.y - 6, P.stone[3]);
  c.set(x - 4, hand.y - 5, P.stone[2]);
  c.set(x + 4, hand.y - 5, P.stone[2]);
}

function fishingRod(c: Canvas, hand: Point, pose: Pose): void {
  // Rod leaning back over the shoulder, a line with a red float dangling from the tip.
  const dir = pose.dir === 'right' ? -1 : hand.x < 12 ? -1 : 1;
  for (let k = 0; k < 10; k++)
    c.set(hand.x + (dir < 0 ? 0 : 1) + Math.round((dir * k) / 3), hand.y - k, P.wood[3]);
  const tipX = hand.x + (dir < 0 ? 0 : 1) + Math.round((dir * 9) / 3);
  c.vline(tipX + dir, hand.y - 9, hand.y - 5, P.white);
  c.set(tipX + dir, hand.y - 4, P.flowerRed);
}

function book(c: Canvas, hand: Point): void {
  c.fill(hand.x - 1, hand.y - 1, 4, 3, P.roofRed[1]);
  c.hline(hand.x - 1, hand.x + 2, hand.y - 1, P.roofRed[2]);
  c.set(hand.x + 1, hand.y, P.gold); // a golden clasp
}

/** A wooden tankard with a head of foam, held at the hip. */
function tankard(c: Canvas, hand: Point): void {
  c.fill(hand.x - 1, hand.y - 2, 3, 4, P.wood[3]);
  c.hline(hand.x - 1, hand.x + 1, hand.y - 2, P.white);
  c.set(hand.x + 2, hand.y, P.wood[2]); // the handle
}

const apron = (c: Canvas, b: { x: number; y: number; w: number; dir: Pose['dir'] }): void => {
  if (b.dir === 'up') {
    c.hline(b.x, b.x + b.w - 1, b.y + 1, P.wood[1]); // apron strings
    return;
  }
  c.fill(b.x + 1, b.y + 1, b.w - 2, 3, P.wood[2]);
  c.hline(b.x + 1, b.x + b.w - 2, b.y + 1, P.wood[3]);
};

const trim = (color: Rgba) => (c: Canvas, b: { x: number; y: number; w: number; dir: Pose['dir'] }) => {
  if (b.dir !== 'down') return;
  c.vline(b.x + Math.floor(b.w / 2) - 1, b.y, b.y + 3, color);
  c.vline(b.x + Math.floor(b.w / 2), b.y, b.y + 3, color);
};

const WHITE_HAIR = [P.bone[2], P.white] as const;
const DARK_SKIN = [P.wood[2], P.dirt[2]] as const;

export const NPC_OUTFITS: Record<NpcId, Outfit> = {
  elder: {
    ...CLOTH_TUNIC,
    hair: WHITE_HAIR,
    tunic: [P.roofRed[0], P.roofRed[1], P.roofRed[2]],
    belt: P.brass[2],
    buckle: P.brass[4],
    robe: true,
    headgear: { kind: 'bald', skin: P.skin, fringe: WHITE_HAIR },
    beard: WHITE_HAIR,
    pattern: trim(P.brass[3]),
    prop: cane,
  },
  guard: {
    ...CLOTH_TUNIC,
    tunic: [P.stone[1], P.stone[2], P.stone[3]],
    sleeves: [P.stone[1], P.stone[2], P.stone[3]],
    gloves: [P.wood[1], P.wood[2]],
    pants: [P.stone[0], P.stone[1]],
    boots: [P.wood[0], P.wood[1]],
    pattern: (c, b) => {
      if (b.dir !== 'up')
        c.fill(b.x + (b.dir === 'down' ? 2 : 1), b.y, b.dir === 'down' ? 4 : 3, 4, P.water[1]); // tabard
      if (b.dir === 'down') c.set(b.x + 3, b.y + 1, P.gold);
    },
    headgear: { kind: 'kettle', ramp: [P.stone[1], P.stone[2], P.stone[4]] },
    prop: spear,
  },
  smith: {
    ...CLOTH_TUNIC,
    hair: [P.basalt[1], P.basalt[2]],
    tunic: [P.stone[0], P.stone[1], P.stone[2]],
    sleeves: [P.skin[0], P.skin[1], P.skin[1]],
    pants: [P.basalt[1], P.basalt[2]],
    boots: [P.basalt[0], P.basalt[1]],
    pattern: apron,
    headgear: { kind: 'bandana', ramp: [P.roofRed[0], P.roofRed[1], P.roofRed[2]] },
    beard: [P.basalt[1], P.basalt[2]],
    prop: hammer,
  },
  fisher: {
    ...CLOTH_TUNIC,
    hair: [P.dirt[1], P.dirt[2]],
    tunic: [P.leaf[1], P.leaf[2], P.leaf[3]],
    pants: [P.water[0], P.water[1]],
    boots: [P.moss[0], P.moss[1]],
    headgear: { kind: 'straw', ramp: [P.sand[0], P.sand[1], P.sand[2]], band: P.flowerRed },
    prop: fishingRod,
  },
  priest: {
    ...CLOTH_TUNIC,
    tunic: [P.bone[2], P.bone[3], P.white],
    belt: P.brass[2],
    buckle: P.brass[4],
    robe: true,
    headgear: { kind: 'hood', ramp: [P.bone[2], P.bone[3], P.white] },
    pattern: trim(P.brass[3]),
    prop: book,
  },
  nomad: {
    ...CLOTH_TUNIC,
    skin: DARK_SKIN,
    hair: [P.basalt[1], P.basalt[2]],
    tunic: [P.sand[0], P.sand[1], P.sand[2]],
    belt: P.roofOrange[1],
    buckle: P.brass[3],
    robe: true,
    headgear: { kind: 'wrap', ramp: [P.roofOrange[1], P.roofOrange[2], P.roofOrange[3]] },
    prop: walkingStick,
  },
  miner: {
    ...CLOTH_TUNIC,
    hair: [P.wood[0], P.wood[1]],
    tunic: [P.dirt[0], P.dirt[1], P.dirt[2]],
    sleeves: [P.stone[0], P.stone[1], P.stone[2]],
    pants: [P.water[0], P.water[1]],
    boots: [P.wood[0], P.wood[1]],
    pattern: (c, b) => {
      if (b.dir === 'down') for (const x of [b.x + 1, b.x + b.w - 2]) c.vline(x, b.y, b.y + 3, P.wood[1]); // braces
    },
    headgear: { kind: 'miner', ramp: [P.brass[1], P.brass[2], P.brass[3]], lamp: P.flowerYellow },
    beard: [P.wood[0], P.wood[1]],
    prop: pickaxe,
  },
  // Ember Isle's hermit: a patched ash-grey robe, a hood the colour of the crater, an ember on her staff.
  hermit: {
    ...CLOTH_TUNIC,
    hair: WHITE_HAIR,
    tunic: [P.basalt[1], P.basalt[2], P.stone[2]],
    belt: P.roofOrange[1],
    buckle: P.flowerYellow,
    robe: true,
    headgear: { kind: 'hood', ramp: [P.basalt[0], P.basalt[1], P.basalt[2]] },
    pattern: trim(P.roofOrange[2]),
    prop: pole(3, P.wood[1], (c, x, y) => {
      c.fill(x - 1, y - 2, 3, 3, P.roofOrange[2]);
      c.set(x, y - 2, P.flowerYellow);
    }),
  },
  child: {
    ...CLOTH_TUNIC,
    hair: [P.dirt[1], P.dirt[2]],
    tunic: [P.rose[1], P.rose[2], P.rose[3]],
    pants: [P.water[1], P.water[2]],
    boots: [P.roofRed[1], P.roofRed[2]],
    small: true,
    headgear: { kind: 'pigtails', hair: [P.dirt[1], P.dirt[2]], ribbon: P.flowerYellow },
  },
  sage: {
    ...CLOTH_TUNIC,
    hair: WHITE_HAIR,
    tunic: [P.violet[1], P.violet[2], P.violet[3]],
    belt: P.brass[2],
    buckle: P.spirit[3],
    robe: true,
    headgear: { kind: 'wizard', ramp: [P.violet[1], P.violet[2], P.violet[3]], band: P.brass[3] },
    beard: WHITE_HAIR,
    pattern: (c, b) => {
      if (b.dir === 'down')
        for (const [x, y] of [
          [b.x + 2, b.y + 1],
          [b.x + 5, b.y + 2],
        ] as const)
          c.set(x, y, P.brass[4]); // stars
    },
    prop: orbStaff,
  },
  innkeeper: {
    ...CLOTH_TUNIC,
    hair: [P.dirt[0], P.dirt[1]],
    tunic: [P.leaf[0], P.leaf[1], P.leaf[2]],
    pants: [P.wood[1], P.wood[2]],
    boots: [P.wood[0], P.wood[1]],
    pattern: apron,
    beard: [P.dirt[0], P.dirt[1]],
    prop: tankard,
  },
  scribe: {
    ...CLOTH_TUNIC,
    hair: [P.wood[1], P.wood[2]],
    tunic: [P.water[1], P.water[2], P.water[3]],
    belt: P.wood[2],
    buckle: P.brass[3],
    robe: true,
    pattern: trim(P.white),
    prop: book,
  },
};

const NPC_COLUMNS = [...COLUMNS.idle, ...COLUMNS.walk];

export function npcSheet(id: NpcId): Sheet {
  const outfit = NPC_OUTFITS[id];
  const rows = DIRECTIONS.map((dir) => {
    const poses = posesFor(dir);
    return NPC_COLUMNS.map((col) => (f: Canvas) => drawBody(f, outfit, poses[col]!));
  });
  return {
    image: renderGrid(FRAME, FRAME, rows),
    // The humanoid layout without the attack row: villagers only stand and walk, and walk a bit slower.
    json: {
      ...HUMANOID_SHEET_JSON,
      animations: {
        idle: HUMANOID_SHEET_JSON.animations.idle!,
        walk: { ...HUMANOID_SHEET_JSON.animations.walk!, fps: 8 },
      },
    },
  };
}
