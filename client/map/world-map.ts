// The world map (M, or a click on the minimap): the area the player is in, explored parts in their
// colours and the rest in fog, the names of the zones seen, the player and the marks. Esc, M or a click
// anywhere on it closes it. The picture is drawn on opening; only the dots are redrawn while it is open.
import type { TileRect } from '../../shared/content/world-map.ts';
import type { Zone } from '../../shared/content/zones.ts';
import { drawDot, type MapPicture } from './map-picture.ts';
import { within, type Dot } from './map-view.ts';
import { FOG } from './minimap.ts';
import type { Exploration } from './exploration.ts';

/** Canvas pixels along the area's longer side: the page scales it down (smoothly), never up. */
const SIDE_PX = 1280;

export class WorldMapCard {
  readonly el: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly ground: HTMLCanvasElement;
  private readonly dots: HTMLCanvasElement;
  private readonly labels: HTMLElement;
  /** Names of the party members and quest targets on the map. */
  private readonly marks: HTMLElement;
  private area: TileRect = { x: 0, y: 0, width: 1, height: 1 };
  private drawnDots = '';
  /** Canvas pixels per tile of the open map. */
  private px = 4;
  /** Zone titles written on the map now (for tests). */
  shownZones: string[] = [];

  constructor(parent: HTMLElement, onClose: () => void) {
    this.el = document.createElement('div');
    this.el.id = 'world-map';
    this.el.dataset.testid = 'world-map';
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-label', 'World map');
    this.el.hidden = true;
    this.el.innerHTML =
      '<div class="world-map-card"><h2></h2><div class="world-map-frame">' +
      '<canvas class="world-map-ground"></canvas><div class="world-map-labels"></div>' +
      '<canvas class="world-map-dots"></canvas><div class="world-map-marks"></div></div><p class="world-map-hint">M or Esc to close</p></div>';
    this.heading = this.el.querySelector('h2')!;
    // A phone has no M key: it says how a finger closes it.
    if (matchMedia('(pointer: coarse)').matches)
      this.el.querySelector('.world-map-hint')!.textContent = 'Tap to close';
    this.frame = this.el.querySelector('.world-map-frame')!;
    this.ground = this.el.querySelector('.world-map-ground')!;
    this.dots = this.el.querySelector('.world-map-dots')!;
    this.labels = this.el.querySelector('.world-map-labels')!;
    this.marks = this.el.querySelector('.world-map-marks')!;
    this.el.addEventListener('click', (e) => {
      e.stopPropagation();
      onClose();
    });
    parent.append(this.el);
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  /** Draws the area's picture and zone names and shows the card. */
  open(o: {
    title: string;
    picture: MapPicture | null;
    area: TileRect;
    zones: readonly Zone[];
    explored: Exploration | null;
  }): void {
    const a = o.area;
    this.area = a;
    this.px = Math.max(2, Math.ceil(SIDE_PX / Math.max(a.width, a.height)));
    const PX = this.px;
    this.heading.textContent = o.title;
    for (const c of [this.ground, this.dots]) {
      c.width = a.width * PX;
      c.height = a.height * PX;
    }
    // The frame keeps the area's shape and fits the screen (style sets the limits).
    this.frame.style.aspectRatio = `${a.width} / ${a.height}`;
    this.frame.style.setProperty('--map-w', String(a.width));
    this.frame.style.setProperty('--map-h', String(a.height));
    const ctx = this.ground.getContext('2d')!;
    ctx.imageSmoothingEnabled = false;
    paintFog(ctx, this.ground.width, this.ground.height);
    if (o.picture)
      ctx.drawImage(
        o.picture.known,
        a.x,
        a.y,
        a.width,
        a.height,
        0,
        0,
        this.ground.width,
        this.ground.height,
      );
    this.labels.replaceChildren();
    this.shownZones = [];
    for (const z of o.zones) {
      const r = clip(z.area, a);
      const seen = r && o.explored ? seenPart(o.explored, r) : null;
      if (!seen) continue;
      // Over the part the player has seen, kept inside the frame (a name by the edge leans inward).
      const left = (seen.x + seen.width / 2 - a.x) / a.width;
      const top = (seen.y + seen.height / 2 - a.y) / a.height;
      const label = document.createElement('span');
      label.className = 'world-map-zone';
      label.textContent = z.title;
      label.style.left = `${left * 100}%`;
      label.style.top = `${top * 100}%`;
      label.style.transform = `translate(${left < 0.3 ? -Math.round(left * 166) : left > 0.7 ? -100 + Math.round((1 - left) * 166) : -50}%, -50%)`;
      this.labels.append(label);
      this.shownZones.push(z.title);
    }
    this.drawnDots = '';
    this.el.hidden = false;
    spreadLabels([...this.labels.children] as HTMLElement[]);
  }

  /** Redraws the dots (while open). */
  update(dots: readonly Dot[]): void {
    if (!this.isOpen) return;
    const inside = dots.filter((d) => within(this.area, d.x + 0.5, d.y + 0.5));
    const key = inside.map((d) => `${d.kind}${d.x.toFixed(1)},${d.y.toFixed(1)}`).join(';');
    if (key === this.drawnDots) return;
    this.drawnDots = key;
    const ctx = this.dots.getContext('2d')!;
    ctx.clearRect(0, 0, this.dots.width, this.dots.height);
    // Dots keep a readable size however large the area: about 1/80 of its longer side.
    const PX = this.px;
    const unit = (Math.max(this.area.width, this.area.height) * PX) / 110;
    for (const d of inside)
      drawDot(ctx, d.kind, (d.x + 0.5 - this.area.x) * PX, (d.y + 0.5 - this.area.y) * PX, unit);
    // Party members and quest targets are named beside their dots.
    this.marks.replaceChildren(
      ...inside
        .filter((d) => (d.kind === 'party' || d.kind === 'quest') && d.label)
        .map((d) => {
          const label = document.createElement('span');
          label.className = `world-map-mark ${d.kind}`;
          label.textContent = d.label;
          const left = (d.x + 0.5 - this.area.x) / this.area.width;
          label.style.left = `${left * 100}%`;
          // Near the east edge the name goes on the dot's west side, inside the frame.
          if (left > 0.6) label.classList.add('west');
          label.style.top = `${((d.y + 0.5 - this.area.y) / this.area.height) * 100}%`;
          return label;
        }),
    );
  }

  close(): void {
    this.el.hidden = true;
  }
}

/** Moves a name down past the ones before it that it would overlap (two small zones side by side). */
function spreadLabels(labels: readonly HTMLElement[]): void {
  const placed: DOMRect[] = [];
  for (const label of labels) {
    let box = label.getBoundingClientRect();
    for (let tries = 0; tries < 4; tries++) {
      const hit = placed.find(
        (p) => p.left < box.right && box.left < p.right && p.top < box.bottom && box.top < p.bottom,
      );
      if (!hit) break;
      label.style.marginTop = `${(parseFloat(label.style.marginTop) || 0) + (hit.bottom - box.top) + 2}px`;
      box = label.getBoundingClientRect();
    }
    placed.push(box);
  }
}

function clip(r: TileRect, a: TileRect): TileRect | null {
  const x = Math.max(r.x, a.x);
  const y = Math.max(r.y, a.y);
  const w = Math.min(r.x + r.width, a.x + a.width) - x;
  const h = Math.min(r.y + r.height, a.y + a.height) - y;
  return w > 0 && h > 0 ? { x, y, width: w, height: h } : null;
}

/** The box around the explored tiles of `r`, or null if none is (a zone is named once visited). */
function seenPart(e: Exploration, r: TileRect): TileRect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      if (!e.seen(x, y)) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < x0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Fog with a faint hatch, like the blank part of a drawn map. */
function paintFog(ctx: CanvasRenderingContext2D, w: number, h: number): void {
  ctx.fillStyle = FOG;
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = 'rgba(247, 233, 200, 0.05)';
  ctx.lineWidth = Math.max(1, w / 400);
  const step = Math.max(8, Math.round(w / 60));
  ctx.beginPath();
  for (let d = -h; d < w; d += step) {
    ctx.moveTo(d, h);
    ctx.lineTo(d + h, 0);
  }
  ctx.stroke();
}
