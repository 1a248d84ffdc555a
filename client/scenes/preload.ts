// Loads everything the world needs, driving the page's loading bar, then starts the world scene.
// Files name other files: the server's status names the map, the map names its tileset images, and the
// data files name the mobs, NPCs and gear whose sprite sheets follow, each sheet's JSON naming its size.
import Phaser from 'phaser';
import { DATA_FILES } from '../../shared/content/game-data.ts';
import type { SheetInfo } from '../view/sprite-sheets.ts';
import { showLoadError, showLoadProgress } from '../ui/loading.ts';
import { setMusicTracks } from '../audio/catalog.ts';
import { queueMap } from './map-files.ts';

/** Sheets every game needs, besides those the data files name. */
const FIXED_SHEETS = [
  'marker',
  'effects/hit',
  'effects/death_puff',
  'effects/level_up',
  'effects/loot_sparkle',
];
/** Icon atlases: one image of square icons and a JSON naming each frame. */
export const ATLASES = ['items', 'ui'] as const;

export interface ServerStatus {
  world: string;
  players: number;
  map?: string;
}

export interface Atlas {
  frameWidth: number;
  frameHeight: number;
  frames: Record<string, number>;
}

/** The sheet key of a player's body for an armor, a weapon overlay, a mob and an NPC. */
export const sheetKey = {
  armor: (id: string) => `armor/${id}`,
  weapon: (id: string) => `weapons/${id}`,
  mob: (id: string) => `mobs/${id}`,
  npc: (id: string) => `npcs/${id}`,
};

/** The server's sprite pack (server/sprite-pack.ts): every sheet's place in one image, and its JSON. */
interface SpritePack {
  image: string;
  sheets: Record<string, { x: number; y: number; width: number; height: number; info: SheetInfo }>;
}

const PACK = 'sprite-pack';

export class PreloadScene extends Phaser.Scene {
  /** Undefined until the pack's JSON is in; null when there is none (then every sheet loads alone). */
  private pack: SpritePack | null | undefined = undefined;
  private wanted = new Set<string>();
  private queued = new Set<string>();

  constructor() {
    super('preload');
  }

  preload(): void {
    this.load.setPath('');
    this.load.on('progress', (value: number) => showLoadProgress(value));
    this.load.on('loaderror', (file: Phaser.Loader.File) => {
      if (file.key === PACK) return this.usePack(null); // an older server: the sheets one by one
      showLoadError(`Could not load ${file.src}.`);
    });
    this.load.json('status', 'status');
    // Every sprite sheet in two files instead of two each (issue 17: a first visit's request count).
    this.load.json(PACK, 'assets/sprites.pack.json');
    this.load.once(`filecomplete-json-${PACK}`, (_k: string, _t: string, pack: SpritePack) => {
      this.load.image(PACK, pack.image);
      this.usePack(pack);
    });
    // The default world's map is drawn behind the title screen; a character on another map loads that
    // one after its welcome.
    this.load.once('filecomplete-json-status', (_k: string, _t: string, status: ServerStatus) => {
      const mapPath = status.map || 'maps/world.tmj';
      this.registry.set('mapPath', mapPath);
      queueMap(this, mapPath);
    });
    for (const name of DATA_FILES) this.load.json(`data:${name}`, `assets/data/${name}.json`);
    this.load.once(
      'filecomplete-json-data:items',
      (_k: string, _t: string, items: Record<string, { type: string }>) => {
        for (const [id, item] of Object.entries(items)) {
          if (item.type === 'armor') this.sheet(sheetKey.armor(id));
          if (item.type === 'weapon') this.sheet(sheetKey.weapon(id));
        }
      },
    );
    this.load.once('filecomplete-json-data:mobs', (_k: string, _t: string, mobs: Record<string, unknown>) => {
      for (const id of Object.keys(mobs)) this.sheet(sheetKey.mob(id));
    });
    this.load.once('filecomplete-json-data:npcs', (_k: string, _t: string, npcs: Record<string, unknown>) => {
      for (const id of Object.keys(npcs)) this.sheet(sheetKey.npc(id));
    });
    this.load.once('filecomplete-json-data:music', (_k: string, _t: string, music: Record<string, object>) =>
      setMusicTracks(music),
    );
    for (const key of FIXED_SHEETS) this.sheet(key);
    // No sound here: effects and music load once the player is in the game (Audio.releaseLoads), so the
    // first visit's bandwidth goes to what playing needs.
    for (const atlas of ATLASES) {
      this.load.json(`atlas:${atlas}`, `assets/sprites/${atlas}.json`);
      this.load.once(`filecomplete-json-atlas:${atlas}`, (_k: string, _t: string, info: Atlas) => {
        this.load.spritesheet(`atlas:${atlas}`, `assets/sprites/${atlas}.png`, {
          frameWidth: info.frameWidth,
          frameHeight: info.frameHeight,
        });
      });
    }
  }

