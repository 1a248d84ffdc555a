// `window.__emberquest`: a read-only view of the client for our browser tests and for curious players.
import type Phaser from 'phaser';
import type { WorldScene } from './scenes/world.ts';
import { TILE } from './view/constants.ts';

export interface EmberquestApi {
  state(): {
    connected: boolean;
    playerId: number;
    name: string;
    tile: { x: number; y: number } | null;
    hp: number;
    maxHp: number;
    level: number;
    xp: number;
    weapon: string;
    armor: string;
    dead: boolean;
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
          tile: null,
          hp: 0,
          maxHp: 0,
          level: 0,
          xp: 0,
          weapon: '',
          armor: '',
          dead: false,
          entities: [],
        };
      }
      const stats = client.stats;
      return {
        connected: client.connected,
        playerId: client.selfId,
        name: client.name,
        tile: client.self ? { ...client.self.motion.tile } : null,
        hp: stats?.hp ?? 0,
        maxHp: stats?.maxHp ?? 0,
        level: stats?.level ?? 0,
        xp: stats?.xp ?? 0,
        weapon: stats?.weapon ?? '',
        armor: stats?.armor ?? '',
        dead: client.dead,
        entities: [...client.entities.values()].map((e) => ({
          id: e.id,
          type: e.type,
          kind: e.kind,
          name: e.name,
          hp: e.type === 'mob' ? e.hp : undefined,
          tile: { ...e.motion.tile },
        })),
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
  };
}
