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

// A room on the left (x < 10) and a hall on the right, joined only by a door and its way back.
const ROWS = openRows(30, 12).map((row) => row.slice(0, 10) + '#' + row.slice(11));

function doorWorld(): World {
  const map = adventureMap(ROWS, [
    { id: 1, type: 'spawn', x: 2, y: 2 },
    { id: 2, type: 'door', name: 'to_hall', x: 8, y: 5, props: { to: 'hall_arrival' } },
    { id: 3, type: 'destination', name: 'hall_arrival', x: 20, y: 5 },
    { id: 4, type: 'door', name: 'to_room', x: 22, y: 8, props: { to: 'room_arrival' } },
    { id: 5, type: 'destination', name: 'room_arrival', x: 6, y: 5 },
  ]);
  return new World({ name: 'doors', map, data: shippedData(), seed: 3 });
}

function walkTo(world: World, client: TestClient, x: number, y: number, ticks = 60): void {
  world.walkTo(client.player.id, x, y);
  for (let i = 0; i < ticks; i++) tickAndDeliver(world, [client]);
}

describe('doors', () => {
  it('move a player who stands on the door to its destination, and back through the other door', () => {
    const world = doorWorld();
    const walker = placedClient(world, 'Walker');
    walkTo(world, walker, 8, 5);
    expect({ x: walker.player.x, y: walker.player.y }).toEqual({ x: 20, y: 5 });
    // The client's own view follows the jump.
    const seen = walker.view.entities.get(walker.player.id)!;
    expect({ x: seen.endX, y: seen.endY }).toEqual({ x: 20, y: 5 });
    walkTo(world, walker, 22, 8);
    expect({ x: walker.player.x, y: walker.player.y }).toEqual({ x: 6, y: 5 });
    expect(walker.problems).toEqual([]);
  });

  it('do nothing for a player standing next to the door or walking across it', () => {
    const world = doorWorld();
    const walker = placedClient(world, 'Passer');
    walkTo(world, walker, 7, 5);
    expect({ x: walker.player.x, y: walker.player.y }).toEqual({ x: 7, y: 5 });
    // Walking through the door tile without stopping there does not take the door.
    walkTo(world, walker, 8, 7);
    walkTo(world, walker, 8, 3);
    expect(walker.player.x).toBeLessThan(10);
  });

  it('refuse a door that leads nowhere or into a wall, naming the object', () => {
    const broken =
      (to: string, x = 20): (() => World) =>
      () =>
        new World({
          name: 'broken',
          map: adventureMap(ROWS, [
            { id: 1, type: 'spawn', x: 2, y: 2 },
            { id: 7, type: 'door', name: 'bad', x: 8, y: 5, props: { to } },
            { id: 8, type: 'destination', name: 'wall', x: 10, y: 5 },
            { id: 9, type: 'destination', name: 'fine', x, y: 5 },
          ]),
          data: shippedData(),
          seed: 1,
          mapFile: 'test.tmj',
        });
    expect(broken('nowhere')).toThrow(/object 7 .* leads to "nowhere", but no object has that name/);
    expect(broken('wall')).toThrow(/object 7 .* leads into a wall at \(10, 5\)/);
  });
});
