// Which map the world scene draws, and the switch to another in place (no page reload): fade out, load
// its JSON and tilesets with the loader unless cached, swap layers, walls and camera bounds, fade in.
import type Phaser from 'phaser';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import type { GameData } from '../../shared/content/game-data.ts';
import { fade } from '../ui/fade.ts';
import { MapDrawing } from './map-drawing.ts';
import { loadMap, mapKey } from './map-files.ts';

export class MapSwitch {
  drawing: MapDrawing;
  private change: Promise<boolean> | null = null;
  /**
   * The content version (the welcome's) of each map loaded, by path; a map's first welcome adopts the
   * copy the page loaded (fetched moments before).
   */
  private readonly versions = new Map<string, string>();

  /** Draws the first map, already loaded by the preload scene; `drawn` hears of every later switch. */
  constructor(
    private readonly scene: Phaser.Scene,
    firstPath: string,
    private readonly data: GameData | null,
    private readonly drawn: (drawing: MapDrawing) => void,
    private readonly failed: (message: string) => void,
  ) {
    const source = scene.cache.json.get(mapKey(firstPath)) as TiledMap;
    this.drawing = new MapDrawing(scene, firstPath, source, data);
  }

  /** A switch is under way: the old map may still be on screen, so input waits. */
  get busy(): boolean {
    return this.change !== null;
  }

  /** The content version of the drawn map ('' until a welcome names one). */
  get version(): string {
    return this.versions.get(this.drawing.path) ?? '';
  }

  /** Whether a welcome of this content version means the drawn map is out of date (live reload). */
  outdated(version: string): boolean {
    const known = this.versions.get(this.drawing.path);
    if (known === undefined) this.versions.set(this.drawing.path, version);
    return known !== undefined && known !== version;
  }

  /**
   * Draws the map at `path` (under assets/); nothing to do if it is drawn in this content version. A
   * call while another runs waits for it. Resolves true once it is drawn, false when it could not be
   * loaded (told through `failed`; the old map is still drawn).
   */
  show(path: string, version?: string): Promise<boolean> {
    const previous = this.change ?? Promise.resolve(true);
    const done: Promise<boolean> = previous
      .then(async () => {
        const known = this.versions.get(path);
        const stale = version !== undefined && known !== undefined && known !== version;
        if (path === this.drawing.path && !stale) return true;
        // The server plays a newer version of this map: the cached copy is the old one.
        if (stale) this.scene.cache.json.remove(mapKey(path));
        const [source] = await Promise.all([loadMap(this.scene, path), fade.out()]);
        if (version !== undefined) this.versions.set(path, version);
        this.drawing.destroy();
        this.drawing = new MapDrawing(this.scene, path, source, this.data);
        this.drawn(this.drawing);
        return true;
      })
      .catch((err: unknown) => {
        this.failed(err instanceof Error ? err.message : String(err));
        return false;
      })
      .finally(() => {
        if (this.change === done) this.change = null;
        fade.in();
      });
    this.change = done;
    return done;
  }
}
