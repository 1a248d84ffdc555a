// Character names: what a player may type, and the key that makes names unique regardless of case.

export const NAME_MAX = 15;

export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

/** Trims, folds runs of spaces, and checks length (1–15) and characters (letters, digits, space, - and _). */
export function checkName(raw: string): NameCheck {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  const length = [...name].length;
  if (length === 0) return { ok: false, reason: 'Please type a name.' };
  if (length > NAME_MAX) return { ok: false, reason: `Names are at most ${NAME_MAX} characters.` };
  // Letters may carry combining marks (many scripts need them), but a name starts with a letter or digit.
  // Invisible code points (fillers, variation selectors, joiners) would let two names look alike.
  if (
    !/^[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd} _-]*$/u.test(name) ||
    /\p{Default_Ignorable_Code_Point}/u.test(name)
  ) {
    return {
      ok: false,
      reason: 'Names start with a letter or digit and use letters, digits, spaces, - and _.',
    };
  }
  return { ok: true, name };
}

/** Two names with the same key are the same name. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}
