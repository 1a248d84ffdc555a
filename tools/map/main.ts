// `npm run map`: regenerates assets/maps/village.tmj (tools/map/village.ts), assets/maps/world.tmj
// (tools/map/world.ts), assets/maps/isle.tmj (tools/map/isle.ts), the mines and the lair (mines.tmj,
// lair.tmj: tools/map/interiors.ts) and the houses one can enter (inn.tmj, smithy.tmj, elder-house.tmj:
// tools/map/house-interiors.ts), deterministically. It refuses (exit 1, nothing written) if any map
// changed since it last wrote it (tools/generated.ts); `-- --force` overwrites.
// `npm run map -- --preview out.png [x y w h]` also renders a 3x preview of part of the village
// (`--world`, `--isle`, `--mines`, `--lair`, `--inn`, `--smithy` or `--elder-house` to preview that map
// instead, `--scale n` to change the zoom), and
// `npm run map -- --zones` renders each world zone (and the isle, the mines as caves and the lair) at 2x
// into docs/screenshots/zone-<name>.png.
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
import { generateLair, generateMines } from './interiors.ts';
import { generateHouseRoom, HOUSE_ROOMS, roomFile } from './house-interiors.ts';
import { houseObjects, LAIR_TITLE, lairObjects, MINES_TITLE, mineObjects } from './interior-objects.ts';
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
// Interiors: nothing grows in them, so no undergrowth to report.
const none = { filled: 0, inOpen: 0 };
const mines = generateMines(catalog);
const lair = generateLair(catalog);
const rooms = HOUSE_ROOMS.map((r) => ({ room: r, ...generateHouseRoom(catalog, r) }));
const interiorMaps = [
  makeMap('mines.tmj', mines.builder, mineObjects(), none, MINES_TITLE),
  makeMap('lair.tmj', lair.builder, lairObjects(), none, LAIR_TITLE),
  ...rooms.map(({ room, builder }) => makeMap(roomFile(room), builder, houseObjects(room), none, room.title)),
];
if (writeGenerated(root, 'npm run map', [villageMap, worldMap, isleMap, ...interiorMaps]))
  console.log('wrote the maps');
else process.exitCode = 1;

const at = process.argv.indexOf('--preview');
if (at >= 0) {
  const path = process.argv[at + 1] ?? '/tmp/village-preview.png';
  const [x, y, w, h] = process.argv
    .slice(at + 2, at + 6)
    .filter((a) => /^\d+$/.test(a))
    .map(Number);
  const area = w && h ? { x: x ?? 0, y: y ?? 0, w, h } : undefined;
  const flag = (name: string): boolean => process.argv.includes(`--${name}`);
  const room = rooms.find((r) => flag(r.room.name.replace(/_/g, '-')));
  // The character stands in the middle of an interior (it has no spawn rectangle of its own here).
  const centre = (b: MapBuilder) => ({
    builder: b,
    spawn: { x: (b.width >> 1) - 2, y: (b.height >> 1) - 2 },
  });
  const { builder, spawn } = flag('world')
    ? world
    : flag('isle')
      ? { builder: isle.builder, spawn: ISLE_SPAWN }
      : flag('mines')
        ? centre(mines.builder)
        : flag('lair')
          ? centre(lair.builder)
          : room
            ? centre(room.builder)
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
  // The interiors, each its own map, under the zone names they had on the world map.
  const all = (b: MapBuilder) => ({ x: 0, y: 0, w: b.width, h: b.height });
  renderZones(root, mines.builder, tilesetImage.canvas, mineObjects(), { caves: all(mines.builder) });
  renderZones(root, lair.builder, tilesetImage.canvas, lairObjects(), { lair: all(lair.builder) });
}
