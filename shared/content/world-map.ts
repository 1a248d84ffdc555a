// Reads a Tiled map into what the game needs: size, collision, and the objects that place things.
// Every problem is collected and reported with the file, layer and object id, so a modder can fix it.
import { makeGrid, type Grid } from '../rules/grid.ts';
import type { TiledLayer, TiledMap, TiledObject, TiledProperty, TiledTileset } from './tiled-types.ts';
import { checkMapProperties, shapeProblem } from './map-checks.ts';
import { titleProblem } from './zones.ts';

/** Tiled keeps flip and rotation flags in the top bits of a gid. */
const GID_MASK = 0x0fffffff;

export interface TileRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapObject {
  id: number;
  kind: string;
  name: string;
  /** The area the object covers, in tiles (a point covers one tile). */
  area: TileRect;
  properties: Record<string, unknown>;
}

export interface WorldMap {
  width: number;
  height: number;
  tileSize: number;
  grid: Grid;
  spawns: MapObject[];
  objects: MapObject[];
  /** The map's own name (its `title` property): what a tile outside every zone is called. */
  title?: string;
  /** Findings that do not stop the game (a hidden layer that still collides): logged and listed. */
  warnings?: readonly string[];
}

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
    /** Second-tier findings made before the errors stopped the parse, so a checker can list them too. */
    readonly warnings: readonly string[] = [],
  ) {
    super(`${file} has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

export function propertyOf(properties: TiledProperty[] | undefined, name: string): unknown {
  return properties?.find((p) => p.name === name)?.value;
}

/** Tile gids (not ids) whose tileset tile has `prop` set to true. */
export function gidsWith(tilesets: readonly TiledTileset[], prop: string): Set<number> {
  const gids = new Set<number>();
  for (const ts of tilesets) {
    for (const tile of ts.tiles ?? [])
      if (propertyOf(tile.properties, prop) === true) gids.add(ts.firstgid + tile.id);
  }
  return gids;
}

/** The layer's gids as numbers, or a problem description. Accepts CSV arrays and uncompressed base64. */
export function layerGids(layer: TiledLayer, expected: number): number[] | string {
  let data = layer.data;
  if (typeof data === 'string') {
    if (layer.compression) {
      return `is saved with ${layer.compression} compression; set Map Properties → Tile Layer Format to CSV`;
    }
    const bytes = decodeBase64(data);
    if (!bytes) return 'has data that is not valid base64';
    const out: number[] = [];
    for (let i = 0; i + 3 < bytes.length; i += 4) {
      out.push((bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0);
    }
    data = out;
  }
  if (!Array.isArray(data)) return 'has no tile data';
  if (data.length !== expected) return `has ${data.length} tiles, expected ${expected} (width × height)`;
  return data.map((gid) => gid & GID_MASK);
}

function decodeBase64(text: string): Uint8Array | null {
  let bin: string;
  try {
    bin = atob(text.trim());
  } catch {
    return null; // atob throws on characters outside the base64 alphabet
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Every tile layer, including those inside groups, in drawing order. */
export function tileLayers(layers: readonly TiledLayer[]): TiledLayer[] {
  return layers.flatMap((l) =>
    l.type === 'group' ? tileLayers(l.layers ?? []) : l.type === 'tilelayer' ? [l] : [],
  );
}

function objectLayers(layers: readonly TiledLayer[]): TiledLayer[] {
  return layers.flatMap((l) =>
    l.type === 'group' ? objectLayers(l.layers ?? []) : l.type === 'objectgroup' ? [l] : [],
  );
}

function toMapObject(obj: TiledObject, tileSize: number): MapObject {
  const x = Math.floor(obj.x / tileSize);
  // Tiled anchors tile objects at their bottom-left corner, everything else at the top-left.
  const top = obj.gid ? obj.y - (obj.height ?? tileSize) : obj.y;
  const y = Math.floor(top / tileSize);
  const w = obj.point ? 1 : Math.max(1, Math.round((obj.width ?? 0) / tileSize));
  const h = obj.point ? 1 : Math.max(1, Math.round((obj.height ?? 0) / tileSize));
  const properties: Record<string, unknown> = {};
  for (const p of obj.properties ?? []) properties[p.name] = p.value;
  return {
    id: obj.id,
    kind: obj.type || obj.class || '',
    name: obj.name ?? '',
    area: { x, y, width: w, height: h },
    properties,
  };
}

export function parseWorldMap(map: TiledMap, file: string): WorldMap {
  const problems: string[] = [];
  if (map.orientation !== 'orthogonal')
    problems.push(`orientation is "${map.orientation}"; only orthogonal maps work`);
  if (map.infinite) problems.push('the map is infinite; uncheck Map Properties → Infinite');
  if (map.tilewidth !== map.tileheight)
    problems.push(`tiles must be square, got ${map.tilewidth}×${map.tileheight}`);
  if (!(map.width > 0 && map.height > 0)) problems.push(`map size ${map.width}×${map.height} is empty`);
  for (const ts of map.tilesets ?? []) {
    if (ts.source) problems.push(`tileset "${ts.source}" is external; embed it (Map → Embed Tilesets)`);
  }
  if (problems.length) throw new ContentError(file, problems);
  const warnings: string[] = [];
  checkMapProperties(map.tilesets, map.layers, { problems, warnings });

  const size = map.width * map.height;
  const grid = makeGrid(map.width, map.height);
  const colliding = gidsWith(map.tilesets, 'collides');
  const lastGid = Math.max(0, ...map.tilesets.map((ts) => ts.firstgid + (ts.tilecount ?? 0) - 1));
  for (const layer of tileLayers(map.layers)) {
    const gids = layerGids(layer, size);
    const where = `layer "${layer.name}" (id ${layer.id ?? '?'})`;
    if (typeof gids === 'string') {
      problems.push(`${where} ${gids}`);
      continue;
    }
    const isCollisionLayer = layer.name.toLowerCase() === 'collision';
    // The browser does not draw a hidden layer, but its tiles still block: walls nobody can see.
    const hiddenWalls = layer.visible === false && !isCollisionLayer;
    const walls = hiddenWalls ? gids.filter((gid) => colliding.has(gid)).length : 0;
    if (walls > 0)
      warnings.push(
        `${where} is hidden in Tiled but ${walls} of its tiles still block walking (invisible walls): ` +
          `show the layer again, or name it "collision" if it is meant to be invisible`,
      );
    gids.forEach((gid, i) => {
      if (gid > lastGid) {
        if (problems.length < 50)
          problems.push(
            `${where} uses tile ${gid} at (${i % map.width}, ${Math.floor(i / map.width)}), beyond every tileset`,
          );
        return;
      }
      if (gid !== 0 && (isCollisionLayer || colliding.has(gid))) grid.blocked[i] = 1;
    });
  }

  const objects: MapObject[] = [];
  for (const layer of objectLayers(map.layers)) {
    for (const obj of layer.objects ?? []) {
      const mo = toMapObject(obj, map.tilewidth);
      const shape = shapeProblem(obj);
      if (shape && mo.kind) {
        problems.push(`object ${obj.id} ("${mo.name}", ${mo.kind}) in layer "${layer.name}" ${shape}`);
        continue;
      }
      const r = mo.area;
      if (r.x < 0 || r.y < 0 || r.x + r.width > map.width || r.y + r.height > map.height) {
        problems.push(
          `object ${obj.id} ("${mo.name}", ${mo.kind || 'no class'}) in layer "${layer.name}" lies outside the map`,
        );
        continue;
      }
      objects.push(mo);
    }
  }
  blockStandingObjects(grid, objects, problems);
  const spawns = objects.filter((o) => o.kind === 'spawn');
  if (spawns.length === 0)
    problems.push('no object of class "spawn": add a rectangle where new players appear');
  for (const s of spawns) {
    if (!areaHasWalkable(grid, s.area))
      problems.push(`spawn object ${s.id} ("${s.name}") has no walkable tile`);
  }
  const title = propertyOf(map.properties, 'title');
  const titleWhy = title === undefined ? null : titleProblem(title);
  if (titleWhy)
    problems.push(
      `the map's property "title" ${titleWhy.replace(/^needs a "title" property: /, 'must be ')}`,
    );
  if (problems.length) throw new ContentError(file, problems, warnings);
  const named = typeof title === 'string' && !titleWhy ? { title: title.trim() } : {};
  return {
    width: map.width,
    height: map.height,
    tileSize: map.tilewidth,
    grid,
    spawns,
    objects,
    warnings,
    ...named,
  };
}

/** NPCs and static chests occupy their tile: nobody walks through them, on the server or in the browser. */
function blockStandingObjects(grid: Grid, objects: readonly MapObject[], problems: string[]): void {
  for (const o of objects) {
    if (o.kind !== 'npc' && o.kind !== 'chest') continue;
    const x = o.area.x + Math.floor(o.area.width / 2);
    const y = o.area.y + Math.floor(o.area.height / 2);
    const i = y * grid.width + x;
    if (grid.blocked[i])
      problems.push(`object ${o.id} ("${o.name}", ${o.kind}) stands on a blocked tile (${x}, ${y})`);
    grid.blocked[i] = 1;
  }
}

function areaHasWalkable(grid: Grid, r: TileRect): boolean {
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) if (grid.blocked[y * grid.width + x] === 0) return true;
  }
  return false;
}
