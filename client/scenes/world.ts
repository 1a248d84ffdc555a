// The world scene: draws the map and every known entity, turns clicks and keys into walk intents,
// and keeps the camera on the player. The title screen sits over it until the player joins.
import Phaser from 'phaser';
import { parseWorldMap, type WorldMap } from '../../shared/content/world-map.ts';
import type { TiledMap } from '../../shared/content/tiled-types.ts';
import { GameClient } from '../game-client.ts';
import { gameSocketUrl } from '../net/connection.ts';
import { splitForDrawing } from '../view/map-layers.ts';
import { TileAnimations } from '../view/tile-animations.ts';
import { createAnimations, type SheetInfo } from '../view/sprite-sheets.ts';
import { EntityView, type SpriteLibrary } from '../view/entity-view.ts';
import { Effects } from '../view/effects.ts';
import { TILE, zoomFor } from '../view/constants.ts';
import { WalkInput } from '../input/walk-input.ts';
import { createTitleScreen, type TitleScreen } from '../ui/title.ts';
import {
  createDisconnectOverlay,
  createReconnectingNotice,
  type DisconnectOverlay,
  type ReconnectingNotice,
} from '../ui/overlay.ts';
import { saveCharacter } from '../net/saved-character.ts';
import { hideLoading } from '../ui/loading.ts';
import { loadedSheets, type Atlas } from './preload.ts';
import { react } from './world-reactions.ts';
import { Panels } from '../ui/panels.ts';
import { SoundSettings } from '../ui/sound-settings.ts';
import { Audio as GameAudio, trackAt, type MusicArea, type SoundEffect } from '../audio/audio.ts';
import { parsePlacements } from '../../shared/content/placements.ts';
import { parseGameData, type DataFiles } from '../../shared/content/game-data.ts';
import { mobTable } from '../view/mob-info.ts';
import { WorldPointer } from './world-pointer.ts';
import { placeLabels } from './world-labels.ts';
import { ReconnectStatus } from '../net/reconnect.ts';

export class WorldScene extends Phaser.Scene {
  client!: GameClient;
  worldMap!: WorldMap;
  readonly views = new Map<number, EntityView>();
  private sheets = new Map<string, SheetInfo>();
  library!: SpriteLibrary;
  audio!: GameAudio;
  private tileAnimations!: TileAnimations;
  private music: MusicArea[] = [];
  private lastTrackTile = '';
  effects!: Effects;
  panels!: Panels;
  private marker!: Phaser.GameObjects.Sprite;
  pointer!: WorldPointer;
  private follow = { x: 0, y: 0 };
  private title!: TitleScreen;
  private overlay!: DisconnectOverlay;
  private reconnecting!: ReconnectingNotice;
  private input2!: WalkInput;
  private zoom = 2;

  constructor() {
    super('world');
  }

  create(): void {
    const source = this.cache.json.get('map') as TiledMap;
    this.worldMap = parseWorldMap(source, 'map');
    this.drawMap(source);
    for (const sheet of loadedSheets(this)) {
      const info = this.cache.json.get(`sheet:${sheet}`) as SheetInfo;
      if (!this.textures.exists(sheet)) continue;
      this.sheets.set(sheet, info);
      createAnimations(this, sheet, info);
    }
    const npcs = this.cache.json.get('data:npcs') as Record<string, { name: string }>;
    const mobs = mobTable(this.cache.json.get('data:mobs'));
    this.library = {
      sheet: (key) => this.sheets.get(key),
      atlas: (name) => this.cache.json.get(`atlas:${name}`) as Atlas | undefined,
      npcName: (kind) => npcs[kind]?.name ?? kind,
      mob: mobs,
      playerLevel: () => this.client.stats?.level ?? 1,
    };
    this.effects = new Effects(this, this.zoom);
    this.audio = new GameAudio(this);
    this.music = this.musicAreas();
    this.audio.setTrack('title');
    this.game.events.on('sound', (effect: SoundEffect) => this.audio.play(effect));
    const soundCard = new SoundSettings(this.audio, (on) => this.game.events.emit('sound-state', on));
    this.game.events.on('toggle-sound', () => soundCard.toggle());
    this.marker = this.add.sprite(0, 0, 'marker', 0).setOrigin(0, 0).setVisible(false).setDepth(999);
    this.marker.play('marker:pulse');

    this.client = new GameClient(this.worldMap.grid, gameSocketUrl(), {
      joined: () => {
        this.title.hide();
        this.overlay.hide();
        this.reconnecting.hide();
        if (!this.scene.isActive('hud')) this.scene.launch('hud');
        this.panels.setPlaying(true);
      },
      closed: (message, _code, wasPlaying) => {
        this.reconnecting.hide();
        this.clearViews();
        this.panels.setPlaying(false);
        if (wasPlaying) this.overlay.show(message);
        else this.title.show(message);
      },
      reconnecting: (message, delayMs) => this.reconnecting.show(message, delayMs),
      token: (name, token) => saveCharacter({ name, token }),
      notice: (text) => {
        this.panels.notice(text);
        if (text.startsWith('The chest')) this.audio.play('chest');
      },
      happened: (event, client) => react(this, event, client),
      teleported: () => this.audio.play('door'),
    });
    this.panels = new Panels(this);
    this.game.events.emit('sound-state', this.audio.soundOn || this.audio.musicOn);
    this.title = createTitleScreen((name, token) => {
      this.title.busy(true);
      this.client.join(name, token);
    });
    this.overlay = createDisconnectOverlay(() => {
      this.overlay.hide();
      this.client.join(this.client.name, this.client.token);
    });
    this.reconnecting = createReconnectingNotice(new ReconnectStatus());
    this.pointer = new WorldPointer(this);
    this.input2 = new WalkInput(
      this,
      this.client,
      (tile) => this.showMarker(tile),
      (x, y) => this.pointer.pick(x, y),
    );

    const cam = this.cameras.main;
    cam.setBounds(0, 0, this.worldMap.width * TILE, this.worldMap.height * TILE);
    cam.setRoundPixels(true);
    const spawn = this.worldMap.spawns[0]!.area;
    this.follow.x = (spawn.x + spawn.width / 2) * TILE;
    this.follow.y = (spawn.y + spawn.height / 2) * TILE;
    cam.startFollow(this.follow, true, 0.15, 0.15);
    this.fitToWindow();
    this.scale.on('resize', () => this.fitToWindow());
    hideLoading();
    this.title.show();
  }

