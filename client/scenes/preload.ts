// Loads everything the world needs, driving the page's loading bar, then starts the world scene.
// The map is read first because it names its tileset images.
import Phaser from 'phaser';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import type { SheetInfo } from '../view/sprite-sheets.ts';
import { showLoadError, showLoadProgress } from '../ui/loading.ts';

export const SHEETS = ['player', 'marker'] as const;

export interface ServerStatus {
  world: string;
  players: number;
  map?: string;
}

export class PreloadScene extends Phaser.Scene {
  constructor() {
    super('preload');
  }

  preload(): void {
    this.load.setPath('');
    this.load.on('progress', (value: number) => showLoadProgress(value));
    this.load.on('loaderror', (file: Phaser.Loader.File) => showLoadError(`Could not load ${file.src}.`));
    this.load.json('status', 'status');
    this.load.on('filecomplete-json-status', (_key: string, _type: string, status: ServerStatus) => {
      const mapPath = status.map ?? 'maps/village.tmj';
      this.registry.set('mapPath', mapPath);
      this.load.json('map', `assets/${mapPath}`);
    });
    this.load.on('filecomplete-json-map', (_key: string, _type: string, map: TiledMap) => {
      const dir = (this.registry.get('mapPath') as string).replace(/[^/]*$/, '');
      for (const ts of map.tilesets) {
        if (ts.image && ts.name) this.load.image(`tiles:${ts.name}`, `assets/${dir}${ts.image}`);
      }
    });
    for (const sheet of SHEETS) {
      this.load.json(`sheet:${sheet}`, `assets/sprites/${sheet}.json`);
      this.load.on(`filecomplete-json-sheet:${sheet}`, (_key: string, _type: string, info: SheetInfo) => {
        this.load.spritesheet(sheet, `assets/sprites/${sheet}.png`, {
          frameWidth: info.frameWidth,
          frameHeight: info.frameHeight,
        });
      });
    }
  }

  create(): void {
    showLoadProgress(1);
    this.scene.start('world');
  }
}
