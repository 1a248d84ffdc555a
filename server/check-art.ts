// Every id the data files name needs its art, or the game breaks without a word: an NPC with no sheet
// is invisible but still blocks its tile, a weapon with no sheet is an empty hand, an item with no icon
// is never drawn, a tune with no file is silence. The server runs this at start-up and the content checker runs the same code.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GameData } from '../shared/content/game-data.ts';

interface Frames {
  frameWidth?: unknown;
  frameHeight?: unknown;
  frames?: Record<string, unknown>;
}

/** Width and height from a PNG's IHDR chunk, or null if the file is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (png.length < 24 || png.toString('ascii', 1, 4) !== 'PNG' || png.toString('ascii', 12, 16) !== 'IHDR')
    return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** One sheet or atlas: its JSON and PNG read and checked against each other. */
function readArt(
  assetsDir: string,
  key: string,
  what: string,
  problems: string[],
): { json: Frames; width: number; height: number } | null {
  const base = path.join(assetsDir, 'sprites', key);
  const label = path.relative(process.cwd(), base) || base;
  const fix = `draw one (a copy of a similar sheet and its .json is a start; see docs/modding.md, Sprite sheets)`;
  let json: Frames;
  let bytes: Buffer;
  try {
    bytes = readFileSync(`${base}.png`);
  } catch {
    problems.push(`${label}.png is missing: ${what}; ${fix}`);
    return null;
  }
  try {
    json = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Frames;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push(
      `${label}.json ${code === 'ENOENT' ? 'is missing' : `is not valid JSON (${(err as Error).message})`}: ${what}; ${fix}`,
    );
    return null;
  }
  const size = pngSize(bytes);
  if (!size) {
    problems.push(`${label}.png is not a PNG image: ${what}; save it as PNG`);
    return null;
  }
  const fw = json.frameWidth;
  const fh = json.frameHeight;
  if (typeof fw !== 'number' || typeof fh !== 'number' || !(fw > 0 && fh > 0)) {
    problems.push(`${label}.json needs frameWidth and frameHeight (pixels of one frame, numbers)`);
    return null;
  }
  if (size.width % fw || size.height % fh)
    problems.push(
      `${label}.png is ${size.width}×${size.height}, not a whole number of ${fw}×${fh} frames: ` +
        'resize the image or fix frameWidth/frameHeight in the .json',
    );
  return { json, ...size };
}

/** Problems with the art for every mob, NPC, weapon, armour and item id in the data. */
export function artProblems(assetsDir: string, data: GameData): string[] {
  const problems: string[] = [];
  for (const id of data.mobs.keys())
    readArt(assetsDir, `mobs/${id}`, `mob "${id}" (mobs.json) would be invisible`, problems);
  for (const id of data.npcs.keys())
    readArt(
      assetsDir,
      `npcs/${id}`,
      `NPC "${id}" (npcs.json) would be invisible but still block its tile`,
      problems,
    );
  for (const item of data.items.values()) {
    if (item.type === 'weapon')
      readArt(assetsDir, `weapons/${item.id}`, `weapon "${item.id}" would be an empty hand`, problems);
    if (item.type === 'armor')
      readArt(assetsDir, `armor/${item.id}`, `armour "${item.id}" would draw no body`, problems);
  }
  const atlas = readArt(assetsDir, 'items', 'no item could be drawn', problems);
  if (atlas) {
    const columns = Math.floor(atlas.width / Number(atlas.json.frameWidth));
    const cells = columns * Math.floor(atlas.height / Number(atlas.json.frameHeight));
    const frames = atlas.json.frames ?? {};
    for (const id of data.items.keys()) {
      const index = frames[id];
      if (index === undefined)
        problems.push(
          `assets/sprites/items.json has no icon for item "${id}", so it is never drawn: ` +
            `paint one into a free cell of items.png and add "${id}": <cell index> to "frames"`,
        );
      else if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= cells)
        problems.push(
          `assets/sprites/items.json icon "${id}" is cell ${JSON.stringify(index)}, but items.png has cells 0 to ${cells - 1}`,
        );
    }
  }
  for (const tune of data.music?.values() ?? []) {
    if (!tune.files.some((f) => existsSync(path.join(assetsDir, f))))
      problems.push(
        `${tune.files.map((f) => `assets/${f}`).join(' or ')} is missing: music track "${tune.id}" (music.json) would play silence; ` +
          'add the file, or set the track\'s "file" to where it is',
      );
  }
  return problems;
}