  override update(time: number, delta: number): void {
    const ms = Math.min(delta, 250);
    this.tileAnimations.update(time);
    this.client.update(ms);
    if (this.client.connected && !this.client.dead) this.input2.update();
    this.syncViews();
    this.pointer.update(this.client.connected && !this.client.dead);
    this.panels.target.show(this.client.connected ? this.pointer.shown() : null);
    placeLabels(this);
    this.effects.follow((id) => {
      const view = this.views.get(id);
      return view ? { x: view.x, y: view.pileTop } : null;
    });
    const self = this.views.get(this.client.selfId);
    this.updateMusic();
    if (self) {
      const pos = self.model.motion.position;
      this.follow.x = pos.x * TILE + TILE / 2;
      this.follow.y = pos.y * TILE + TILE / 2;
      const dest = self.model.motion.destination;
      if (
        !self.model.motion.moving ||
        (dest.x === self.model.motion.to.x && dest.y === self.model.motion.to.y)
      ) {
        if (!self.model.motion.moving) this.marker.setVisible(false);
      }
    } else if (!this.client.connected) {
      // On the title screen the camera drifts slowly over the village.
      this.follow.x += Math.sin(this.time.now / 4000) * 0.25;
    }
  }

  /** The zone's tune where the player stands, the title tune on the title screen. */
  private updateMusic(): void {
    const tile = this.client.self?.motion.tile;
    const key = tile ? `${tile.x},${tile.y}` : 'title';
    if (key === this.lastTrackTile) return;
    this.lastTrackTile = key;
    this.audio.setTrack(tile ? trackAt(this.music, tile.x, tile.y, 'village') : 'title');
  }

  /** Music areas of the map; a map that fails the full check still plays (the server reports it). */
  private musicAreas(): MusicArea[] {
    try {
      const files = Object.fromEntries(
        ['items', 'mobs', 'npcs', 'achievements'].map((n) => [n, this.cache.json.get(`data:${n}`)]),
      ) as unknown as DataFiles;
      return parsePlacements(this.worldMap, parseGameData(files), 'map').music;
    } catch (err) {
      console.warn('No music areas:', err);
      return [];
    }
  }

  /** Page coordinates of a tile's centre (for tests and tools). */
  tileToClient(x: number, y: number): { x: number; y: number } {
    const cam = this.cameras.main;
    const rect = this.game.canvas.getBoundingClientRect();
    const ratio = rect.width / this.game.canvas.width;
    return {
      x: rect.left + (x * TILE + TILE / 2 - cam.worldView.x) * cam.zoom * ratio,
      y: rect.top + (y * TILE + TILE / 2 - cam.worldView.y) * cam.zoom * ratio,
    };
  }

  private drawMap(source: TiledMap): void {
    const split = splitForDrawing(source);
    this.cache.tilemap.add('map', { format: Phaser.Tilemaps.Formats.TILED_JSON, data: split.map });
    const map = this.make.tilemap({ key: 'map' });
    const tilesets = source.tilesets.flatMap((ts) => {
      const added = ts.name ? map.addTilesetImage(ts.name, `tiles:${ts.name}`) : null;
      return added ? [added] : [];
    });
    const layers = split.layers.flatMap((layer, i) => {
      const made = map.createLayer(layer.name, tilesets, 0, 0)?.setDepth(layer.above ? 200000 + i : i);
      return made ? [made] : [];
    });
    this.tileAnimations = new TileAnimations(source.tilesets, layers);
  }

  private syncViews(): void {
    for (const [id, view] of this.views) {
      if (this.client.entities.get(id) !== view.model) {
        view.destroy();
        this.views.delete(id);
      }
    }
    const clock = this.client.clock;
    for (const [id, model] of this.client.entities) {
      let view = this.views.get(id);
      if (!view) {
        view = new EntityView(this, model, this.library, id === this.client.selfId, this.zoom);
        this.views.set(id, view);
      }
      view.update(clock);
    }
  }

  /** Takes a dead entity's view out of the world and lets it play its death. */
  dropView(id: number): EntityView | undefined {
    const view = this.views.get(id);
    if (view) this.views.delete(id);
    return view;
  }

  private clearViews(): void {
    for (const view of this.views.values()) view.destroy();
    this.views.clear();
    this.marker.setVisible(false);
  }

  private showMarker(tile: { x: number; y: number }): void {
    this.marker.setPosition(tile.x * TILE, tile.y * TILE).setVisible(true);
  }

  private fitToWindow(): void {
    this.zoom = zoomFor(this.scale.width, this.scale.height);
    this.cameras.main.setZoom(this.zoom);
    for (const view of this.views.values()) view.setTextResolution(this.zoom);
    this.effects?.setResolution(this.zoom);
  }
}
