// Every sprite sheet under assets/sprites in one image and one JSON, so a first visit fetches two files
// instead of two per sheet (~90 requests: issue 17). Made here from the sheets on disk, not by a build
// step, so a modder's new or repainted sheet is in it at the next request without any command: the
// pack is made again whenever a file under assets/sprites changes (size or time).
//
//   GET /assets/sprites.pack.json   { image, sheets: { "mobs/rat": { x, y, width, height, info } } }
//                                   info is the sheet's own JSON; image names the PNG with its version.
//   GET /assets/sprites.pack.png?v=VERSION   the sheets side by side, cached for good (the version
//                                   changes with the content).
// Atlases (JSON with `frames`: items, ui) are not sheets and stay apart; a sheet whose PNG cannot be
// read is left out, and the client loads it from its own files as before.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodePng, encodePng } from '../tools/art/png.ts';

export const PACK_JSON = 'sprites.pack.json';
export const PACK_PNG = 'sprites.pack.png';
/** The pack's width in pixels, unless a sheet is wider (WebGL guarantees 2048; 4096 is near universal). */
const PACK_WIDTH = 1024;

export interface PackedSheet {
  x: number;
  y: number;
  width: number;
  height: number;
  info: unknown;
}

export interface SpritePack {
  version: string;
  json: Buffer;
  png: Buffer;
  sheets: Record<string, PackedSheet>;
}

interface Source {
  key: string;
  info: unknown;
  width: number;
  height: number;
  rgba: Uint8Array;
}

function* jsonFiles(dir: string, prefix = ''): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* jsonFiles(path.join(dir, entry.name), rel);
    else if (entry.name.endsWith('.json')) yield rel.slice(0, -'.json'.length);
  }
}

/** What changes when any file under the directory does: the names, sizes and times of them all. */
function signature(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        try {
          const s = statSync(full);
          parts.push(`${full} ${s.size} ${s.mtimeMs}`);
        } catch {
          parts.push(`${full} gone`);
        }
      }
    }
  };
  walk(dir);
  return parts.sort().join('\n');
}

function readSources(dir: string): Source[] {
  const sources: Source[] = [];
  for (const key of jsonFiles(dir)) {
    try {
      const info = JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8')) as Record<string, unknown>;
      if (!info || typeof info !== 'object' || 'frames' in info) continue; // an atlas, not a sheet
      if (typeof info.frameWidth !== 'number' || typeof info.frameHeight !== 'number') continue;
      const png = decodePng(readFileSync(path.join(dir, `${key}.png`)), `${key}.png`);
      sources.push({ key, info, width: png.width, height: png.height, rgba: png.data });
    } catch {
      // Unreadable here: the client loads this sheet from its own files (and reports what is wrong).
    }
  }
  return sources;
}

/** Places the sheets on shelves, tallest first; returns each one's corner and the pack's size. */
export function shelfPack(sizes: { width: number; height: number }[]): {
  at: { x: number; y: number }[];
  width: number;
  height: number;
} {
  const width = Math.max(PACK_WIDTH, ...sizes.map((s) => s.width));
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b]!.height - sizes[a]!.height || a - b);
  const at: { x: number; y: number }[] = new Array(sizes.length);
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const i of order) {
    const s = sizes[i]!;
    if (x + s.width > width) {
      x = 0;
      y += shelf;
      shelf = 0;
    }
    at[i] = { x, y };
    x += s.width;
    shelf = Math.max(shelf, s.height);
  }
  return { at, width, height: Math.max(1, y + shelf) };
}

export function buildSpritePack(dir: string): SpritePack {
  const sources = readSources(dir);
  const layout = shelfPack(sources);
  const rgba = new Uint8Array(layout.width * layout.height * 4);
  const sheets: Record<string, PackedSheet> = {};
  sources.forEach((s, i) => {
    const { x, y } = layout.at[i]!;
    for (let row = 0; row < s.height; row++) {
      const from = s.rgba.subarray(row * s.width * 4, (row + 1) * s.width * 4);
      rgba.set(from, ((y + row) * layout.width + x) * 4);
    }
    sheets[s.key] = { x, y, width: s.width, height: s.height, info: s.info };
  });
  // Level 6: made at run time, where level 9's extra few per cent cost twice the time.
  const png = encodePng(layout.width, layout.height, rgba, 6);
  const version = createHash('sha256').update(png).update(JSON.stringify(sheets)).digest('hex').slice(0, 16);
  const json = Buffer.from(JSON.stringify({ image: `assets/${PACK_PNG}?v=${version}`, sheets }));
  return { version, json, png, sheets };
}

const made = new Map<string, { signature: string; pack: SpritePack }>();

/**
 * The pack of a directory, made at the first request (a few hundred ms of one core) and again only when
 * a file in it changed. server/main.ts makes it at start-up (warmSpritePack), before anyone waits for it.
 */
export function spritePacker(dir: string): () => SpritePack {
  return () => {
    const now = signature(dir);
    let entry = made.get(dir);
    if (entry?.signature !== now) {
      entry = { signature: now, pack: buildSpritePack(dir) };
      made.set(dir, entry);
    }
    return entry.pack;
  };
}

export function warmSpritePack(assetsDir: string): void {
  spritePacker(path.join(assetsDir, 'sprites'))();
}
