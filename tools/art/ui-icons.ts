// HUD and button icons (16 px), drawn in the same palette and outline as the world so the
// interface feels part of the game rather than pasted on top of it.
import { Canvas } from './canvas.ts';
import { P, type Rgba } from './palette.ts';
import { renderAtlas, type FramePainter } from './sheet.ts';
import { stampLine } from './transform.ts';
import { weaponTemplate } from './weapons.ts';

function outlined(art: (a: Canvas) => void): FramePainter {
  return (c) => {
    const a = new Canvas(16, 16);
    art(a);
    a.outline(P.outline);
    c.blit(a, 0, 0, 16, 16, 0, 0);
  };
}

/** Fills the polygon (even-odd), pixel centres inside. */
function polygon(
  c: Canvas,
  pts: readonly (readonly [number, number])[],
  color: (x: number, y: number) => Rgba,
): void {
  for (let y = 0; y < 16; y++) {
    for (let x = 0; x < 16; x++) {
      let inside = false;
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const [xi, yi] = pts[i]!;
        const [xj, yj] = pts[j]!;
        const px = x + 0.5;
        const py = y + 0.5;
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
      }
      if (inside) c.set(x, y, color(x, y));
    }
  }
}

const heart = outlined((a) => {
  a.ellipse(5, 5.5, 3.6, 3.4, () => P.roofRed[2]);
  a.ellipse(11, 5.5, 3.6, 3.4, () => P.roofRed[2]);
  polygon(
    a,
    [
      [1.5, 6.5],
      [14.5, 6.5],
      [8, 14],
    ],
    () => P.roofRed[2],
  );
  for (let y = 3; y < 14; y++)
    for (let x = 9; x < 16; x++) if (a.alpha(x, y) && x + y > 17) a.set(x, y, P.roofRed[1]);
  a.fill(3, 4, 2, 2, P.roofRed[3]);
  a.set(3, 4, P.white);
});

const sword = outlined((a) => {
  // The long sword's own template, grip filled in where a hand would hold it.
  a.blit(weaponTemplate('long_sword', 'ne'), 0, 0, 24, 24, -7, -1);
  for (const [x, y] of [
    [4, 11],
    [5, 10],
    [4, 10],
    [5, 11],
  ] as const)
    a.set(x, y, P.roofRed[1]);
});

const shield = outlined((a) => {
  polygon(
    a,
    [
      [2, 2],
      [14, 2],
      [14, 8],
      [8, 15],
      [2, 8],
    ],
    (x, y) => (x < 3 || y < 3 ? P.stone[4] : x > 12 ? P.stone[1] : P.stone[3]),
  );
  polygon(
    a,
    [
      [4, 4],
      [12, 4],
      [12, 8],
      [8, 12.5],
      [4, 8],
    ],
    (x) => (x < 8 ? P.water[2] : P.water[1]),
  );
  a.vline(7, 4, 11, P.brass[3]); // a golden cross on the field
  a.hline(5, 10, 6, P.brass[3]);
});

function fivePointStar(a: Canvas, cx: number, cy: number, r: number): void {
  const pts: [number, number][] = [];
  for (let k = 0; k < 10; k++) {
    const ang = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? r : r * 0.45;
    pts.push([cx + Math.cos(ang) * rr, cy + Math.sin(ang) * rr]);
  }
  polygon(a, pts, (x, y) =>
    x + y < cx + cy - 1 ? P.brass[4] : x + y > cx + cy + 2 ? P.brass[2] : P.brass[3],
  );
}

const xpStar = outlined((a) => {
  fivePointStar(a, 8, 8.5, 7.2);
  a.set(7, 5, P.white);
});

const chat = outlined((a) => {
  a.fill(1, 2, 14, 9, P.white);
  a.fill(2, 1, 12, 11, P.white);
  a.hline(2, 13, 11, P.bone[2]);
  polygon(
    a,
    [
      [3, 11],
      [7, 11],
      [3, 15],
    ],
    () => P.white,
  );
  for (const x of [4, 7, 10]) a.fill(x, 6, 2, 2, P.water[1]);
});

const trophy = outlined((a) => {
  a.ellipse(8, 4, 5, 4, (dx) => (dx < -0.3 ? P.brass[4] : dx > 0.4 ? P.brass[2] : P.brass[3]));
  a.fill(3, 1, 11, 3, P.brass[3]);
  a.hline(3, 13, 1, P.brass[4]);
  for (const x of [1, 14]) a.vline(x, 2, 5, P.brass[2]); // handles
  a.set(2, 6, P.brass[2]);
  a.set(13, 6, P.brass[2]);
  a.fill(7, 8, 2, 3, P.brass[2]);
  a.fill(4, 11, 8, 2, P.wood[2]);
  a.fill(5, 13, 6, 2, P.wood[1]);
  a.set(5, 3, P.white);
});

