// Mob sheets: rows down/up/right plus a fourth row for the death, columns idle, walk, attack.
// A mob design paints the bare creature; this module adds the outline, the ground shadow and a
// default death (flash, collapse, dissolve, a last wisp) that a design may replace.
import { Canvas } from './canvas.ts';
import { P, SHADOW, withAlpha, type Rgba } from './palette.ts';
import { renderGrid, span, type FramePainter, type Sheet } from './sheet.ts';
import { dissolved, scaledAbout, tinted } from './transform.ts';

export const MOB_DIRECTIONS = ['down', 'up', 'right'] as const;
export type MobDir = (typeof MOB_DIRECTIONS)[number];
export type MobAnim = 'idle' | 'walk' | 'attack';

export interface MobFrame {
  dir: MobDir;
  anim: MobAnim;
  /** Frame index within the animation. */
  i: number;
}

export interface MobDesign {
  size: number;
  /** Row the feet (or the shadow of a flyer) rest on. */
  feetY: number;
  walkFrames: number;
  attackFrames: number;
  /** Ground shadow radii; flyers keep a small one under them. */
  shadow: { rx: number; ry: number };
  /** Paints the creature without outline or shadow. */
  paint: (c: Canvas, f: MobFrame) => void;
  /** Applied after the outline (e.g. a ghost's translucency). */
  finish?: (c: Canvas, f: MobFrame) => Canvas;
  /** Four death frames drawn from the outlined down-facing idle pose; a default is used if missing. */
  death?: (c: Canvas, i: number, body: Canvas) => void;
  outline?: Rgba;
  /** The painter outlines for itself (humanoid mobs drawn with the player body). */
  selfOutlined?: boolean;
  fps?: { idle?: number; walk?: number; attack?: number };
}

/** The outlined creature for one frame, without shadow. */
export function mobBody(d: MobDesign, f: MobFrame): Canvas {
  let c = new Canvas(d.size, d.size);
  d.paint(c, f);
  if (!d.selfOutlined) c.outline(d.outline ?? P.outline);
  if (d.finish) c = d.finish(c, f);
  return c;
}

function groundShadow(c: Canvas, d: MobDesign, scale = 1): void {
  if (scale <= 0) return;
  c.ellipse(d.size / 2, d.feetY + 0.5, d.shadow.rx * scale, d.shadow.ry * scale, () => SHADOW);
}

/** A soft puff of smoke: a few overlapping pale balls, thinning as `age` goes 0..1. */
export function smokePuff(c: Canvas, cx: number, cy: number, r: number, age: number): void {
  const alpha = Math.round(230 * (1 - age * 0.6));
  const blobs = [
    [-r * 0.6, 0, 0.7],
    [r * 0.6, 0.2, 0.65],
    [0, -r * 0.45, 0.75],
    [0, r * 0.2, 0.6],
  ] as const;
  for (const [dx, dy, k] of blobs) {
    c.ellipse(cx + dx, cy + dy - age * 2, r * k, r * k, (ex, ey) =>
      withAlpha(ex + ey < -0.4 ? P.white : ey > 0.3 ? P.stone[2] : P.stone[3], alpha),
    );
  }
}

/** Hit flash, a collapse to the ground, then the body vanishes in a puff of smoke. */
export function defaultDeath(c: Canvas, i: number, body: Canvas, d: MobDesign): void {
  const pivotY = d.feetY + 1;
  const mid = d.size / 2;
  groundShadow(c, d, [1, 1, 0.7, 0][i]!);
  if (i === 0) c.blit(tinted(body, P.white, 0.6), 0, 0, d.size, d.size, 0, -1);
  if (i === 1)
    c.blit(scaledAbout(tinted(body, P.outline, 0.3), 1.15, 0.6, mid, pivotY), 0, 0, d.size, d.size, 0, 0);
  if (i === 2) c.blit(dissolved(scaledAbout(body, 1.2, 0.35, mid, pivotY), 0.5), 0, 0, d.size, d.size, 0, 0);
  const r = Math.max(2.5, d.size / 6);
  if (i >= 2)
    smokePuff(c, mid, d.feetY - r * (i === 2 ? 0.8 : 1.3), r * (i === 2 ? 1 : 1.2), i === 2 ? 0 : 0.8);
}

export function mobSheet(d: MobDesign): Sheet {
  const counts = { idle: 2, walk: d.walkFrames, attack: d.attackFrames };
  const row = (dir: MobDir): FramePainter[] =>
    (['idle', 'walk', 'attack'] as const).flatMap((anim) =>
      Array.from({ length: counts[anim] }, (_, i): FramePainter => (frame) => {
        groundShadow(frame, d);
        const body = mobBody(d, { dir, anim, i });
        frame.blit(body, 0, 0, d.size, d.size, 0, 0);
      }),
    );
  const rest = mobBody(d, { dir: 'down', anim: 'idle', i: 0 });
  const deathRow = [0, 1, 2, 3].map(
    (i): FramePainter =>
      (frame) =>
        d.death ? d.death(frame, i, rest) : defaultDeath(frame, i, rest, d),
  );
  const image = renderGrid(d.size, d.size, [...MOB_DIRECTIONS.map(row), deathRow]);
  const fps = { idle: 3, walk: 8, attack: 10, ...d.fps };
  return {
    image,
    json: {
      frameWidth: d.size,
      frameHeight: d.size,
      anchor: { x: 0.5, y: Math.round(((d.feetY + 1) / d.size) * 100) / 100 },
      directions: { down: 0, up: 1, right: 2 },
      flipLeftFrom: 'right',
      animations: {
        idle: { frames: span(0, 2), fps: fps.idle },
        walk: { frames: span(2, d.walkFrames), fps: fps.walk },
        attack: { frames: span(2 + d.walkFrames, d.attackFrames), fps: fps.attack, repeat: 0 },
        death: { frames: span(0, 4), fps: 8, repeat: 0, row: 3 },
      },
    },
  };
}
