// `npm run map`: regenerates assets/maps/village.tmj (tools/map/village.ts), assets/maps/world.tmj
// (tools/map/world.ts) and assets/maps/isle.tmj (tools/map/isle.ts), deterministically. It refuses (exit 1,
// nothing written) if any map changed since it last wrote it (tools/generated.ts); `-- --force` overwrites.
// `npm run map -- --preview out.png [x y w h]` also renders a 3x preview of part of the village
// (`--world` or `--isle` to preview that map instead, `--scale n` to change the zoom), and
// `npm run map -- --zones` renders each world zone (and the isle) at 2x into docs/screenshots/zone-<name>.png.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOTH_TUNIC, renderCharacterSheet } from '../art/player.ts';
import { encodePng } from '../art/png.ts';
import { renderTileset, tileCatalog, tiledTileset } from '../art/tileset.ts';
import { TILE } from '../art/tile-def.ts';
import type { MapBuilder } from './builder.ts';
import { renderPreview } from './preview.ts';
import { stringifyTiledMap, toTiledMap, type ObjectSpec } from './tmj.ts';
import { generateVillage } from './village.ts';
import { placeObjects, villageObjects } from './village-objects.ts';
import { generateIsle } from './isle.ts';
import { ISLE_SPAWN, ISLE_TITLE, isleObjects } from './isle-objects.ts';
import { generateWorld } from './world.ts';
import { ferryObjects, WORLD_TITLE, worldObjects, zoneObjects } from './world-objects.ts';
import { renderZones } from './zone-previews.ts';
import { writeGenerated, type Output } from '../generated.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const catalog = tileCatalog();
const tilesetImage = renderTileset(catalog);
const tileset = tiledTileset(catalog, tilesetImage);

type Spawn = { x: number; y: number; w: number; h: number };
const spawnObject = (name: string, s: Spawn): ObjectSpec => ({
  name,
  type: 'spawn',
  x: s.x * TILE,
  y: s.y * TILE,
  width: s.w * TILE,
  height: s.h * TILE,
});

function makeMap(
  file: string,
  builder: MapBuilder,
  objects: ObjectSpec[],
  undergrowth: { filled: number; inOpen: number },
  title?: string,
): Output {
  const map = toTiledMap(builder, tileset, objects, title);
  console.log(
    `made assets/maps/${file} (${map.width}x${map.height}, ${catalog.length} tiles, ${objects.length} objects)`,
  );
  console.log(
    `  undergrowth in unreachable pockets: ${undergrowth.filled} tiles (${undergrowth.inOpen} not under canopy)`,
  );
  return { path: `assets/maps/${file}`, bytes: stringifyTiledMap(map) };
}

const village = generateVillage(catalog);
const villageMap = makeMap(
  'village.tmj',
  village.builder,
  [spawnObject('village', village.spawn), ...villageObjects()],
  village.undergrowth,
  'Emberfall Village',
);
const world = generateWorld(catalog);
const worldObjs = [
  spawnObject('village', world.spawn),
  ...worldObjects(),
  ...placeObjects(world.bounds),
  ...ferryObjects(),
  ...zoneObjects(),
];
const worldMap = makeMap('world.tmj', world.builder, worldObjs, world.undergrowth, WORLD_TITLE);
const isle = generateIsle(catalog);
const isleMap = makeMap('isle.tmj', isle.builder, isleObjects(), isle.undergrowth, ISLE_TITLE);
if (writeGenerated(root, 'npm run map', [villageMap, worldMap, isleMap])) console.log('wrote the maps');
else process.exitCode = 1;

const at = process.argv.indexOf('--preview');
if (at >= 0) {
  const path = process.argv[at + 1] ?? '/tmp/village-preview.png';
  const [x, y, w, h] = process.argv
    .slice(at + 2, at + 6)
    .filter((a) => /^\d+$/.test(a))
    .map(Number);
  const area = w && h ? { x: x ?? 0, y: y ?? 0, w, h } : undefined;
  const { builder, spawn } = process.argv.includes('--world')
    ? world
    : process.argv.includes('--isle')
      ? { builder: isle.builder, spawn: ISLE_SPAWN }
      : village;
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
if (process.argv.includes('--zones')) {
  renderZones(root, world.builder, tilesetImage.canvas, worldObjs);
  const whole = { x: 0, y: 0, w: isle.builder.width, h: isle.builder.height };
  renderZones(root, isle.builder, tilesetImage.canvas, isleObjects(), { isle: whole });
}
