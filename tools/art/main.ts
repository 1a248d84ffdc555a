// `npm run art`: regenerates every PNG/JSON art asset from code. Output is byte-identical run to run.
// It refuses (exit 1, nothing written) if any of them changed since it last wrote it; `-- --force` overwrites.
// `npm run art -- --preview /tmp/adventure-preview.png` also renders every sprite at 3x.
import { writeFileSync } from 'node:fs';
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
import { writeGenerated, type Output } from '../generated.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Everything `npm run art` writes under assets/, written at once (or refused) by writeGenerated. */
const outputs: Output[] = [];
const png = (path: string, canvas: Canvas): void =>
  void outputs.push({ path, bytes: encodePng(canvas.width, canvas.height, canvas.data) });
const json = (path: string, value: unknown): void =>
  void outputs.push({ path, bytes: JSON.stringify(value, null, 2) + '\n' });

const catalog = tileCatalog();
png('assets/maps/terrain.png', renderTileset(catalog).canvas);
png('assets/sprites/marker.png', renderMarker());
json('assets/sprites/marker.json', MARKER_JSON);
const sheets = spriteSheets();
for (const { path, sheet } of sheets) {
  png(`${path}.png`, sheet.image);
  json(`${path}.json`, sheet.json);
}
const atlases = iconAtlases();
for (const atlas of atlases) {
  png(`${atlas.path}.png`, atlas.image);
  json(`${atlas.path}.json`, atlas.json);
}
if (writeGenerated(root, 'npm run art', outputs)) console.log(`wrote ${outputs.length} files under assets/`);
else process.exitCode = 1;
const previewAt = process.argv.indexOf('--preview');
if (previewAt >= 0) {
  // Each armour tier wearing the weapon of the same rank, then everything else as written.
  const sheetAt = (path: string): Canvas => sheets.find((s) => s.path.endsWith(path))!.sheet.image;
  const players = ARMOR_IDS.map((id, i) =>
    dressed(sheetAt(`armor/${id}`), sheetAt(`weapons/${WEAPON_IDS[i + 1]!}`), 24, [1]),
  );
  const rest = sheets.filter((s) => !/player$|armor\/|weapons\//.test(s.path)).map((s) => s.sheet.image);
  const out = process.argv[previewAt + 1] ?? '/tmp/adventure-preview.png';
  const sheet = contactSheet([...players, ...rest, ...atlases.map((a) => a.image)], 3, 1900);
  writeFileSync(out, encodePng(sheet.width, sheet.height, sheet.data));
  console.log(`wrote ${out} (${sheet.width}x${sheet.height})`);
}
console.log(`${catalog.length} terrain tiles; run \`npm run map\` if tile ids changed`);
