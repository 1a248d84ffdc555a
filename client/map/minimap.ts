// The minimap in the top-right corner: the explored map around the player, kept inside the area the
// camera keeps to, with dots for the player, party members, quest targets and players nearby. It is a
// button: a click or tap opens the world map. Drawn only when something on it changed.
import type { TileRect } from '../../shared/content/world-map.ts';
import { drawDot, type MapPicture } from './map-picture.ts';
import { within, type Dot } from './map-view.ts';

/** The unexplored ground: the page's ink, a little lifted so the map's frame reads. */
export const FOG = '#2a1d30';

export class Minimap {
  readonly el: HTMLButtonElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  /** The name of the place the player is in, along the minimap's foot. */
  private readonly caption: HTMLElement;
  /** What was drawn last, so an unchanged frame draws nothing. */
  private drawnKey = '';
  /** The window and dots drawn last (for tests). */
  shown: { window: TileRect; dots: Dot[] } | null = null;

  constructor(parent: HTMLElement, onOpen: () => void) {
    this.el = document.createElement('button');
    this.el.type = 'button';
    this.el.id = 'minimap';
    this.el.dataset.testid = 'minimap';
    this.el.title = 'World map (M)';
    this.el.setAttribute('aria-label', 'World map (M)');
    this.canvas = document.createElement('canvas');
    this.caption = document.createElement('span');
    this.caption.className = 'minimap-zone';
    this.el.append(this.canvas, this.caption);
    this.ctx = this.canvas.getContext('2d')!;
    this.el.addEventListener('click', (e) => {
      e.stopPropagation();
      onOpen();
    });
    parent.append(this.el);
  }

  /** Tiles across, for the minimap's size on this screen: about 4 CSS pixels a tile. */
  tilesAcross(): number {
    return Math.max(24, Math.round(this.el.clientWidth / 4));
  }

  /** Draws `window` of the picture (only what lies inside `area`) and the dots in it. */
  draw(
    picture: MapPicture | null,
    window: TileRect,
    area: TileRect,
    dots: readonly Dot[],
    version: number,
  ): void {
    const css = this.el.clientWidth;
    const px = Math.max(1, Math.round(css * (globalThis.devicePixelRatio || 1)));
    const key = `${px},${window.x.toFixed(2)},${window.y.toFixed(2)},${version},${dots
      .map((d) => `${d.kind}${d.x.toFixed(1)},${d.y.toFixed(1)}`)
      .join(';')}`;
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    if (this.canvas.width !== px) {
      this.canvas.width = px;
      this.canvas.height = px;
    }
    const ctx = this.ctx;
    const unit = px / window.width;
    ctx.imageSmoothingEnabled = false;
    ctx.fillStyle = FOG;
    ctx.fillRect(0, 0, px, px);
    if (picture) {
      // Only the camera's area: another interior beyond the rock never shows.
      const x0 = Math.max(window.x, area.x);
      const y0 = Math.max(window.y, area.y);
      const x1 = Math.min(window.x + window.width, area.x + area.width);
      const y1 = Math.min(window.y + window.height, area.y + area.height);
      if (x1 > x0 && y1 > y0)
        ctx.drawImage(
          picture.known,
          x0,
          y0,
          x1 - x0,
          y1 - y0,
          (x0 - window.x) * unit,
          (y0 - window.y) * unit,
          (x1 - x0) * unit,
          (y1 - y0) * unit,
        );
    }
    const inView = dots.filter((d) => within(window, d.x + 0.5, d.y + 0.5) || d.kind === 'self');
    for (const d of inView)
      drawDot(ctx, d.kind, (d.x + 0.5 - window.x) * unit, (d.y + 0.5 - window.y) * unit, unit);
    // Quest targets and party members out of view: a pip on the rim, pointing the way.
    for (const d of dots) {
      if (inView.includes(d) || (d.kind !== 'quest' && d.kind !== 'party')) continue;
      const cx = window.x + window.width / 2;
      const cy = window.y + window.height / 2;
      const dx = d.x + 0.5 - cx;
      const dy = d.y + 0.5 - cy;
      const t = (window.width / 2 - 1) / Math.max(Math.abs(dx), Math.abs(dy));
      drawDot(ctx, d.kind, (cx + dx * t - window.x) * unit, (cy + dy * t - window.y) * unit, unit * 0.7);
    }
    this.shown = { window: { ...window }, dots: inView.map((d) => ({ ...d })) };
  }

  /** Names the place the player is in (its zone, else the map). */
  setPlace(title: string): void {
    if (this.caption.textContent !== title) this.caption.textContent = title;
  }
}
