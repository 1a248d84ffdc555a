// `window.__emberquest`: a read-only view of the client for our browser tests and for curious players.
import type Phaser from 'phaser';
import type { WorldScene } from './scenes/world.ts';

export interface EmberquestApi {
  state(): {
    connected: boolean;
    playerId: number;
    name: string;
    tile: { x: number; y: number } | null;
    entities: { id: number; kind: string; name?: string; tile: { x: number; y: number } }[];
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
      if (!client) return { connected: false, playerId: -1, name: '', tile: null, entities: [] };
      return {
        connected: client.connected,
        playerId: client.selfId,
        name: client.name,
        tile: client.self ? { ...client.self.motion.tile } : null,
        entities: [...client.entities.values()].map((e) => ({
          id: e.id,
          kind: e.kind,
          name: e.name,
          tile: { ...e.motion.tile },
        })),
      };
    },
    tileToClient: (x, y) => world().tileToClient(x, y),
  };
}
