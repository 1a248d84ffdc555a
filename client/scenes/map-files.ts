// Loading a map with Phaser's loader: its Tiled JSON, then the tileset images it names. Used by the
// preload scene for the first map and by the world scene when a portal leads to another (no page
// reload). Each map and image is cached under its own path, so going back to a map loads nothing.
import type Phaser from 'phaser';
import type { TiledMap } from '../../shared/content/tiled-types.ts';

/** The JSON cache key of a map (`path` under assets/, e.g. `maps/world.tmj`). */
export function mapKey(path: string): string {
  return `map:${path}`;
}

/** The texture key of a tileset image, by its path under assets/ (two maps may share one). */
export function tilesetKey(mapPath: string, image: string): string {
  return `tiles:${resolvePath(mapPath, image)}`;
}

/** `image` as Tiled writes it (relative to the map file) as a path under assets/. */
export function resolvePath(mapPath: string, image: string): string {
  const parts = mapPath.split('/').slice(0, -1);
  for (const part of image.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** Queues the map's JSON (unless cached) and, once it is read, its tileset images. */
export function queueMap(scene: Phaser.Scene, path: string): void {
  const key = mapKey(path);
  const queueTilesets = (map: TiledMap): void => {
    for (const ts of map.tilesets) {
      if (!ts.image || !ts.name) continue;
      const texture = tilesetKey(path, ts.image);
      if (!scene.textures.exists(texture)) scene.load.image(texture, `assets/${resolvePath(path, ts.image)}`);
    }
  };
  const cached = scene.cache.json.get(key) as TiledMap | undefined;
  if (cached) return queueTilesets(cached);
  scene.load.json(key, `assets/${path}`);
  scene.load.once(`filecomplete-json-${key}`, (_k: string, _t: string, map: TiledMap) => queueTilesets(map));
}

/**
 * Loads a map and its tilesets now (the world scene, after a transfer). Resolves with the map's JSON,
 * or rejects naming the file that failed.
 */
export function loadMap(scene: Phaser.Scene, path: string): Promise<TiledMap> {
  return new Promise((resolve, reject) => {
    const failed: string[] = [];
    const onError = (file: Phaser.Loader.File): void => {
      if (file.key === mapKey(path) || String(file.key).startsWith('tiles:')) failed.push(String(file.src));
    };
    scene.load.on('loaderror', onError);
    scene.load.once('complete', () => {
      scene.load.off('loaderror', onError);
      const map = scene.cache.json.get(mapKey(path)) as TiledMap | undefined;
      if (failed.length || !map) reject(new Error(`Could not load the map ${path} (${failed.join(', ')}).`));
      else resolve(map);
    });
    queueMap(scene, path);
    // Already loading (music fetched on the way): our files join that run and its end is ours.
    if (!scene.load.isLoading()) scene.load.start();
  });
}
