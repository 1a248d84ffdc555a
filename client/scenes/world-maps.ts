// The world scene's minimap, world map and zone banner (map/map-hud.ts): what they read of the scene.
import { MapHud, type DrawnMap } from '../map/map-hud.ts';
import { paintDrawnMap } from './map-colours.ts';
import type { MapDrawing } from './map-drawing.ts';
import type Phaser from 'phaser';
import type { GameClient } from '../game-client.ts';
import type { TileRect } from '../../shared/content/world-map.ts';

/** What the maps read of the world scene (narrow, so this helper never imports the scene). */
export interface MapsScene extends Phaser.Scene {
  client: GameClient;
  cameraArea: TileRect;
  picker: { titleOf(world: string): string };
  maps: { drawing: MapDrawing };
}

/** The drawn map as the minimap and world map read it. */
export function drawnMap(scene: MapsScene, drawing: MapDrawing): DrawnMap {
  return {
    path: drawing.path,
    width: drawing.worldMap.width,
    height: drawing.worldMap.height,
    zones: drawing.zones,
    title: drawing.worldMap.title,
    paint: () => paintDrawnMap(scene, drawing.path, drawing.source),
  };
}

/** The maps of the scene's HUD, following the scene's own character, players in sight and camera area. */
export function createMapHud(scene: MapsScene): MapHud {
  const hud = new MapHud(document.getElementById('hud-dom')!, {
    self: () => {
      const client = scene.client;
      // Mid-switch the character still stands on the old map: nothing to reveal on the new one.
      const me = client.held || client.transferring ? undefined : client.self;
      return me ? { tile: me.motion.tile, position: me.motion.position, name: client.name } : null;
    },
    players: () =>
      [...scene.client.entities.values()]
        .filter((e) => e.seen.type === 'player' && e.seen.id !== scene.client.selfId)
        .map((e) => ({ ...e.motion.position, label: e.seen.name ?? '' })),
    area: () => scene.cameraArea,
    fallbackTitle: () => scene.picker.titleOf(scene.client.world),
  });
  hud.setMap(drawnMap(scene, scene.maps.drawing));
  return hud;
}
