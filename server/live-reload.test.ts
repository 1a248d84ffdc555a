// Live reload on real files: a saved map is played within a second; a broken one is refused with the
// checker's message and the running map plays on.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyAssets, objectsOf, rect, tinyMap, writeMap } from '../tools/content/fixture-assets.ts';
import { loadContent, type MapContent } from './load-content.ts';
import type { GameData } from '../shared/content/game-data.ts';
import { contentVersion, startLiveReload, type LiveReload } from './live-reload.ts';
import { World } from './sim/world.ts';
import type { Log } from './log.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setUp() {
  const assets = copyAssets();
  cleanups.push(() => rmSync(path.dirname(assets), { recursive: true, force: true }));
  const mapFile = writeMap(assets, tinyMap());
  const { map, data } = loadContent(mapFile, assets);
  const version = contentVersion(mapFile, assets);
  const world = new World({
    name: 'W',
    map,
    data,
    seed: 1,
    mapPath: 'maps/tiny.tmj',
    contentVersion: version,
  });
  const lines: string[] = [];
  const log: Log = {
    info: (l) => void lines.push(`info ${l}`),
    warn: (l) => void lines.push(`warn ${l}`),
    error: (l) => void lines.push(`error ${l}`),
  };
  const reloadable = {
    mapFile,
    replace: (c: MapContent, d: GameData, v: string) => world.replaceContent(c.map, d, c.file, v),
  };
  const live: LiveReload = startLiveReload({
    assetsDir: assets,
    worlds: () => [reloadable],
    log,
    settleMs: 50,
  });
  cleanups.push(() => live.close());
  return { assets, mapFile, world, lines, version };
}

async function until(what: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!what()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live reload', () => {
  it('plays a saved map within a second, with a new content version', async () => {
    const { mapFile, world, version } = setUp();
    expect(world.mobs.size).toBe(2);
    const next = tinyMap();
    objectsOf(next).push(rect(5, 'mobArea', 8, 1, 3, 3, { kind: 'rat', count: 3 }));
    writeFileSync(mapFile, JSON.stringify(next));
    await until(() => world.mobs.size === 5);
    expect(world.contentVersion).not.toBe(version);
    expect(world.contentVersion).toBe(contentVersion(mapFile, path.dirname(path.dirname(mapFile))));
  });

  it('keeps the running map when the saved one is broken, and says why', async () => {
    const { mapFile, world, lines } = setUp();
    const before = world.map;
    const broken = tinyMap();
    objectsOf(broken).push(rect(5, 'mobArea', 8, 1, 3, 3, { kind: 'dragon', count: 3 }));
    writeFileSync(mapFile, JSON.stringify(broken));
    await until(() => lines.some((l) => l.startsWith('error')));
    expect(world.map).toBe(before);
    expect(world.mobs.size).toBe(2);
    const error = lines.find((l) => l.startsWith('error'))!;
    expect(error).toMatch(/kept the running content/);
    expect(error).toMatch(/object 5/);
    expect(error).toMatch(/dragon/);
  });

  it('reloads on a data change too: a mob kind made tougher is what spawns next', async () => {
    const { assets, world } = setUp();
    const mobsFile = path.join(assets, 'data', 'mobs.json');
    const mobs = JSON.parse(readFileSync(mobsFile, 'utf8')) as Record<string, { hp: number }>;
    const hp = mobs.rat!.hp;
    mobs.rat!.hp = hp + 40;
    writeFileSync(mobsFile, JSON.stringify(mobs, null, 2));
    await until(() => [...world.mobs.values()].every((m) => m.kind.hp === hp + 40 && m.hp === hp + 40));
    expect(world.data.mobs.get('rat')!.hp).toBe(hp + 40);
  });
});
