// Checks an icon atlas as it is on disk: every id has a non-empty cell inside the image. It matches the
// generator only while nobody has painted it by hand (tools/generated.ts): a hand-painted atlas with icons
// added is the source then, and is checked for itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Canvas } from './canvas.ts';
import type { AtlasEntry } from './catalog.ts';
import { decodePng } from './png.ts';
import type { AtlasJson } from './sheet.ts';
import { opaqueCount } from './transform.ts';
import { isHandEdited } from '../generated.ts';

export function loadPng(root: string, rel: string): Canvas {
  const { width, height, data } = decodePng(readFileSync(join(root, rel)), rel);
  const c = new Canvas(width, height);
  c.data.set(data);
  return c;
}

export function atlasProblems(root: string, entry: AtlasEntry): string[] {
  const rel = `${entry.path}.json`;
  const json = JSON.parse(readFileSync(join(root, rel), 'utf8')) as AtlasJson;
  const image = loadPng(root, `${entry.path}.png`);
  const problems: string[] = [];
  if (!isHandEdited(root, rel) && JSON.stringify(json) !== JSON.stringify(entry.json))
    problems.push(`${rel} differs from what npm run art writes, but the manifest says it wrote it`);
  const columns = image.width / json.frameWidth;
  const cells = columns * Math.floor(image.height / json.frameHeight);
  if (!Number.isInteger(columns)) problems.push(`${entry.path}.png is not a whole number of icons wide`);
  const seen = new Map<number, string>();
  for (const [id, index] of Object.entries(json.frames)) {
    if (seen.has(index)) problems.push(`${rel}: "${id}" and "${seen.get(index)}" share cell ${index}`);
    seen.set(index, id);
    if (index >= cells) {
      problems.push(`${rel}: "${id}" is cell ${index}, past the image's ${cells} cells`);
      continue;
    }
    const x = (index % columns) * json.frameWidth;
    const y = Math.floor(index / columns) * json.frameHeight;
    if (opaqueCount(image, x, y, json.frameWidth, json.frameHeight, 128) <= 12)
      problems.push(`${rel}: the icon of "${id}" (cell ${index}) is empty`);
  }
  return problems;
}
