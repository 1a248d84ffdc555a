// `window.__emberquest`: a view of the client for our browser tests and for curious players (read-only but
// for showNotice, showZoneBanner and showLine, which drive the notice, banner and bubble paths for layout
// tests).
import type Phaser from 'phaser';
import type { WorldScene } from './scenes/world.ts';
import { TILE } from './view/constants.ts';
import type { HudScene } from './scenes/hud.ts';
import type { MapHud } from './map/map-hud.ts';
import { setMarks, type MapMark, type MapMarks } from './ui/map-marks.ts';

/** A box in page (CSS) pixels, as getBoundingClientRect gives. */
export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface EmberquestApi {
  state(): {
    connected: boolean;
    playerId: number;
    name: string;
    /** The world we play in (or are moving to, mid-transfer); '' before joining or from an old server. */
    world: string;
    /** The map drawn now, its path under assets/ (`maps/world.tmj`). */
    map: string;
    /** The content version of the drawn map (the welcome's; changes when live reload swaps it). */
    mapVersion: string;
    tile: { x: number; y: number } | null;
    hp: number;
    maxHp: number;
    level: number;
    xp: number;
    weapon: string;
    armor: string;
    dead: boolean;
    /** Every bag slot: its item kind ('' empty) and how many it holds. */
    bag: { item: string; count: number }[];
    /** Every belt slot: its potion kind ('' empty) and how many of it the bag holds. */
    belt: { item: string; count: number }[];
    /** Our party's members (us too), as the server last told it; empty when we are in none. */
    party: { name: string; world: string; level: number; hp: number; maxHp: number; online: boolean }[];
    /** The name of the place the player stands in (its zone's, else the map's), as last announced. */
    zone: string;
    entities: {
      id: number;
      /** player, mob, item, npc or chest */
      type: string;
      /** The data-file kind (mob, item or NPC id); 'player' and 'chest' for those. */
      kind: string;
      name?: string;
      hp?: number;
      tile: { x: number; y: number };
    }[];
    /** Quests taken (done: false) with their progress toward `goal`, then those handed in (done: true). */
    quests: { id: string; progress: number; goal: number; done: boolean }[];
  };
  tileToClient(x: number, y: number): { x: number; y: number };
  /**
   * What the camera shows, in tiles: the centre of the view, where the own character is drawn (its
   * centre, fractional mid-step; null before joining), the area the camera keeps to, and the page's
   * wall clock (Date.now) at the frame that drew it, to compare with the server's timing.
   */
  camera(): {
    centre: { x: number; y: number };
    /** The size of the view. */
    view: { width: number; height: number };
    drawn: { x: number; y: number } | null;
    /** The tile the drawn character last stood on (as the server counts a step: done when complete). */
    reached: { x: number; y: number } | null;
    area: { x: number; y: number; width: number; height: number };
    at: number;
  };
  /** What the pointer is over, what a click would do, and the clicked target. */
  pointer(): { hovered: number | null; target: number | null; action: string };
  /** Where an entity's sprite is drawn on the page. */
  spriteBox(id: number): PageBox | null;
  /** The canvas HUD's bars, gear icons and online count on the page. */
  hudBoxes(): (PageBox & { name: string })[];
  /** Names drawn over the world: page box and how visible each is (0 = hidden in a crowd). */
  labels(): (PageBox & { id: number; type: string; alpha: number })[];
  /** The `!`/`?` marks drawn over NPCs: the NPC's id, the mark, and where it is on the page. */
  questMarks(): { id: number; mark: string; x: number; y: number }[];
  /** Shows a game notice the way a server Notice is shown (log and notice line), for layout tests. */
  showNotice(text: string): void;
  /** Names a place in the zone banner the way entering a zone does, for layout tests. */
  showZoneBanner(title: string): void;
  /** Says a line in a bubble over entity `id` the way an NPC's line is shown, for layout tests. */
  showLine(id: number, text: string): void;
  /** Speech bubbles up now: the speaker, the whole bubble's page box (its tail too), and whether it hangs
   * under the speaker rather than over it. */
  bubbles(): (PageBox & { id: number; below: boolean })[];
  /** What the minimap and the world map show: the window of tiles, its dots, the zones written. */
  maps(): ReturnType<MapHud['view']>;
  /**
   * Puts marks on this page's maps the way the party and quest code do (ui/map-marks.ts), for drawing
   * tests: only what this page draws changes, and the next word from the server replaces them.
   */
  showMarks(kind: keyof MapMarks, marks: MapMark[]): void;
  /** The decoded sounds in Phaser's audio cache: key (`sfx:hit`, `music:village`) → seconds. */
  sounds(): Record<string, number>;
}

declare global {
  interface Window {
    __emberquest?: EmberquestApi;
  }
}

