// Graveyard props: headstones, graves, bare dead trees (also charred, for the volcano), bones and an
// iron fence that joins its neighbours like the wooden one.
import type { Canvas } from './canvas.ts';
import { P, SHADOW, type Rgba } from './palette.ts';
import type { Rng } from './rng.ts';
import { multiTile, type TileDef } from './tile-def.ts';

function shadow(c: Canvas, cx: number, cy: number, rx: number, ry: number): void {
  c.ellipse(cx, cy, rx, ry, () => SHADOW);
}

/** A headstone: rounded or a cross, lit on the left, with a carved line and a little moss. */
function paintTombstone(c: Canvas, rng: Rng, cross: boolean): void {
  shadow(c, 8, 14, 6, 2);
  const s = P.stone;
  if (cross) {
    c.fill(7, 2, 3, 12, s[2]);
    c.fill(4, 5, 9, 3, s[2]);
    c.vline(7, 2, 13, s[3]);
    c.hline(4, 12, 5, s[3]);
    c.vline(9, 8, 13, s[1]);
  } else {
    c.fill(4, 5, 9, 9, s[2]);
    c.ellipse(8.5, 5.5, 4.5, 3.5, (dx) => (dx < -0.3 ? s[3] : s[2]));
    c.vline(4, 5, 13, s[3]);
    c.vline(12, 5, 13, s[1]);
    c.hline(6, 10, 7, s[1]);
    c.hline(6, 9, 9, s[1]);
  }
  c.fill(3, 13, 11, 2, s[1]); // plinth
  c.hline(3, 13, 13, s[2]);
  for (let i = 0; i < 3; i++) c.set(rng.int(5, 11), rng.int(9, 13), P.moss[2]);
  c.outline(P.outline);
}

/** A grave: a mound of dark earth with a small headstone at its head. */
function paintGrave(c: Canvas, rng: Rng): void {
  shadow(c, 8, 14, 7, 2);
  c.ellipse(8, 10, 5.5, 4.5, (dx, dy) =>
    dx + dy < -0.4 ? P.dirt[2] : dx + dy < 0.5 ? P.dirt[1] : P.dirt[0],
  );
  for (let i = 0; i < 4; i++) c.set(rng.int(4, 11), rng.int(8, 13), P.moss[1]);
  c.fill(5, 1, 7, 6, P.stone[2]);
  c.hline(6, 10, 0, P.stone[3]);
  c.vline(5, 1, 6, P.stone[3]);
  c.vline(11, 1, 6, P.stone[1]);
  c.hline(7, 9, 3, P.stone[1]);
  c.outline(P.outline);
}

/** Bare branches forking up from a twisted trunk; `tones` gives wood (dead) or basalt (charred). */
function paintDeadTree(c: Canvas, rng: Rng, tones: readonly Rgba[]): void {
  shadow(c, 16, 44, 9, 3);
  const branch = (x: number, y: number, dx: number, len: number, w: number): void => {
    let px = x;
    for (let k = 0; k < len; k++) {
      const yy = y - k;
      for (let i = 0; i < w; i++) c.set(Math.round(px) + i, yy, i === 0 ? tones[3]! : tones[1]!);
      px += dx + (rng.next() - 0.5) * 0.4;
      if (k > 2 && w > 1 && rng.chance(0.2)) w--;
      if (k === Math.floor(len / 2) && len > 6) branch(px, yy, dx * -1.3, Math.floor(len / 2), 1);
    }
  };
  for (let y = 22; y <= 44; y++) {
    const flare = y > 40 ? y - 40 : 0;
    for (let x = 13 - flare; x <= 18 + flare; x++)
      c.set(x, y, x < 15 ? tones[3]! : x < 17 ? tones[2]! : tones[1]!);
  }
  branch(14, 23, -0.7, 14, 3);
  branch(17, 23, 0.7, 14, 3);
  branch(15, 22, 0.05, 18, 2);
  branch(13, 30, -1, 7, 2);
  branch(18, 28, 1.1, 7, 2);
  c.outline(P.outline);
}

function paintBones(c: Canvas, rng: Rng): void {
  const b = P.bone;
  c.fill(4, 9, 6, 2, b[2]);
  c.set(3, 8, b[3]);
  c.set(3, 11, b[2]);
  c.set(10, 8, b[3]);
  c.set(10, 11, b[2]);
  // A skull beside the bone.
  c.ellipse(11, 5, 3, 2.5, (dx, dy) => (dx + dy < 0 ? b[3] : b[2]));
  c.set(10, 5, P.outline);
  c.set(12, 5, P.outline);
  c.hline(10, 12, 7, b[1]);
  if (rng.chance(0.5)) c.set(6, 13, b[2]);
  c.outline([P.outline[0], P.outline[1], P.outline[2], 200]);
}

const DIRS = ['n', 'e', 's', 'w'] as const;

/** Wrought-iron railing with spear-tipped bars; joins towards the sides in `mask` (n, e, s, w bits). */
function paintIronFence(c: Canvas, mask: number): void {
  const has = (i: number): boolean => (mask & (1 << i)) !== 0;
  const iron = P.basalt;
  shadow(c, 8, 14, 4, 1.2);
  if (has(1) || has(3)) {
    const from = has(3) ? 0 : 7;
    const to = has(1) ? 15 : 9;
    for (const y of [5, 11]) c.hline(from, to, y, iron[2]);
    for (let x = from; x <= to; x++) {
      if (x % 4 !== 1) continue;
      c.vline(x, 3, 13, iron[1]);
      c.set(x, 2, P.stone[3]); // spear tip
    }
  }
  if (has(0) || has(2)) {
    c.vline(7, has(0) ? 0 : 8, has(2) ? 15 : 8, iron[2]);
    c.vline(9, has(0) ? 0 : 8, has(2) ? 15 : 8, iron[1]);
  }
  c.fill(6, 1, 4, 13, iron[1]); // post
  c.vline(6, 1, 13, iron[3]);
  c.fill(6, 0, 4, 2, P.stone[2]);
  c.outline(P.outline);
}

export function graveyardTiles(): TileDef[] {
  const trunkRow = (row: number): { above?: boolean; collides?: boolean } =>
    row < 2 ? { above: true } : { collides: true };
  const tiles: TileDef[] = [
    { name: 'tombstone', collides: true, paint: (c, r) => paintTombstone(c, r, false) },
    { name: 'tombstone_cross', collides: true, paint: (c, r) => paintTombstone(c, r, true) },
    { name: 'grave', collides: true, paint: paintGrave },
    { name: 'bones', paint: paintBones },
    ...multiTile('dead_tree', 2, 3, (c, r) => paintDeadTree(c, r, P.wood), trunkRow),
    ...multiTile('charred_tree', 2, 3, (c, r) => paintDeadTree(c, r, P.basalt), trunkRow),
  ];
  for (let mask = 0; mask < 16; mask++) {
    const dirs = DIRS.filter((_, i) => mask & (1 << i));
    tiles.push({
      name: dirs.length ? `ironfence_${dirs.join('_')}` : 'ironfence_post',
      collides: true,
      paint: (c) => paintIronFence(c, mask),
    });
  }
  return tiles;
}
