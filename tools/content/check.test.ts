// The checker names each way content breaks silently: a broken copy of the assets per case, and the
// finding (level, file, what and the fix) the modder would read.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../shared/content/world-map.ts';
import { loadContent } from '../../server/load-content.ts';
import { checkContent, type Finding } from './check.ts';
import { copyAssets, objectsOf, rect, ROCK, tileLayer, tinyMap, writeMap } from './fixture-assets.ts';

const rel = (f: string): string => path.relative(process.cwd(), f);

function check(assetsDir: string, maps: string[] = []): Finding[] {
  return checkContent({ assetsDir, maps });
}

/** The findings for a tiny map after `breakIt` changed it (in a fresh assets copy). */
function mapFindings(breakIt: (map: ReturnType<typeof tinyMap>) => void): {
  findings: Finding[];
  file: string;
} {
  const dir = copyAssets();
  const map = tinyMap();
  breakIt(map);
  const file = writeMap(dir, map);
  return { findings: check(dir, [file]), file: rel(file) };
}

function editJson(file: string, edit: (json: Record<string, Record<string, unknown>>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
}

describe('checkContent on the shipped content', () => {
  it('finds no errors and no warnings in assets/ and every map in it', () => {
    expect(check(path.resolve('assets'))).toEqual([]);
  });

  it('passes the tiny fixture map as it is, so each case below fails for its own reason', () => {
    const { findings } = mapFindings(() => {});
    expect(findings).toEqual([]);
  });
});

describe('checkContent names silent breakage in maps', () => {
  it('a missing tileset image, with the path it looked for', () => {
    const { findings, file } = mapFindings((m) => (m.tilesets[0]!.image = 'terrian.png'));
    expect(findings).toContainEqual({
      level: 'error',
      file,
      message: expect.stringMatching(
        /tileset "terrain" names the image "terrian.png", which is not there.*Tileset Properties/,
      ),
    });
  });

  it('a deleted ground or detail layer (a warning: the map still loads)', () => {
    const { findings, file } = mapFindings((m) => m.layers.splice(0, 2, tileLayer(9, 'grass', 1)));
    expect(findings.map((f) => [f.level, f.file, f.message.slice(0, 36)])).toEqual([
      ['warning', file, 'has no tile layer named "ground" (gr'],
      ['warning', file, 'has no tile layer named "detail" (wa'],
    ]);
  });

  it('a layer hidden in Tiled that still collides (invisible walls), but not a hidden "collision" layer', () => {
    const { findings, file } = mapFindings((m) => {
      const walls = tileLayer(7, 'rocks');
      walls.data = (walls.data as number[]).map((_, i) => (i === 30 || i === 31 ? ROCK : 0));
      walls.visible = false;
      const collision = tileLayer(8, 'collision');
      (collision.data as number[])[40] = 1;
      collision.visible = false;
      m.layers.push(walls, collision);
    });
    expect(findings).toEqual([
      {
        level: 'warning',
        file,
        message: expect.stringMatching(
          /^layer "rocks" \(id 7\) is hidden in Tiled but 2 of its tiles still block walking.*name it "collision"/,
        ),
      },
    ]);
  });

  it.each([
    [
      'a polygon',
      {
        polygon: [
          { x: 0, y: 0 },
          { x: 32, y: 0 },
          { x: 0, y: 32 },
        ],
      },
      'a polygon',
    ],
    ['an ellipse', { ellipse: true }, 'an ellipse'],
  ])('a mob area drawn as %s (its mobs would stack on one tile)', (_, shape, named) => {
    const { findings, file } = mapFindings((m) => Object.assign(objectsOf(m)[1]!, shape));
    expect(findings).toContainEqual({
      level: 'error',
      file,
      message: `object 2 ("mobArea2", mobArea) in layer "objects" is ${named}, which the game cannot read as an area (it would cover one tile): draw a rectangle (or a point for one tile) instead`,
    });
  });

  it.each([
    ['count', 1, true, /object 2 \("mobArea2", mobArea\) has count true: make "count" an int property/],
    [
      'count',
      1,
      'many',
      /has count "many" \(text\): make "count" an int property holding a whole number from 1 to 200$/,
    ],
    [
      'respawnSeconds',
      3,
      'soon',
      /object 4 \("chest4", chest\) has respawnSeconds "soon" \(text\): make "respawnSeconds" an int/,
    ],
    ['respawnSeconds', 3, -30, /object 4 .* has respawnSeconds -30: .* from 1 to 86400/],
  ])('a property of the wrong type or range: %s of objects[%i] = %j', (name, index, value, message) => {
    const { findings, file } = mapFindings((m) => {
      const prop = objectsOf(m)[index as number]!.properties!.find((p) => p.name === name)!;
      prop.value = value;
      prop.type = typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'bool' : 'int';
    });
    expect(findings).toEqual([{ level: 'error', file, message: expect.stringMatching(message) }]);
    expect(findings[0]!.message).not.toContain('NaN');
  });

  it('a bool property saved as text ("above": "true" draws nothing above)', () => {
    const { findings, file } = mapFindings((m) => {
      m.layers[1]!.properties = [{ name: 'above', type: 'string', value: 'true' }];
    });
    expect(findings).toEqual([
      {
        level: 'error',
        file,
        message: expect.stringMatching(
          /^layer "detail" \(id 2\) has property "above" = "true" of type string.*as a bool property/,
        ),
      },
    ]);
  });

  it('a map saved as .tmx says to save it as JSON .tmj, not "Unexpected token <"', () => {
    const dir = copyAssets();
    const file = writeMap(
      dir,
      '<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.8"></map>\n',
      'tiny.tmx',
    );
    const findings = check(dir);
    expect(findings).toEqual([
      { level: 'error', file: rel(file), message: expect.stringMatching(/is XML .* save it as \.tmj$/) },
    ]);
    expect(findings[0]!.message).not.toMatch(/Unexpected token/);
  });

  it('an unknown music track lists the known ones', () => {
    const { findings, file } = mapFindings((m) =>
      objectsOf(m).push(rect(9, 'music', 0, 0, 12, 10, { track: 'vilage' })),
    );
    expect(findings).toEqual([
      {
        level: 'error',
        file,
        message: expect.stringMatching(
          /^object 9 \("music9", music\) has track "vilage", which is not in music\.json \(known: title, village,.*add the tune to assets\/data\/music\.json$/,
        ),
      },
    ]);
  });

  it('an unknown object class lists the known ones', () => {
    const { findings } = mapFindings((m) => objectsOf(m).push(rect(9, 'dor', 3, 3)));
    expect(findings[0]!.message).toMatch(
      /object 9 \("dor9", dor\) has an unknown class; known classes: spawn, /,
    );
  });
});

describe('checkContent names silent breakage in data and art', () => {
  it.each([
    [
      'npcs/elder.png',
      /assets\/sprites\/npcs\/elder\.png is missing: NPC "elder" \(npcs\.json\) would be invisible but still block its tile/,
    ],
    ['mobs/rat.json', /mobs\/rat\.json is missing: mob "rat"/],
    ['weapons/axe.png', /weapons\/axe\.png is missing: weapon "axe" would be an empty hand/],
    ['armor/plate.png', /armor\/plate\.png is missing: armour "plate"/],
  ])('a missing sprite sheet: %s', (sprite, message) => {
    const dir = copyAssets();
    rmSync(path.join(dir, 'sprites', sprite));
    const findings = check(dir, []);
    expect(findings).toEqual([
      { level: 'error', file: expect.stringMatching(/assets$/), message: expect.stringMatching(message) },
    ]);
  });

  it('a missing atlas icon for an item', () => {
    const dir = copyAssets();
    editJson(path.join(dir, 'sprites/items.json'), (j) => delete j.frames!.ember_potion);
    expect(check(dir)).toEqual([
      {
        level: 'error',
        file: expect.stringMatching(/assets$/),
        message: expect.stringMatching(
          /items\.json has no icon for item "ember_potion", so it is never drawn: paint one/,
        ),
      },
    ]);
  });

  it('a listed music track without its file', () => {
    const dir = copyAssets();
    editJson(path.join(dir, 'data/music.json'), (j) => (j.harbour = { name: 'Harbour' }));
    expect(check(dir)).toEqual([
      {
        level: 'error',
        file: expect.stringMatching(/assets$/),
        message: expect.stringMatching(
          /^assets\/audio\/music\/harbour\.mp3 or assets\/audio\/music\/harbour\.wav is missing: music track "harbour" \(music\.json\) would play silence/,
        ),
      },
    ]);
  });

  it("a music track with a WAV and no MP3 (a modder's own tune) is fine: the game plays the WAV", () => {
    const dir = copyAssets();
    const shipped = path.resolve('assets/audio/music');
    rmSync(path.join(dir, 'audio'));
    mkdirSync(path.join(dir, 'audio/music'), { recursive: true });
    for (const f of readdirSync(shipped).filter((f) => f.endsWith('.wav')))
      symlinkSync(path.join(shipped, f), path.join(dir, 'audio/music', f));
    symlinkSync(path.join(shipped, 'coast.wav'), path.join(dir, 'audio/music/harbour.wav'));
    editJson(path.join(dir, 'data/music.json'), (j) => (j.harbour = { name: 'Harbour' }));
    expect(check(dir)).toEqual([]);
  });

  it('a WAV changed since npm run audio made the MP3 beside it is a warning: the game plays the old MP3', () => {
    const dir = copyAssets();
    const shipped = path.resolve('assets/audio');
    rmSync(path.join(dir, 'audio'));
    for (const folder of ['sfx', 'music']) {
      mkdirSync(path.join(dir, 'audio', folder), { recursive: true });
      for (const f of readdirSync(path.join(shipped, folder)))
        symlinkSync(path.join(shipped, folder, f), path.join(dir, 'audio', folder, f));
    }
    cpSync(path.resolve('assets/generated.json'), path.join(dir, 'generated.json'));
    expect(check(dir)).toEqual([]);
    rmSync(path.join(dir, 'audio/sfx/hit.wav'));
    cpSync(path.join(shipped, 'sfx/kill.wav'), path.join(dir, 'audio/sfx/hit.wav')); // my own hit
    expect(check(dir)).toEqual([
      {
        level: 'warning',
        file: expect.stringMatching(/data$/),
        message:
          'assets/audio/sfx/hit.wav was changed since npm run audio made hit.mp3 from it, and the game plays ' +
          'the MP3: delete assets/audio/sfx/hit.mp3 to play your WAV (or put your own MP3 there)',
      },
    ]);
    rmSync(path.join(dir, 'audio/sfx/hit.mp3'));
    expect(check(dir)).toEqual([]);
  });

  it('an unknown key in a data file is a warning (exit 0) naming the known keys', () => {
    const dir = copyAssets();
    editJson(path.join(dir, 'data/mobs.json'), (j) => (j.rat!.respawnSecond = 5));
    expect(check(dir)).toEqual([
      {
        level: 'warning',
        file: rel(path.join(dir, 'data')),
        message: expect.stringMatching(
          /mobs\.json "rat": has an unknown key "respawnSecond", which the game ignores; known keys: .*respawnSeconds/,
        ),
      },
    ]);
  });

  it('invalid JSON, with its line and column', () => {
    const dir = copyAssets();
    const file = path.join(dir, 'data/npcs.json');
    writeFileSync(file, '{\n  "elder": { "name": "Elder", "lines": ["Hi"], },\n}\n');
    expect(check(dir)).toEqual([
      {
        level: 'error',
        file: rel(file),
        message: expect.stringMatching(
          /^is not valid JSON: Expected double-quoted property name at line 2, column 48/,
        ),
      },
    ]);
  });
});

describe('the server start-up reads content with the same parsers', () => {
  it('refuses the checker’s broken map with the same message, and returns its warnings', () => {
    const dir = copyAssets();
    const map = tinyMap();
    objectsOf(map)[1]!.properties![1]!.value = true;
    const file = writeMap(dir, map);
    const [finding] = check(dir, [file]);
    let thrown: unknown;
    try {
      loadContent(file, dir);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ContentError);
    expect((thrown as ContentError).problems).toContain(finding!.message);

    const hidden = tinyMap();
    hidden.layers.splice(1, 1);
    const { warnings } = loadContent(writeMap(dir, hidden), dir);
    expect(warnings).toEqual([expect.stringMatching(/tiny\.tmj: has no tile layer named "detail"/)]);
  });
});

describe('npm run check-content', () => {
  const run = (args: string[]): { status: number; out: string } => {
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'tools/content/main.ts', ...args], {
        encoding: 'utf8',
      });
      return { status: 0, out };
    } catch (err) {
      const e = err as { status: number; stdout: string };
      return { status: e.status, out: e.stdout };
    }
  };

  it('exits 1 on errors, 0 with only warnings, and prints each by file', () => {
    const dir = copyAssets();
    const broken = tinyMap();
    objectsOf(broken)[1]!.properties![1]!.value = 'many';
    const file = writeMap(dir, broken);
    const failed = run(['--assets', dir, file]);
    expect(failed.status).toBe(1);
    expect(failed.out).toMatch(/tiny\.tmj\n {2}error {3}object 2 \("mobArea2", mobArea\) has count "many"/);
    expect(failed.out).toMatch(
      /1 error\(s\), 0 warning\(s\) in the data files and 1 map\(s\): the server would refuse/,
    );

    renameSync(path.join(dir, 'maps/tiny.tmj'), path.join(dir, 'maps/old.json'));
    const warned = tinyMap();
    warned.layers.splice(1, 1);
    writeMap(dir, warned);
    const ok = run(['--assets', dir]);
    expect(ok.out).toMatch(/ {2}warning has no tile layer named "detail"/);
    expect(ok.status).toBe(0);
  }, 30_000);
});
