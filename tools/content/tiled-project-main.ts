// `npm run tiled-project`: rewrites assets/emberquest.tiled-project from assets/data (run it after adding
// a mob, NPC, item or track, so Tiled offers the new id). Refuses to overwrite a hand-edited project.
import { loadGameData } from '../../server/load-data.ts';
import { writeGenerated } from '../generated.ts';
import { TILED_PROJECT, tiledProjectText } from './tiled-project.ts';

const bytes = tiledProjectText(loadGameData('assets'));
if (writeGenerated(process.cwd(), 'npm run tiled-project', [{ path: TILED_PROJECT, bytes }]))
  console.log(`wrote ${TILED_PROJECT}`);
else process.exitCode = 1;
