// A contact sheet of sprite sheets for eyeballing: each sheet is laid on a strip of grass and sand
// (the two grounds most sprites stand on), scaled up nearest-neighbour.
import { Canvas, scaled } from './canvas.ts';
import { P } from './palette.ts';

const GAP = 4;

/** Stacks the images vertically (wrapping into columns past maxHeight) on a two-ground backdrop. */
export function contactSheet(images: readonly Canvas[], factor: number, maxHeight = 1400): Canvas {
  const placed: { img: Canvas; x: number; y: number }[] = [];
  let x = GAP;
  let y = GAP;
  let columnWidth = 0;
  for (const img of images) {
    if (y + img.height > maxHeight / factor && y > GAP) {
      x += columnWidth + GAP * 2;
      y = GAP;
      columnWidth = 0;
    }
    placed.push({ img, x, y });
    y += img.height + GAP;
    columnWidth = Math.max(columnWidth, img.width);
  }
  const width = x + columnWidth + GAP;
  const height = Math.max(...placed.map((p) => p.y + p.img.height)) + GAP;
  const page = new Canvas(width, height);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      // Grass on the left half of every sheet row, sand on the right, checked faintly by tile.
      const sand = Math.floor(px / 48) % 2 === 1;
      const ramp = sand ? P.sand : P.grass;
      page.put(px, py, ramp[(Math.floor(px / 16) + Math.floor(py / 16)) % 2 === 0 ? 1 : 2]!);
    }
  }
  for (const p of placed) page.blit(p.img, 0, 0, p.img.width, p.img.height, p.x, p.y);
  return scaled(page, factor);
}

/** A body sheet with a weapon sheet stacked frame by frame, as the client draws them. */
export function dressed(body: Canvas, weapon: Canvas, frame: number, behindRows: readonly number[]): Canvas {
  const out = new Canvas(body.width, body.height);
  for (let row = 0; row * frame < body.height; row++) {
    const y = row * frame;
    const layers = behindRows.includes(row) ? [weapon, body] : [body, weapon];
    for (const layer of layers) out.blit(layer, 0, y, layer.width, frame, 0, y);
  }
  return out;
}
