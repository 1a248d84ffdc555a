// `npm run tiled-project`: rewrites assets/emberquest.tiled-project (Tiled 1.9+) and assets/objecttypes.xml
// (Tiled 1.8) from assets/data (run it after adding a mob, NPC, item or track, so Tiled offers the new
// id). Refuses to overwrite either file when it was edited by hand.
import { loadGameData } from '../../server/load-data.ts';
import { writeGenerated } from '../generated.ts';
import { OBJECT_TYPES, objectTypesText } from './object-types.ts';
import { TILED_PROJECT, tiledProjectText } from './tiled-project.ts';

const data = loadGameData('assets');
const outputs = [
  { path: TILED_PROJECT, bytes: tiledProjectText(data) },
  { path: OBJECT_TYPES, bytes: objectTypesText(data) },
];
if (writeGenerated(process.cwd(), 'npm run tiled-project', outputs))
  console.log(`wrote ${TILED_PROJECT} and ${OBJECT_TYPES}`);
else process.exitCode = 1;
