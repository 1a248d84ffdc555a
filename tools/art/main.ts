// `npm run art`: regenerates every PNG/JSON art asset from code. Output is byte-identical run to run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Canvas } from './canvas.ts';
import { MARKER_JSON, renderMarker } from './marker.ts';
import { CLOTH_TUNIC, PLAYER_SHEET_JSON, renderCharacterSheet } from './player.ts';
import { encodePng } from './png.ts';
import { renderTileset, tileCatalog } from './tileset.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function writePng(rel: string, canvas: Canvas): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodePng(canvas.width, canvas.height, canvas.data));
  console.log(`wrote ${rel} (${canvas.width}x${canvas.height})`);
}

function writeJson(rel: string, value: unknown): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
  console.log(`wrote ${rel}`);
}

const catalog = tileCatalog();
writePng('assets/maps/terrain.png', renderTileset(catalog).canvas);
writePng('assets/sprites/player.png', renderCharacterSheet(CLOTH_TUNIC));
writeJson('assets/sprites/player.json', PLAYER_SHEET_JSON);
writePng('assets/sprites/marker.png', renderMarker());
writeJson('assets/sprites/marker.json', MARKER_JSON);
console.log(`${catalog.length} terrain tiles; run \`npm run map\` if tile ids changed`);
