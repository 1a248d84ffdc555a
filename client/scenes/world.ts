// The world scene: draws the map and every known entity, turns clicks and keys into walk intents,
// and keeps the camera on the player. The title screen sits over it until the player joins.
import Phaser from 'phaser';
import type { WorldMap } from '../../shared/content/world-map.ts';
import { GameClient } from '../game-client.ts';
import { gameSocketUrl } from '../net/connection.ts';
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
import { Reactions, type Stage } from './world-reactions.ts';
import { Panels } from '../ui/panels.ts';
import type { AchievementInfo } from '../ui/achievements-panel.ts';
import type { AtlasInfo, IconSource } from '../ui/icons.ts';
import { SoundSettings } from '../ui/sound-settings.ts';
import { Audio as GameAudio, trackAt, type SoundEffect } from '../audio/audio.ts';
import type { TileRect } from '../../shared/content/world-map.ts';
import { parseGameData, readDataFiles, type GameData } from '../../shared/content/game-data.ts';
import { mobTable } from '../view/mob-info.ts';
import { WorldPointer } from './world-pointer.ts';
import { placeLabels } from './world-labels.ts';
import { ReconnectStatus } from '../net/reconnect.ts';
import { MapSwitch } from './map-switch.ts';
import { WorldPicker } from '../ui/world-picker.ts';
import { BagUi } from '../ui/bag-ui.ts';
import { PartyUi } from '../ui/party-ui.ts';
import { QuestUi } from './quest-ui.ts';
import type { MapHud } from '../map/map-hud.ts';
import { createMapHud, drawnMap } from './world-maps.ts';
import { WorldCamera } from './world-camera.ts';
import { HudSafeArea } from './hud-safe-area.ts';

export class WorldScene extends Phaser.Scene {
  client!: GameClient;
  /** The map drawn now; a portal to another map replaces it. */
  maps!: MapSwitch;
  /** The title screen's worlds; the player list names worlds by their titles. */
  picker!: WorldPicker;
  readonly views = new Map<number, EntityView>();
  private sheets = new Map<string, SheetInfo>();
  library!: SpriteLibrary;
  audio!: GameAudio;
  private lastTrackTile = '';
  effects!: Effects;
  panels!: Panels;
  /** The bag card and the belt bar. */
  bag!: BagUi;
  /** The party frame, invitations, party chat and the menu a click on a player opens. */
  party!: PartyUi;
  /** The quest panel, offers, NPC marks and quest targets on the map (quest-ui.ts). */
  quests!: QuestUi;
  /** The minimap, the world map and the zone banner. */
  mapHud!: MapHud;
  /** Sounds and effects for what happens; a fresh one for every join, so no old character's state lingers. */
  private reactions!: Reactions;
  private marker!: Phaser.GameObjects.Sprite;
  pointer!: WorldPointer;
  private camera!: WorldCamera;
  /** Where the HUD lies over the world: names keep out from under it. */
  private safeArea!: HudSafeArea;
  private lastTime = -1;
  /** Wall clock (Date.now) of the latest frame, for tests comparing what is drawn with the server. */
  frameAt = 0;
  private title!: TitleScreen;
  private overlay!: DisconnectOverlay;
  private reconnecting!: ReconnectingNotice;
  private input2!: WalkInput;
  private zoom = 2;

  constructor() {
    super('world');
  }

  /** The area the camera keeps to now, in tiles (the maps and tests read it). */
  get cameraArea(): TileRect {
    return this.camera.area;
  }

  get worldMap(): WorldMap {
    return this.maps.drawing.worldMap;
  }

  /** The map drawn now, a path under assets/. */
  get mapPath(): string {
    return this.maps.drawing.path;
  }

