// Builds assets/objecttypes.xml, the object types file Tiled 1.8 reads (Debian's Tiled; it does not read
// the project file's classes, which arrived in Tiled 1.9): one object type per object class the game
// reads, with the same members and defaults as the project file's classes (object-classes.ts).
import type { GameData } from '../../shared/content/game-data.ts';
import { OBJECT_CLASSES } from '../../shared/content/placements.ts';
import { colourOf, members } from './object-classes.ts';

export const OBJECT_TYPES = 'assets/objecttypes.xml';

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function objectTypesText(data: GameData): string {
  const all = members(data);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<objecttypes>'];
  for (const name of OBJECT_CLASSES) {
    // Tiled 1.8 writes a type's colour as #RRGGBB; the project file's are #AARRGGBB, all opaque.
    const colour = '#' + colourOf(name).slice(3);
    const props = all[name];
    if (props.length === 0) {
      lines.push(` <objecttype name="${name}" color="${colour}"/>`);
      continue;
    }
    lines.push(` <objecttype name="${name}" color="${colour}">`);
    // Tiled 1.8 has no enums here: ids are typed as text (the checker names a wrong one).
    for (const m of props)
      lines.push(`  <property name="${m.name}" type="${m.type}" default="${escape(String(m.value))}"/>`);
    lines.push(' </objecttype>');
  }
  lines.push('</objecttypes>');
  return lines.join('\n') + '\n';
}