export function exposeTestApi(game: Phaser.Game): void {
  const world = (): WorldScene => game.scene.getScene('world') as WorldScene;
  window.__emberquest = {
    state() {
      const client = world()?.client;
      if (!client) {
        return {
          connected: false,
          playerId: -1,
          name: '',
          world: '',
          map: '',
          mapVersion: '',
          tile: null,
          hp: 0,
          maxHp: 0,
          level: 0,
          xp: 0,
          weapon: '',
          armor: '',
          dead: false,
          bag: [],
          belt: [],
          party: [],
          zone: '',
          entities: [],
          quests: [],
        };
      }
      const stats = client.stats;
      return {
        connected: client.connected,
        playerId: client.selfId,
        name: client.name,
        world: client.world,
        map: world().mapPath,
        mapVersion: world().maps.version,
        tile: client.self ? { ...client.self.motion.tile } : null,
        hp: stats?.hp ?? 0,
        maxHp: stats?.maxHp ?? 0,
        level: stats?.level ?? 0,
        xp: stats?.xp ?? 0,
        weapon: stats?.weapon ?? '',
        armor: stats?.armor ?? '',
        dead: client.dead,
        bag: (client.bag?.slots ?? []).map((s) => ({ ...s })),
        belt: (client.bag?.belt ?? []).map((s) => ({ ...s })),
        party: client.party.map(({ name, world, level, hp, maxHp, online }) => ({
          name,
          world,
          level,
          hp,
          maxHp,
          online,
        })),
        zone: world().mapHud.zone,
        entities: [...client.entities.values()].map(({ seen, motion }) => ({
          id: seen.id,
          type: seen.type,
          // The view calls a player's armor its kind; tests know players by their type alone.
          kind: seen.type === 'player' ? 'player' : seen.kind,
          name: seen.name,
          hp: seen.type === 'mob' ? seen.hp : undefined,
          tile: { ...motion.tile },
        })),
        quests: world().quests.state(),
      };
    },
    tileToClient: (x, y) => world().tileToClient(x, y),
    camera() {
      const scene = world();
      const view = scene.cameras.main.worldView;
      const motion = scene.client?.self?.motion;
      const pos = motion?.position;
      return {
        centre: { x: view.centerX / TILE, y: view.centerY / TILE },
        view: { width: view.width / TILE, height: view.height / TILE },
        drawn: pos ? { x: pos.x + 0.5, y: pos.y + 0.5 } : null,
        reached: motion ? { ...motion.from } : null,
        area: { ...scene.cameraArea },
        at: scene.frameAt,
      };
    },
    pointer() {
      const p = world().pointer;
      return { hovered: p.hovered, target: p.target, action: p.action };
    },
    spriteBox(id) {
      const box = world().views.get(id)?.drawnBox();
      return box ? worldToPage(world(), box) : null;
    },
    hudBoxes() {
      const hud = game.scene.getScene('hud') as HudScene | null;
      const rect = game.canvas.getBoundingClientRect();
      const ratio = rect.width / game.canvas.width;
      return (hud?.boxes() ?? []).map((b) => ({
        name: b.name,
        left: rect.left + b.left * ratio,
        top: rect.top + b.top * ratio,
        right: rect.left + b.right * ratio,
        bottom: rect.top + b.bottom * ratio,
      }));
    },
    showNotice: (text) => world().panels.notice(text),
    showZoneBanner: (title) => world().mapHud.announce(title),
    showLine(id, text) {
      const view = world().views.get(id);
      if (view) world().effects.bubble(id, view.x, view.pileTop, text, 'npc');
    },
    bubbles: () =>
      world()
        .effects.bubbleBoxes()
        .map(({ id, below, ...box }) => ({ id, below, ...worldToPage(world(), box) })),
    questMarks() {
      const scene = world();
      return scene.quests.marks.boxes().map((m) => {
        const box = worldToPage(scene, { left: m.x, right: m.x, top: m.y, bottom: m.y });
        return { id: m.id, mark: m.mark, x: box.left, y: box.top };
      });
    },
    maps: () => world().mapHud.view(),
    showMarks: (kind, marks) => setMarks(kind, marks),
    labels() {
      const out: ReturnType<EmberquestApi['labels']> = [];
      for (const [id, view] of world().views) {
        const l = view.labelBox();
        if (!l) continue;
        const x = view.labelX ?? l.x;
        const y = l.y + view.labelLift;
        const box = { left: x - l.width / 2, right: x + l.width / 2, top: y - l.height, bottom: y };
        out.push({ id, type: view.model.seen.type, alpha: view.labelAlpha, ...worldToPage(world(), box) });
      }
      return out;
    },
    sounds() {
      const cache = game.cache.audio;
      return Object.fromEntries(
        cache.getKeys().map((key) => [key, (cache.get(key) as AudioBuffer | undefined)?.duration ?? 0]),
      );
    },
  };
}

function worldToPage(scene: WorldScene, box: PageBox): PageBox {
  const a = scene.tileToClient(0, 0);
  const cam = scene.cameras.main;
  const rect = scene.game.canvas.getBoundingClientRect();
  const scale = cam.zoom * (rect.width / scene.game.canvas.width);
  // tileToClient gives the centre of tile 0,0, i.e. world point (8, 8).
  const px = (v: number, origin: number) => origin + (v - 8) * scale;
  return {
    left: px(box.left, a.x),
    right: px(box.right, a.x),
    top: px(box.top, a.y),
    bottom: px(box.bottom, a.y),
  };
}
