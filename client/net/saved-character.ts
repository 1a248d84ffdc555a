// The character this browser plays: its name and the secret token the server gave it when it was made.
// The token is the only proof of ownership; losing it (clearing site data) loses the character.

const KEY = 'emberquest.character';
/** The name typed last, kept from before tokens existed, to fill in the name field. */
const NAME_KEY = 'emberquest.name';

export interface SavedCharacter {
  name: string;
  token: string;
}

export function loadSavedCharacter(): SavedCharacter | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<SavedCharacter> | null;
    if (value && typeof value.name === 'string' && typeof value.token === 'string' && value.token) {
      return { name: value.name, token: value.token };
    }
  } catch {
    // Unreadable: as if there were none.
  }
  return null;
}

export function saveCharacter(character: SavedCharacter): void {
  localStorage.setItem(KEY, JSON.stringify(character));
  localStorage.setItem(NAME_KEY, character.name);
}

export function forgetCharacter(): void {
  localStorage.removeItem(KEY);
}

export function lastTypedName(): string {
  return localStorage.getItem(NAME_KEY) ?? '';
}