  create(): void {
    const data = this.readGameData();
    this.maps = new MapSwitch(
      this,
      this.registry.get('mapPath') as string,
      data,
      () => {
        this.client.setGrid(this.worldMap.grid);
        this.lastTrackTile = '';
        this.camera.forget();
        this.marker.setVisible(false);
        this.quests?.mapChanged();
        this.mapHud.setMap(drawnMap(this, this.maps.drawing));
      },
      (message) => this.panels.notice(message),
    );
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
    this.audio.holdLoads(); // until the player is in the game (issue 17: a light first load)
    this.audio.setTrack('title');
    this.game.events.on('sound', (effect: SoundEffect) => this.audio.play(effect));
    const soundCard = new SoundSettings(this.audio, (on) => this.game.events.emit('sound-state', on));
    this.game.events.on('toggle-sound', () => soundCard.toggle());
    this.marker = this.add.sprite(0, 0, 'marker', 0).setOrigin(0, 0).setVisible(false).setDepth(999);
    this.marker.play('marker:pulse');

    this.client = new GameClient(this.worldMap.grid, (world) => gameSocketUrl(world), {
      joined: (_self, _world, map, version) => {
        // Joined a world of another map than the one drawn (a reload after a portal): draw that one. The
        // same map in a new version (live reload swapped it on the server): fetch it again and redraw.
        if (map && (map !== this.mapPath || this.maps.outdated(version))) void this.showMap(map, version);
        this.reactions = new Reactions(this.stage());
        // A second after the own character stands in the world (the player can walk): the first frames
        // of play and the zone's tune (not the title's) come first, then the sound files download while
        // the player walks. (Page timers: this scene's Phaser clock did not fire here in headless Chromium.)
        const soundsAfterSpawn = (tries: number): void => {
          if (this.client.self || tries <= 0) setTimeout(() => this.audio.releaseLoads(), 1000);
          else setTimeout(() => soundsAfterSpawn(tries - 1), 100);
        };
        soundsAfterSpawn(300);
        this.title.hide();
        this.overlay.hide();
        this.reconnecting.hide();
        if (!this.scene.isActive('hud')) this.scene.launch('hud');
        this.panels.setPlaying(true);
      },
      closed: (message, _code, wasPlaying) => {
        this.reconnecting.hide();
        this.clearViews();
        this.party.clear();
        this.panels.setPlaying(false);
        this.quests.reset();
        if (wasPlaying) this.overlay.show(message);
        else this.title.show(message);
      },
      transferring: (_world, map) => {
        this.audio.play('door');
        // The server has moved the character already: if the new map cannot be drawn here, a fresh page
        // (which loads the map the character is on) is the way on, not playing blind on the old one.
        void this.showMap(map).then((drawn) => (drawn ? this.client.arrive() : location.reload()));
      },
      reconnecting: (message, delayMs) => this.reconnecting.show(message, delayMs),
      token: (name, token) => saveCharacter({ name, token }),
      notice: (text) => this.panels.notice(text),
      happened: (event) => {
        this.reactions.react(event);
        this.bag.react(event);
        if (event.type === 'partyInvite') this.audio.play('chat');
        if (!this.party.react(event)) this.reactions.react(event);
        this.quests.react(event);
      },
      teleported: () => this.audio.play('door'),
    });
    this.panels = new Panels({
      say: (text) => this.client.chat(text),
      who: () => this.client.who(),
      worldTitle: (id) => this.picker.titleOf(id),
      invite: (name) => this.client.invite(name),
      here: () => ({ world: this.client.world, name: this.client.name }),
      respawn: () => this.client.respawn(),
      toggleSound: () => this.game.events.emit('toggle-sound'),
      onSoundState: (listener) => this.game.events.on('sound-state', listener),
      mob: mobs,
      toggleBag: () => this.bag.panel.toggle(),
      achievements: this.cache.json.get('data:achievements') as AchievementInfo[],
      ui: this.iconSource('ui'),
    });
    this.bag = new BagUi(this.client, data?.items ?? new Map(), this.iconSource('items'), () =>
      document.getElementById('btn-bag')!.click(),
    );
    this.party = new PartyUi({
      client: this.client,
      openChat: (text) => this.panels.openChat(text),
      chatLog: (speaker, text, kind) => this.panels.chatLog(speaker, text, kind),
      worldTitle: (id) => this.picker.titleOf(id),
    });
    this.quests = new QuestUi(this, {
      data: this.readGameData(),
      client: this.client,
      npcName: (kind) => this.library.npcName(kind),
      map: () => ({ path: this.mapPath, objects: this.worldMap.objects }),
      ui: {
        url: 'assets/sprites/ui.png',
        info: this.cache.json.get('atlas:ui') as AtlasInfo,
        imageWidth: this.textures.get('atlas:ui').getSourceImage().width,
      },
      resolution: this.zoom,
    });
    this.reactions = new Reactions(this.stage());
    this.game.events.emit('sound-state', this.audio.soundOn || this.audio.musicOn);
    this.picker = new WorldPicker();
    this.mapHud = createMapHud(this);
    this.mapHud.setMap(drawnMap(this, this.maps.drawing));
    this.title = createTitleScreen(this.picker, (name, token, world) => {
      this.title.busy(true);
      this.client.join(name, token, world);
    });
    this.overlay = createDisconnectOverlay(() => {
      this.overlay.hide();
      this.client.join(this.client.name, this.client.token, this.client.world);
    });
    this.reconnecting = createReconnectingNotice(new ReconnectStatus());
    this.pointer = new WorldPointer(this, {
      client: this.client,
      views: this.views,
      mob: (kind) => this.library.mob(kind),
    });
    this.input2 = new WalkInput(
      this,
      this.client,
      (tile) => this.showMarker(tile),
      (x, y) => this.pointer.pick(x, y),
      (x, y, pageX, pageY) => {
        const name = this.pointer.playerAt(x, y);
        if (name) this.party.openMenu(name, pageX, pageY);
        return name !== null;
      },
    );

    this.cameras.main.setRoundPixels(true);
    this.camera = new WorldCamera(this, this.worldMap.spawns[0]!.area);
    this.safeArea = new HudSafeArea(this);
    this.fitToWindow();
    this.scale.on('resize', () => this.fitToWindow());
    hideLoading();
    this.title.show();
  }

