// Every sprite sheet and icon atlas the game loads, by the path it is written to. `npm run art`
// writes them, the tests check them, the preview shows them: one list, so none can be forgotten.
import { ARMOR_IDS } from './armor.ts';
import { armorSheet } from './player.ts';
import type { AtlasJson, Sheet } from './sheet.ts';
import type { Canvas } from './canvas.ts';
import { weaponSheet } from './weapon-sheet.ts';
import { WEAPON_IDS } from './weapons.ts';
import { mobSheet } from './mob-sheet.ts';
import { MOB_DESIGNS, MOB_IDS } from './mobs.ts';
import { EFFECTS } from './effects.ts';
import { itemAtlas } from './items.ts';
import { NPC_IDS, npcSheet } from './npcs.ts';
import { uiAtlas } from './ui-icons.ts';

export interface SheetEntry {
  /** Path without extension under the repository root: `.png` and `.json` are added. */
  path: string;
  sheet: Sheet;
}

export interface AtlasEntry {
  path: string;
  image: Canvas;
  json: AtlasJson;
}

export function spriteSheets(): SheetEntry[] {
  const tunic = armorSheet('tunic');
  return [
    // The plain player sheet stays, identical to the tunic tier, for clients that predate armour.
    { path: 'assets/sprites/player', sheet: tunic },
    ...ARMOR_IDS.map((id) => ({ path: `assets/sprites/armor/${id}`, sheet: armorSheet(id) })),
    ...WEAPON_IDS.map((id) => ({ path: `assets/sprites/weapons/${id}`, sheet: weaponSheet(id) })),
    ...MOB_IDS.map((id) => ({ path: `assets/sprites/mobs/${id}`, sheet: mobSheet(MOB_DESIGNS[id]) })),
    ...NPC_IDS.map((id) => ({ path: `assets/sprites/npcs/${id}`, sheet: npcSheet(id) })),
    ...Object.entries(EFFECTS).map(([id, make]) => ({ path: `assets/sprites/effects/${id}`, sheet: make() })),
  ];
}

export function iconAtlases(): AtlasEntry[] {
  return [
    { path: 'assets/sprites/items', ...itemAtlas() },
    { path: 'assets/sprites/ui', ...uiAtlas() },
  ];
}
