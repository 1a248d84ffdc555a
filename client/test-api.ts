// `window.__emberquest`: a read-only view of the client for our browser tests and for curious players.
import type Phaser from 'phaser';
import type { WorldScene } from './scenes/world.ts';

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
  };
}
