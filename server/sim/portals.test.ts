import { describe, expect, it } from 'vitest';
import { World } from './world.ts';
import {
  adventureMap,
  openRows,
  placedClient,
  shippedData,
  tickAndDeliver,
  type TestClient,
} from './test-support.ts';

function portalWorld(): World {
  const map = adventureMap(openRows(20, 10), [
    { id: 1, type: 'spawn', x: 2, y: 2 },
    { id: 2, type: 'portal', name: 'to_cave', x: 8, y: 5, props: { map: 'maps/cave.tmj', to: 'arrival' } },
  ]);
  return new World({ name: 'portals', map, data: shippedData(), seed: 3 });
}

function walkTo(world: World, client: TestClient, x: number, y: number, ticks = 60): void {
  world.walkTo(client.player.id, x, y);
  for (let i = 0; i < ticks; i++) tickAndDeliver(world, [client]);
}

describe('portals', () => {
  it('a player who stops on a portal departs once per visit; walking over it does nothing', () => {
    const world = portalWorld();
    const walker = placedClient(world, 'Walker');
    walkTo(world, walker, 12, 5); // across the portal, not stopping on it
    expect(world.departures).toEqual([]);
    walkTo(world, walker, 8, 5);
    expect(world.departures.map((d) => [d.player.name, d.portal.name, d.portal.map])).toEqual([
      ['Walker', 'to_cave', 'maps/cave.tmj'],
    ]);
    world.departures.length = 0;
    // Still standing there (the realm refused: the way was crowded): nothing more is raised.
    for (let i = 0; i < 40; i++) tickAndDeliver(world, [walker]);
    expect(world.departures).toEqual([]);
    // Off and back on: a new visit.
    walkTo(world, walker, 7, 5);
    walkTo(world, walker, 8, 5);
    expect(world.departures).toHaveLength(1);
  });
});
