// Renders each world zone at 2x with sample mob and NPC sprites at their object positions, into
// docs/screenshots/zone-<name>.png: the pictures we look at to judge the world.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Canvas } from '../art/canvas.ts';
import { decodePng, encodePng } from '../art/png.ts';
import { TILE } from '../art/tile-def.ts';
import type { MapBuilder } from './builder.ts';
import { renderPreview } from './preview.ts';
import type { ObjectSpec } from './tmj.ts';
import { ZONES } from './world-layout.ts';

interface Sheet {
  image: Canvas;
  frameWidth: number;
  frameHeight: number;
}

function loadSheet(root: string, path: string): Sheet | undefined {
  const png = join(root, 'assets/sprites', `${path}.png`);
  if (!existsSync(png)) return undefined;
  const json = JSON.parse(readFileSync(join(root, 'assets/sprites', `${path}.json`), 'utf8')) as Sheet;
  const { width, height, data } = decodePng(readFileSync(png), png);
  const image = new Canvas(width, height);
  image.data.set(data);
  return { image, frameWidth: json.frameWidth, frameHeight: json.frameHeight };
}

/** Sprites to stand in the picture: NPCs where they stand, a few mobs in each mob area. */
function actors(objects: readonly ObjectSpec[]): { path: string; x: number; y: number }[] {
  const out: { path: string; x: number; y: number }[] = [];
  for (const o of objects) {
    const kind = o.properties?.find((p) => p.name === 'kind')?.value;
    if (typeof kind !== 'string') continue;
    const tx = Math.floor(o.x / TILE);
    const ty = Math.floor(o.y / TILE);
    if (o.type === 'npc') out.push({ path: `npcs/${kind}`, x: tx, y: ty });
    if (o.type === 'mob') out.push({ path: `mobs/${kind}`, x: tx, y: ty });
    if (o.type === 'mobArea') {
      const w = Math.floor(o.width / TILE);
      const h = Math.floor(o.height / TILE);
      out.push({ path: `mobs/${kind}`, x: tx + Math.floor(w / 3), y: ty + Math.floor(h / 2) });
      out.push({ path: `mobs/${kind}`, x: tx + Math.floor((2 * w) / 3), y: ty + Math.floor(h / 3) });
    }
  }
  return out;
}

export function renderZones(
  root: string,
  b: MapBuilder,
  tileset: Canvas,
  objects: readonly ObjectSpec[],
  zones: Record<string, { x: number; y: number; w: number; h: number }> = ZONES,
): void {
  const dir = join(root, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  const sheets = new Map<string, Sheet | undefined>();
  const people = actors(objects);
  for (const [name, r] of Object.entries(zones)) {
    const area = { x: r.x, y: r.y, w: Math.min(r.w, b.width - r.x), h: Math.min(r.h, b.height - r.y) };
    const sprites = people
      .filter((p) => p.x >= area.x && p.y >= area.y && p.x < area.x + area.w && p.y < area.y + area.h)
      .filter((p) => !b.blocked(p.x, p.y))
      .flatMap((p) => {
        if (!sheets.has(p.path)) sheets.set(p.path, loadSheet(root, p.path));
        const s = sheets.get(p.path);
        return s
          ? [{ sheet: s.image, frameWidth: s.frameWidth, frameHeight: s.frameHeight, tileX: p.x, tileY: p.y }]
          : [];
      });
    const img = renderPreview(b, tileset, { area, scale: 2, sprites });
    const file = join(dir, `zone-${name}.png`);
    writeFileSync(file, encodePng(img.width, img.height, img.data));
    console.log(`wrote docs/screenshots/zone-${name}.png (${img.width}x${img.height})`);
  }
}
