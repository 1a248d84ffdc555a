// `npm run map`: regenerates assets/maps/village.tmj from tools/map/village.ts, deterministically.
// `npm run map -- --preview out.png [x y w h]` also renders a 3x preview of the given tile area
// (`--scale n` to change the zoom).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOTH_TUNIC, renderCharacterSheet } from '../art/player.ts';
import { encodePng } from '../art/png.ts';
import { renderTileset, tileCatalog, tiledTileset } from '../art/tileset.ts';
import { TILE } from '../art/tile-def.ts';
import { renderPreview } from './preview.ts';
import { stringifyTiledMap, toTiledMap } from './tmj.ts';
import { generateVillage } from './village.ts';
import { villageObjects } from './village-objects.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const catalog = tileCatalog();
const tilesetImage = renderTileset(catalog);
const { builder, spawn, undergrowth } = generateVillage(catalog);
const map = toTiledMap(builder, tiledTileset(catalog, tilesetImage), [
  {
    name: 'village',
    type: 'spawn',
    x: spawn.x * TILE,
    y: spawn.y * TILE,
    width: spawn.w * TILE,
    height: spawn.h * TILE,
  },
  ...villageObjects(),
]);
const out = join(root, 'assets/maps/village.tmj');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, stringifyTiledMap(map));
console.log(`wrote assets/maps/village.tmj (${map.width}x${map.height}, ${catalog.length} tiles)`);
console.log(
  `undergrowth in unreachable pockets: ${undergrowth.filled} tiles (${undergrowth.inOpen} not under canopy)`,
);

const at = process.argv.indexOf('--preview');
if (at >= 0) {
  const path = process.argv[at + 1] ?? '/tmp/village-preview.png';
  const [x, y, w, h] = process.argv
    .slice(at + 2, at + 6)
    .filter((a) => /^\d+$/.test(a))
    .map(Number);
  const area = w && h ? { x: x ?? 0, y: y ?? 0, w, h } : undefined;
  const character = {
    sheet: renderCharacterSheet(CLOTH_TUNIC),
    frame: 0,
    tileX: spawn.x + 2,
    tileY: spawn.y + 2,
  };
  const scaleAt = process.argv.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(process.argv[scaleAt + 1]) : 3;
  const img = renderPreview(builder, tilesetImage.canvas, { area, scale, character });
  writeFileSync(path, encodePng(img.width, img.height, img.data));
  console.log(`wrote ${path} (${img.width}x${img.height})`);
}
