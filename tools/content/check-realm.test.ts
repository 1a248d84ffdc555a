// The checker and the realm: realm.json read with the server's parser (a bad entry named by index and id),
// every map it names checked, and the portals between maps checked both ways, with or without FILEs.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, mapsToCheck } from './check.ts';
import { copyAssets, objectsOf, rect, tinyMap, writeMap } from './fixture-assets.ts';
import { loadRealm } from './realm-file.ts';

const rel = (f: string): string => path.relative(process.cwd(), f);

function writeRealm(dir: string, worlds: unknown[]): string {
  const file = path.join(dir, 'realm.json');
  writeFileSync(file, JSON.stringify({ start: 'maps/a.tmj', worlds }, null, 2));
  return file;
}

/** A tiny map with a portal (object 5, at the top-right corner) to `map` and a destination `here`. */
function linkedMap(map: string, to: string, here: string): ReturnType<typeof tinyMap> {
  const m = tinyMap();
  objectsOf(m).push(rect(5, 'portal', 11, 0, 1, 1, { map, to }), {
    ...rect(6, 'destination', 9, 0),
    name: here,
  });
  return m;
}

/** An assets copy with maps a and b linked both ways and a realm naming both; `edit` breaks something. */
function realmAssets(
  edit: (a: ReturnType<typeof tinyMap>, b: ReturnType<typeof tinyMap>) => void = () => {},
) {
  const dir = copyAssets();
  const a = linkedMap('maps/b.tmj', 'b_landing', 'a_landing');
  const b = linkedMap('maps/a.tmj', 'a_landing', 'b_landing');
  edit(a, b);
  const files = { a: writeMap(dir, a, 'a.tmj'), b: writeMap(dir, b, 'b.tmj') };
  writeQuests(dir, TINY_QUESTS);
  const realm = writeRealm(dir, [
    { id: 'a-1', title: 'A', map: 'maps/a.tmj', shard: '1' },
    { id: 'b', title: 'B', map: 'maps/b.tmj' },
  ]);
  return { dir, files, realm };
}

/** Quests the tiny maps can hold (an elder, rats, a small potion in a chest). */
const quest = (giver: string, goal: string, target: string, more: Record<string, unknown> = {}) => ({
  ...{ name: target, zone: 'village', giver, goal, target, offer: 'Please?', thanks: 'Thanks!' },
  ...more,
});
const TINY_QUESTS = {
  rats: quest('elder', 'kill', 'rat', { count: 2 }),
  potion: quest('elder', 'bring', 'small_potion', { requires: ['rats'] }),
};

function writeQuests(dir: string, quests: unknown): void {
  writeFileSync(path.join(dir, 'data', 'quests.json'), JSON.stringify(quests, null, 2));
}

