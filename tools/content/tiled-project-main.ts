// `npm run tiled-project`: rewrites assets/emberquest.tiled-project from assets/data (run it after adding
// a mob, NPC, item or track, so Tiled offers the new id).
import { writeFileSync } from 'node:fs';
import { loadGameData } from '../../server/load-data.ts';
import { TILED_PROJECT, tiledProjectText } from './tiled-project.ts';

writeFileSync(TILED_PROJECT, tiledProjectText(loadGameData('assets')));
console.log(`wrote ${TILED_PROJECT}`);