  create(): void {
    this.cutPackedSheets();
    showLoadProgress(1);
    this.scene.start('world');
  }

  /** Queues a sprite sheet, from the pack when it is there, else its own JSON and then its image. */
  private sheet(key: string): void {
    this.wanted.add(key);
    if (this.pack !== undefined) this.queueSheet(key);
  }

  private usePack(pack: SpritePack | null): void {
    if (pack === null && this.pack) {
      // The pack's image failed after its JSON came: what was taken from it loads one by one instead.
      for (const key of [...this.queued].filter((k) => this.pack!.sheets[k])) {
        this.queued.delete(key);
        this.cache.json.remove(`sheet:${key}`);
      }
    }
    this.pack = pack;
    for (const key of this.wanted) this.queueSheet(key);
  }

  private queueSheet(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    const packed = this.pack?.sheets[key];
    if (packed) {
      this.cache.json.add(`sheet:${key}`, packed.info);
      return;
    }
    this.load.json(`sheet:${key}`, `assets/sprites/${key}.json`);
    this.load.once(`filecomplete-json-sheet:${key}`, (_k: string, _t: string, info: SheetInfo) => {
      this.load.spritesheet(key, `assets/sprites/${key}.png`, {
        frameWidth: info.frameWidth,
        frameHeight: info.frameHeight,
      });
    });
  }

  /**
   * Gives each packed sheet a texture of its own, cut from the pack as a canvas of the sheet's size:
   * the rest of the client keeps using sheets by their keys and frame numbers, as when each was a file.
   */
  private cutPackedSheets(): void {
    if (!this.pack || !this.textures.exists(PACK)) return;
    const image = this.textures.get(PACK).getSourceImage() as HTMLImageElement;
    for (const key of this.queued) {
      const packed = this.pack.sheets[key];
      if (!packed || this.textures.exists(key)) continue;
      const canvas = document.createElement('canvas');
      canvas.width = packed.width;
      canvas.height = packed.height;
      const context = canvas.getContext('2d')!;
      context.imageSmoothingEnabled = false;
      context.drawImage(
        image,
        packed.x,
        packed.y,
        packed.width,
        packed.height,
        0,
        0,
        packed.width,
        packed.height,
      );
      // Phaser takes a canvas wherever it takes an image (TextureSource.isCanvas); its types say image.
      this.textures.addSpriteSheet(key, canvas as unknown as HTMLImageElement, {
        frameWidth: packed.info.frameWidth,
        frameHeight: packed.info.frameHeight,
      });
    }
    this.textures.remove(PACK); // the sheets have their own copies now
  }
}

/** Every sheet key whose JSON was loaded, for creating animations. */
export function loadedSheets(scene: Phaser.Scene): string[] {
  return scene.cache.json
    .getKeys()
    .filter((k: string) => k.startsWith('sheet:'))
    .map((k: string) => k.slice('sheet:'.length));
}
