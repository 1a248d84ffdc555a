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
  private change: Promise<void> | null = null;

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

  /**
   * Draws the map at `path` (under assets/); nothing to do if it is drawn. A call while another runs
   * waits for it. Resolves when done or failed (a failure is told through `failed`).
   */
  show(path: string): Promise<void> {
    const previous = this.change ?? Promise.resolve();
    const done: Promise<void> = previous
      .then(async () => {
        if (path === this.drawing.path) return;
        const [source] = await Promise.all([loadMap(this.scene, path), fade.out()]);
        this.drawing.destroy();
        this.drawing = new MapDrawing(this.scene, path, source, this.data);
        this.drawn(this.drawing);
      })
      .catch((err: unknown) => this.failed(err instanceof Error ? err.message : String(err)))
      .finally(() => {
        if (this.change === done) this.change = null;
        fade.in();
      });
    this.change = done;
    return done;
  }
}
