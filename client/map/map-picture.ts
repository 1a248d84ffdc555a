// A map's picture for this character: every tile's colour (painted once per map, map-image.ts) and, on a
// canvas of one pixel a tile, only the tiles explored so far. Both maps draw from `known`; a step that
// reveals new cells copies just those pixels in.
import type { TileRect } from '../../shared/content/world-map.ts';
import type { Exploration } from './exploration.ts';
import { NPC_MARK_COLOURS } from '../view/constants.ts';

export class MapPicture {
  /** Explored tiles in their colours; the rest transparent. */
  readonly known: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly full: ImageData;

  constructor(
    readonly width: number,
    readonly height: number,
    colours: Uint8ClampedArray,
    readonly explored: Exploration,
  ) {
    this.known = document.createElement('canvas');
    this.known.width = width;
    this.known.height = height;
    this.ctx = this.known.getContext('2d')!;
    this.full = new ImageData(new Uint8ClampedArray(colours), width, height);
    this.reveal({ x: 0, y: 0, width, height });
  }

  /** Copies the explored tiles of `r` (tiles newly revealed) onto the known picture. */
  reveal(r: TileRect): void {
    const x0 = Math.max(0, Math.floor(r.x));
    const y0 = Math.max(0, Math.floor(r.y));
    const w = Math.min(this.width, Math.ceil(r.x + r.width)) - x0;
    const h = Math.min(this.height, Math.ceil(r.y + r.height)) - y0;
    if (w <= 0 || h <= 0) return;
    const part = this.ctx.getImageData(x0, y0, w, h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (!this.explored.seen(x0 + x, y0 + y)) continue;
        const from = ((y0 + y) * this.width + x0 + x) * 4;
        part.data.set(this.full.data.subarray(from, from + 4), (y * w + x) * 4);
      }
    }
    this.ctx.putImageData(part, x0, y0);
  }
}

/** Colours of the marks, in the HUD's palette. */
export const DOT_COLOURS: Record<string, { fill: string; size: number }> = {
  player: { fill: '#f7e9c8', size: 0.55 },
  quest: { fill: '#ffd166', size: 0.9 },
  offer: { fill: NPC_MARK_COLOURS['!'], size: 1 },
  handIn: { fill: NPC_MARK_COLOURS['?'], size: 1 },
  party: { fill: '#5fd68a', size: 0.8 },
  self: { fill: '#ff7a2f', size: 1 },
};

/**
 * One dot: a round mark with a dark rim; a quest target is a diamond, an NPC with a quest to give or take
 * back the `!` or `?` it shows in the world, the player an ember with a halo.
 */
export function drawDot(
  ctx: CanvasRenderingContext2D,
  kind: string,
  x: number,
  y: number,
  unit: number,
): void {
  const style = DOT_COLOURS[kind] ?? DOT_COLOURS.player!;
  if (kind === 'offer' || kind === 'handIn') return drawGlyph(ctx, kind === 'offer' ? '!' : '?', x, y, unit);
  const r = Math.max(2, unit * style.size);
  ctx.beginPath();
  if (kind === 'quest') {
    ctx.moveTo(x, y - r * 1.3);
    ctx.lineTo(x + r, y);
    ctx.lineTo(x, y + r * 1.3);
    ctx.lineTo(x - r, y);
    ctx.closePath();
  } else ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = style.fill;
  ctx.strokeStyle = '#1b1220';
  ctx.lineWidth = Math.max(1, r * 0.45);
  ctx.fill();
  ctx.stroke();
  if (kind === 'self') {
    ctx.beginPath();
    ctx.arc(x, y, r * 1.9, 0, Math.PI * 2);
    ctx.strokeStyle = 'rgba(255, 209, 102, 0.75)';
    ctx.lineWidth = Math.max(1, r * 0.35);
    ctx.stroke();
  }
}

/** A mark as a letter in the world's own colour, outlined in ink so it reads on any ground. */
function drawGlyph(ctx: CanvasRenderingContext2D, mark: '!' | '?', x: number, y: number, unit: number): void {
  const size = Math.max(10, Math.round(unit * 2.8));
  ctx.font = `bold ${size}px Trebuchet MS, Verdana, DejaVu Sans, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = Math.max(2, size * 0.22);
  ctx.strokeStyle = '#1b1220';
  ctx.strokeText(mark, x, y);
  ctx.fillStyle = NPC_MARK_COLOURS[mark];
  ctx.fillText(mark, x, y);
}
