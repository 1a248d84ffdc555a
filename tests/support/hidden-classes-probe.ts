// Run by tests/integration/hidden-classes.test.ts under `node --allow-natives-syntax`: builds the shipped
// world with players in it, plays it a while, and prints how many hidden classes (V8 maps) its mobs, its
// players and the saver's per-second copies have. Objects a hot loop reads should share one: a class per
// object makes every read of their fields a slow lookup (a spread followed by new fields did that).
import { loadWorldMap } from '../../server/load-map.ts';
import { World } from '../../server/sim/world.ts';
import { consoleLog } from '../../server/log.ts';
import { Saver } from '../../server/saver.ts';
import { MemoryStore } from '../../server/store/memory-store.ts';
import { placedClient, shippedData, tickTimes } from '../../server/sim/test-support.ts';

const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** How many hidden classes the objects have among them. */
function classes(objects: Iterable<object>): number {
  const seen: object[] = [];
  for (const o of objects) if (!seen.some((s) => sameMap(s, o))) seen.push(o);
  return seen.length;
}

const world = new World({
  name: 'probe',
  map: loadWorldMap('assets/maps/world.tmj'),
  data: shippedData(),
  seed: 7,
});
const clients = Array.from({ length: 12 }, (_, i) => placedClient(world, `Probe${i}`));
tickTimes(world, clients, 200);

const saver = new Saver({ store: new MemoryStore(), log: consoleLog(true), now: () => 0 });
const copies: object[] = [];
for (const c of clients) {
  saver.hold(c.player.name, { owner: 'probe', epoch: 1 });
  saver.keep(c.player);
  copies.push((saver as unknown as { unsaved: Map<string, object> }).unsaved.get(c.player.key)!);
}
console.log(
  JSON.stringify({
    mobs: world.mobs.size,
    mobClasses: classes(world.mobs.values()),
    playerClasses: classes(world.players.values()),
    saveClasses: classes(copies),
  }),
);
