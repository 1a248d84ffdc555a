// `npm run art`: regenerates every PNG/JSON art asset from code. Output is byte-identical run to run.
// `npm run art -- --preview /tmp/adventure-preview.png` also renders every sprite at 3x.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Canvas } from './canvas.ts';
import { iconAtlases, spriteSheets } from './catalog.ts';
import { MARKER_JSON, renderMarker } from './marker.ts';
import { encodePng } from './png.ts';
import { ARMOR_IDS } from './armor.ts';
import { contactSheet, dressed } from './preview.ts';
import { WEAPON_IDS } from './weapons.ts';
import { renderTileset, tileCatalog } from './tileset.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function writePng(rel: string, canvas: Canvas, quiet = false): void {
  const path = rel.startsWith('/') ? rel : join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodePng(canvas.width, canvas.height, canvas.data));
  if (!quiet) console.log(`wrote ${rel} (${canvas.width}x${canvas.height})`);
}

function writeJson(rel: string, value: unknown): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}

const catalog = tileCatalog();
writePng('assets/maps/terrain.png', renderTileset(catalog).canvas);
writePng('assets/sprites/marker.png', renderMarker());
writeJson('assets/sprites/marker.json', MARKER_JSON);
const sheets = spriteSheets();
for (const { path, sheet } of sheets) {
  writePng(`${path}.png`, sheet.image);
  writeJson(`${path}.json`, sheet.json);
}
const atlases = iconAtlases();
for (const atlas of atlases) {
  writePng(`${atlas.path}.png`, atlas.image);
  writeJson(`${atlas.path}.json`, atlas.json);
}
const previewAt = process.argv.indexOf('--preview');
if (previewAt >= 0) {
  // Each armour tier wearing the weapon of the same rank, then everything else as written.
  const sheetAt = (path: string): Canvas => sheets.find((s) => s.path.endsWith(path))!.sheet.image;
  const players = ARMOR_IDS.map((id, i) =>
    dressed(sheetAt(`armor/${id}`), sheetAt(`weapons/${WEAPON_IDS[i + 1]!}`), 24, [1]),
  );
  const rest = sheets.filter((s) => !/player$|armor\/|weapons\//.test(s.path)).map((s) => s.sheet.image);
  const out = process.argv[previewAt + 1] ?? '/tmp/adventure-preview.png';
  writePng(out, contactSheet([...players, ...rest, ...atlases.map((a) => a.image)], 3, 1900));
}
console.log(`${catalog.length} terrain tiles; run \`npm run map\` if tile ids changed`);
