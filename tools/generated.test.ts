// Generators never eat hand edits: a file changed since its generator last wrote it is refused, untouched.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SOUND_EFFECTS } from '../client/audio/catalog.ts';
import { COMPOSED_TRACKS } from './audio/music/index.ts';
import { iconAtlases } from './art/catalog.ts';
import { atlasProblems, loadPng } from './art/atlas-check.ts';
import { encodePng } from './art/png.ts';
import { MANIFEST, isHandEdited, writeGenerated } from './generated.ts';
import { copyAssets } from './content/fixture-assets.ts';

const TSX = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const tempRoot = (): string => mkdtempSync(path.join(tmpdir(), 'emberquest-gen-'));
const quiet = <T>(f: () => T): T => {
  const error = console.error;
  console.error = () => {};
  try {
    return f();
  } finally {
    console.error = error;
  }
};

describe('writeGenerated', () => {
  it('writes and records; rewrites its own output; refuses a hand edit (nothing written) unless forced', () => {
    const root = tempRoot();
    const out = (text: string) => [
      { path: 'assets/maps/a.tmj', bytes: text },
      { path: 'assets/maps/b.tmj', bytes: text },
    ];
    expect(writeGenerated(root, 'gen', out('one'), false)).toBe(true);
    expect(isHandEdited(root, 'assets/maps/a.tmj')).toBe(false);
    expect(writeGenerated(root, 'gen', out('two'), false)).toBe(true);
    expect(readFileSync(path.join(root, 'assets/maps/a.tmj'), 'utf8')).toBe('two');

    writeFileSync(path.join(root, 'assets/maps/a.tmj'), 'my goblin area');
    const manifest = readFileSync(path.join(root, MANIFEST), 'utf8');
    expect(isHandEdited(root, 'assets/maps/a.tmj')).toBe(true);
    expect(quiet(() => writeGenerated(root, 'gen', out('three'), false))).toBe(false);
    expect(readFileSync(path.join(root, 'assets/maps/a.tmj'), 'utf8')).toBe('my goblin area');
    expect(readFileSync(path.join(root, 'assets/maps/b.tmj'), 'utf8')).toBe('two');
    expect(readFileSync(path.join(root, MANIFEST), 'utf8')).toBe(manifest);

    expect(writeGenerated(root, 'gen', out('three'), true)).toBe(true);
    expect(readFileSync(path.join(root, 'assets/maps/a.tmj'), 'utf8')).toBe('three');
  });

  it('accepts a file never recorded only if it already holds exactly what would be written', () => {
    const root = tempRoot();
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'assets/x.json'), 'same');
    expect(writeGenerated(root, 'gen', [{ path: 'assets/x.json', bytes: 'same' }], false)).toBe(true);
    writeFileSync(path.join(root, 'assets/y.json'), 'hand made');
    expect(quiet(() => writeGenerated(root, 'gen', [{ path: 'assets/y.json', bytes: 'other' }], false))).toBe(
      false,
    );
  });

  it('the committed manifest records every file npm run map, art and audio write, as committed', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    for (const p of [
      'assets/maps/world.tmj',
      'assets/maps/village.tmj',
      'assets/maps/isle.tmj',
      'assets/maps/terrain.png',
    ])
      expect(Object.keys(manifest)).toContain(p);
    for (const a of iconAtlases()) expect(Object.keys(manifest)).toContain(`${a.path}.png`);
    // Each sound as its source WAV and the MP3 the client plays (tools/audio/mp3.test.ts re-encodes some).
    const sounds = [...SOUND_EFFECTS.map((e) => `sfx/${e}`), ...COMPOSED_TRACKS.map((t) => `music/${t}`)];
    for (const s of sounds)
      expect(Object.keys(manifest)).toEqual(
        expect.arrayContaining([`assets/audio/${s}.wav`, `assets/audio/${s}.mp3`]),
      );
  });

  it('every hash in the committed manifest is the file as committed, unless the file is listed as hand-edited', () => {
    // A stale hash makes the generator refuse its own output as a "hand edit" (or, worse, take a real
    // hand edit for its own). A file kept hand-edited on purpose goes in this list, with a reason.
    const handEdited: readonly string[] = [];
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const stale = Object.keys(manifest).filter((p) => !handEdited.includes(p) && isHandEdited('.', p));
    const missing = Object.keys(manifest).filter((p) => !existsSync(p));
    expect({ stale, missing }).toEqual({ stale: [], missing: [] });
  });
});

describe('a real generator run (npm run tiled-project) against a hand-edited file', () => {
  it('exits 1, names the file and leaves it as the modder saved it', () => {
    const assets = copyAssets();
    const root = path.dirname(assets);
    cpSync(MANIFEST, path.join(root, MANIFEST));
    const project = path.join(assets, 'emberquest.tiled-project');
    writeFileSync(project, '{ "mine": true }\n');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        // tsx by its path: the temporary root has no node_modules to find it in.
        ['--import', TSX, path.resolve('tools/content/tiled-project-main.ts')],
        {
          cwd: root,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (err) {
      ({ status, stderr } = err as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /npm run tiled-project did not write anything.*\n {2}assets\/emberquest\.tiled-project\n/,
    );
    expect(readFileSync(project, 'utf8')).toBe('{ "mine": true }\n');
  }, 30_000);
});

describe('the art checks and hand-painted atlases', () => {
  it('accept an atlas with a hand-painted icon added, and still catch an icon past the image', () => {
    const root = tempRoot();
    const entry = iconAtlases().find((a) => a.path.endsWith('/items'))!;
    mkdirSync(path.join(root, 'assets/sprites'), { recursive: true });
    cpSync(MANIFEST, path.join(root, MANIFEST));
    const image = loadPng('.', `${entry.path}.png`);
    // One more row of cells, with a solid 10×10 harpoon-ish blob in its first cell.
    const grown = new Uint8Array(image.width * (image.height + 16) * 4);
    grown.set(image.data);
    for (let y = 3; y < 13; y++)
      for (let x = 3; x < 13; x++) grown.set([200, 40, 40, 255], ((image.height + y) * image.width + x) * 4);
    const index = (image.width / 16) * (image.height / 16);
    writeFileSync(path.join(root, `${entry.path}.png`), encodePng(image.width, image.height + 16, grown));
    const json = { ...entry.json, frames: { ...entry.json.frames, harpoon: index } };
    writeFileSync(path.join(root, `${entry.path}.json`), JSON.stringify(json));
    expect(atlasProblems(root, entry)).toEqual([]);

    json.frames.harpoon = index + 8;
    writeFileSync(path.join(root, `${entry.path}.json`), JSON.stringify(json));
    expect(atlasProblems(root, entry)).toEqual([
      expect.stringMatching(/"harpoon" is cell \d+, past the image's/),
    ]);
  });
});