describe('checkContent with a realm', () => {
  it('passes the shipped assets: realm.json, every map it names, the other maps, the ferry and the interiors both ways', () => {
    const assets = path.resolve('assets');
    const maps = mapsToCheck({ assetsDir: assets, maps: [] }, loadRealm(assets, [])).map(rel);
    expect(maps).toEqual(
      ['elder-house', 'inn', 'isle', 'lair', 'mines', 'smithy', 'village', 'world'].map(
        (m) => `assets/maps/${m}.tmj`,
      ),
    );
    expect(checkContent({ assetsDir: assets, maps: [] })).toEqual([]);
  });

  it('passes two tiny maps linked both ways, so each case below fails for its own reason', () => {
    const { dir } = realmAssets();
    expect(checkContent({ assetsDir: dir, maps: [] })).toEqual([]);
  });

  it('names a bad realm.json entry by its index and id, with the fix', () => {
    const { dir } = realmAssets();
    const realm = writeRealm(dir, [
      { id: 'a-1', title: 'A', map: 'maps/a.tmj' },
      { id: 'b', title: 'B', map: 'maps/b.tmx' },
    ]);
    expect(checkContent({ assetsDir: dir, maps: [] })).toContainEqual({
      level: 'error',
      file: rel(realm),
      message: expect.stringMatching(
        /^worlds\[1\] \("b"\) needs a "map": the path of a \.tmj file under assets\//,
      ),
    });
  });

  it('names a realm map that is not there against realm.json, by index and id', () => {
    const { dir, realm } = realmAssets();
    writeRealm(dir, [
      { id: 'a-1', title: 'A', map: 'maps/a.tmj' },
      { id: 'b', title: 'B', map: 'maps/b.tmj' },
      { id: 'crypt', title: 'Crypt', map: 'maps/crypt.tmj' },
    ]);
    expect(checkContent({ assetsDir: dir, maps: [] })).toEqual([
      {
        level: 'error',
        file: rel(realm),
        message: expect.stringMatching(/^worlds\[2\] \("crypt"\) plays "maps\/crypt\.tmj", which is missing/),
      },
    ]);
  });

  it('names a broken link (file, object id, the fix) and a map with no way back', () => {
    const { dir, files } = realmAssets((a, b) => {
      objectsOf(b).find((o) => o.id === 6)!.name = 'b_landnig';
      objectsOf(b).splice(4, 1); // b's portal back to a
    });
    expect(checkContent({ assetsDir: dir, maps: [] })).toEqual([
      {
        level: 'error',
        file: rel(files.a),
        message: expect.stringMatching(
          /^portal object 5 \("portal5"\) leads to "b_landing" in .*b\.tmj, but no object there has that name: add a destination point named "b_landing"/,
        ),
      },
      {
        level: 'error',
        file: rel(files.b),
        message: expect.stringMatching(
          /^has no portal back to "maps\/a\.tmj", which portal object 5 \("portal5"\) in .*a\.tmj leads here from/,
        ),
      },
    ]);
  });

  it('with FILEs named, still checks their links against the realm’s other maps, and only theirs', () => {
    const { dir, files } = realmAssets((a, b) => {
      objectsOf(b).find((o) => o.id === 6)!.name = 'b_landnig';
      b.layers.splice(1, 1); // b's own warning (no detail layer): not asked about
    });
    const findings = checkContent({ assetsDir: dir, maps: [files.a] });
    expect(findings).toEqual([
      {
        level: 'error',
        file: rel(files.a),
        message: expect.stringMatching(/^portal object 5 .* "b_landing" .*no object there/),
      },
    ]);
  });

  it('npm run check-content exits 1 on a broken link and prints it under the map’s file', () => {
    const { dir } = realmAssets(
      (a) => (objectsOf(a).find((o) => o.id === 5)!.properties![0]!.value = 'maps/c.tmj'),
    );
    let status = 0;
    let out = '';
    try {
      out = execFileSync(process.execPath, ['--import', 'tsx', 'tools/content/main.ts', '--assets', dir], {
        encoding: 'utf8',
      });
    } catch (err) {
      ({ status, stdout: out } = err as { status: number; stdout: string });
    }
    expect(status).toBe(1);
    expect(out).toMatch(
      /a\.tmj\n {2}error {3}portal object 5 \("portal5"\) leads to map "maps\/c\.tmj", which no world/,
    );
    expect(out).toMatch(/in the data files and 2 map\(s\)/);
  }, 30_000);

  it('names a quest whose NPC, mob, place or item no map of the realm holds, whichever map it is on', () => {
    const { dir } = realmAssets((a) => {
      objectsOf(a).push({ ...rect(7, 'area', 0, 4, 2, 2), name: 'old_well' });
    });
    writeQuests(dir, {
      ...TINY_QUESTS,
      well: quest('elder', 'reach', 'old_well'),
      smith: quest('smith', 'kill', 'wolf', { turnIn: 'guard' }),
      lake: quest('elder', 'reach', 'lake'),
      pelts: quest('elder', 'bring', 'wolf_pelt', { count: 2 }),
      chat: quest('elder', 'talk', 'hermit'),
    });
    const messages = checkContent({ assetsDir: dir, maps: [] }).map((f) => `${f.level} ${f.message}`);
    const file = rel(path.join(dir, 'data', 'quests.json'));
    expect(
      checkContent({ assetsDir: dir, maps: [] }).every((f) => f.file === file),
      messages.join('\n'),
    ).toBe(true);
    expect(messages).toEqual([
      expect.stringMatching(
        /^error "smith" giver: no map of the realm \(.*a\.tmj.*\) has an NPC of kind "smith"/,
      ),
      expect.stringMatching(/^error "smith" turnIn: no map of the realm .* has an NPC of kind "guard"/),
      expect.stringMatching(/^error "smith" target: no map of the realm has a mob area of "wolf"/),
      expect.stringMatching(/^error "lake" target: no map of the realm has an area object named "lake"/),
      expect.stringMatching(/^error "pelts" target: item "wolf_pelt" drops from no mob living on a map/),
      expect.stringMatching(/^error "chat" target: no map of the realm .* has an NPC of kind "hermit"/),
    ]);
  });
});
