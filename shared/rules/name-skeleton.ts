// Lookalike names: two names with the same skeleton look the same to a person ("Honest" in Latin and
// one with a Cyrillic "о"), so a new character may not take a name that looks like a stored one.
// Kept apart from names.ts because its table (Unicode's confusables) is 100 KB the page does not need.
import unhomoglyph from 'unhomoglyph';
import { nameKey } from './names.ts';

/**
 * Unicode's skeleton (UTS #39: decompose, map each confusable to its prototype, decompose again) of the
 * name as typed, then again after case folding: Cyrillic "Н" looks like "H" only in capitals, and a
 * lookalike in another case is the same name too.
 */
export function nameSkeleton(name: string): string {
  return skeleton(nameKey(skeleton(name.normalize('NFKC'))));
}

function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}