  /** Draws another map in place; the player's input waits until it is drawn. */
  private showMap(map: string, version?: string): Promise<boolean> {
    this.client.held = true;
    return this.maps.show(map, version).finally(() => (this.client.held = this.maps.busy));
  }

  override update(time: number): void {
    // Real time, not Phaser's delta: that one is smoothed, capped at 200 ms and, for the first 120 frames
    // after start or a tab's return, capped at 16.7 ms, so a slow machine's characters (ours too) fell
    // behind the server's.
    const ms = this.lastTime < 0 ? 0 : Math.max(0, time - this.lastTime);
    this.lastTime = time;
    this.frameAt = Date.now();
    this.maps.drawing.tileAnimations.update(time);
    // Steering first, so the steps it queues are walked in this frame's time, not after it.
    if (this.client.connected && !this.client.dead && !this.client.held) this.input2.update(ms);
    this.client.update(ms);
    this.syncViews();
    this.pointer.update(this.client.connected && !this.client.dead);
    this.panels.target.show(this.client.connected ? this.pointer.shown() : null);
    placeLabels(this.views, {
      selfId: this.client.selfId,
      me: this.client.self?.motion.position,
      view: this.cameras.main.worldView,
      hovered: this.pointer.hovered,
      target: this.pointer.target,
      hud: this.safeArea.inWorld(time),
    });
    this.quests.marks.update(this.views, this.client.npcMarks, time);
    this.effects.follow(this.views, this.safeArea.inWorld(time, 'bubbles'), this.cameras.main.worldView);
    const self = this.views.get(this.client.selfId);
    this.updateMusic();
    this.camera.update(ms, this.client.self ?? null, {
      bounds: this.maps.drawing.bounds,
      width: this.worldMap.width,
      height: this.worldMap.height,
    });
    this.mapHud.update(time);
    // The walk's end marker goes once the player stands still.
    if (self) {
      if (!self.model.motion.moving) this.marker.setVisible(false);
    } else if (!this.client.connected) {
      this.camera.drift(this.time.now);
    }
  }

  /** The zone's tune where the player stands, the title tune on the title screen. */
  private updateMusic(): void {
    const tile = this.client.self?.motion.tile;
    const key = tile ? `${tile.x},${tile.y}` : 'title';
    if (key === this.lastTrackTile) return;
    this.lastTrackTile = key;
    this.audio.setTrack(tile ? trackAt(this.maps.drawing.music, tile.x, tile.y, 'village') : 'title');
  }

  /** One of the sprite atlases (assets/sprites/<name>.png), for icons in the DOM. */
  private iconSource(name: 'ui' | 'items'): IconSource {
    return {
      url: `assets/sprites/${name}.png`,
      info: this.cache.json.get(`atlas:${name}`) as AtlasInfo,
      imageWidth: this.textures.get(`atlas:${name}`).getSourceImage().width,
    };
  }

  private readGameData(): GameData | null {
    try {
      return parseGameData(readDataFiles((n) => this.cache.json.get(`data:${n}`) as unknown));
    } catch (err) {
      console.warn('The data files fail their check; maps are drawn without placements:', err);
      return null;
    }
  }

  /** Page coordinates of a tile's centre (for tests and tools). */
  tileToClient(x: number, y: number): { x: number; y: number } {
    return this.camera.tileToClient(x, y);
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

  /** The narrow part of the scene that reactions use. */
  private stage(): Stage {
    return {
      selfId: () => this.client.selfId,
      entity: (id) => this.client.entities.get(id)?.seen,
      drawn: (id) => this.views.get(id),
      dropDrawn: (id) => this.dropView(id),
      effects: this.effects,
      sound: (effect) => this.game.events.emit('sound', effect),
      panels: this.panels,
      npcName: (kind) => this.library.npcName(kind),
    };
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
    this.quests?.marks.setResolution(this.zoom);
  }
}
