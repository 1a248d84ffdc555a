// One map drawn in the world scene: its tile layers (split under and over characters), tile animations,
// walls for walking, music areas and camera bounds. A portal to another map destroys this and draws the
// next one from the loader's cache (map-files.ts).
import Phaser from 'phaser';
import { parseWorldMap, type TileRect, type WorldMap } from '../../shared/content/world-map.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { parsePlacements } from '../../shared/content/placements.ts';
import type { GameData } from '../../shared/content/game-data.ts';
import type { Zone } from '../../shared/content/zones.ts';
import type { MusicArea } from '../audio/audio.ts';
import { splitForDrawing } from '../view/map-layers.ts';
import { TileAnimations } from '../view/tile-animations.ts';
import { tilesetKey } from './map-files.ts';

export class MapDrawing {
  readonly worldMap: WorldMap;
  readonly tileAnimations: TileAnimations;
  /** Where each zone's tune plays. */
  readonly music: MusicArea[];
  /** Camera bounds of the map's areas (the overworld, each interior), in tiles. */
  readonly bounds: TileRect[];
  /** The map's named zones (the minimap, the world map and the banner on entry). */
  readonly zones: Zone[];
  private readonly tilemap: Phaser.Tilemaps.Tilemap;

  /** Draws `source`, the map at `path` under assets/; `data` (null if unreadable) reads its placements. */
  constructor(
    scene: Phaser.Scene,
    readonly path: string,
    readonly source: TiledMap,
    data: GameData | null,
  ) {
    this.worldMap = parseWorldMap(source, path);
    const split = splitForDrawing(source);
    const key = `tilemap:${path}`;
    scene.cache.tilemap.add(key, { format: Phaser.Tilemaps.Formats.TILED_JSON, data: split.map });
    this.tilemap = scene.make.tilemap({ key });
    const tilesets = source.tilesets.flatMap((ts) => {
      const added =
        ts.name && ts.image ? this.tilemap.addTilesetImage(ts.name, tilesetKey(path, ts.image)) : null;
      return added ? [added] : [];
    });
    const layers = split.layers.flatMap((layer, i) => {
      const made = this.tilemap
        .createLayer(layer.name, tilesets, 0, 0)
        ?.setDepth(layer.above ? 200000 + i : i);
      return made ? [made] : [];
    });
    this.tileAnimations = new TileAnimations(source.tilesets, layers);
    const placed = data ? placementsOf(this.worldMap, data, path) : null;
    this.music = placed?.music ?? [];
    this.bounds = (placed?.bounds ?? []).map((b) => b.area);
    this.zones = placed?.zones ?? [];
  }

  destroy(): void {
    this.tilemap.destroy();
  }
}

/** The map's placements; a map that fails the full check still plays (the server reports it). */
function placementsOf(
  map: WorldMap,
  data: GameData,
  path: string,
): ReturnType<typeof parsePlacements> | null {
  try {
    return parsePlacements(map, data, path);
  } catch (err) {
    console.warn(`No music areas or camera bounds for ${path}:`, err);
    return null;
  }
}