function speaker(a: Canvas): void {
  a.fill(2, 6, 3, 4, P.stone[3]);
  polygon(
    a,
    [
      [5, 6],
      [9, 3],
      [9, 13],
      [5, 10],
    ],
    (x) => (x < 7 ? P.stone[4] : P.stone[2]),
  );
}

const soundOn = outlined((a) => {
  speaker(a);
  for (const r of [3, 5.5]) {
    for (let deg = -55; deg <= 55; deg += 6) {
      const rad = (deg * Math.PI) / 180;
      a.set(Math.round(9 + Math.cos(rad) * r), Math.round(7.5 + Math.sin(rad) * r), P.white);
    }
  }
});

const soundOff = outlined((a) => {
  speaker(a);
  stampLine(a, 10, 5, 13, 10, 2, P.flowerRed);
  stampLine(a, 10, 10, 13, 5, 2, P.flowerRed);
});

const help = outlined((a) => {
  a.ellipse(8, 8, 7, 7, (dx, dy) => (dx + dy < -0.6 ? P.water[3] : dx + dy > 0.8 ? P.water[1] : P.water[2]));
  // A chunky question mark, two pixels thick.
  const mark: [number, number, number][] = [
    [3, 6, 9],
    [4, 5, 6],
    [4, 9, 10],
    [5, 9, 10],
    [6, 8, 9],
    [7, 7, 8],
    [8, 7, 8],
    [10, 7, 8],
    [11, 7, 8],
  ];
  for (const [y, x0, x1] of mark) a.hline(x0, x1, y, P.white);
});

/** The quest log: a parchment scroll with its rolled ends and a few lines of writing. */
const scroll = outlined((a) => {
  a.fill(4, 3, 8, 10, P.sand[3]);
  for (const x of [4, 11]) a.vline(x, 3, 12, P.sand[2]);
  for (const y of [2, 13]) {
    a.hline(2, 13, y, P.wood[3]); // the rolled ends
    a.set(2, y, P.wood[2]);
    a.set(13, y, P.wood[2]);
  }
  for (const y of [5, 7, 9]) a.hline(6, 9 + (y === 7 ? 0 : 1), y, P.dirt[1]);
  a.set(10, 11, P.roofRed[2]); // a wax seal
  a.set(9, 11, P.roofRed[1]);
});

/** One head-and-shoulders figure, outlined on its own so the two overlap cleanly. */
function figure(x: number, y: number, coat: readonly [Rgba, Rgba]): Canvas {
  const f = new Canvas(16, 16);
  f.ellipse(x, y + 8, 4, 4, (dx) => (dx < 0 ? coat[1] : coat[0]));
  for (let xx = 0; xx < 16; xx++) f.put(xx, 15, [0, 0, 0, 0]); // cut flat at the bottom, like a bust
  f.ellipse(x, y + 1, 2.4, 2.4, (dx, dy) => (dx + dy < -0.3 ? P.skin[1] : P.skin[0]));
  f.outline(P.outline);
  return f;
}

const people: FramePainter = (c) => {
  c.blit(figure(10.5, 4, [P.roofRed[1], P.roofRed[2]]), 0, 0, 16, 16, 0, 0);
  c.blit(figure(5.5, 6, [P.water[1], P.water[2]]), 0, 0, 16, 16, 0, 0);
};

/** A leather pouch tied at the neck with a brass cord: the bag. */
const bag = outlined((a) => {
  a.ellipse(8, 10, 6, 4.6, (dx, dy) => (dx + dy < -0.5 ? P.wood[4] : dx + dy > 0.7 ? P.wood[2] : P.wood[3]));
  polygon(
    a,
    [
      [5, 3],
      [11, 3],
      [10, 7],
      [6, 7],
    ],
    (x) => (x < 8 ? P.wood[3] : P.wood[2]),
  );
  a.hline(4, 11, 2, P.wood[3]); // the gathered rim
  a.hline(5, 11, 6, P.brass[3]); // the cord
  a.set(11, 7, P.brass[2]);
  a.set(12, 8, P.brass[2]);
  a.hline(5, 11, 12, P.wood[1]); // a seam low on the pouch
  a.set(5, 9, P.white);
});

export const UI_ICONS: readonly (readonly [string, FramePainter])[] = [
  ['heart', heart],
  ['sword', sword],
  ['shield', shield],
  ['xp_star', xpStar],
  ['chat', chat],
  ['trophy', trophy],
  ['sound_on', soundOn],
  ['sound_off', soundOff],
  ['help', help],
  ['people', people],
  ['bag', bag],
  ['scroll', scroll],
];

export function uiAtlas() {
  return renderAtlas(16, UI_ICONS, 5);
}
