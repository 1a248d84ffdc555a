// The player's sheets: one per armour tier, all with the same layout (see poses.ts), so the
// client swaps the body sheet when the armour changes and keeps playing the same frame.
import { ARMOR_OUTFITS, CLOTH_TUNIC, type ArmorId } from './armor.ts';
import { drawBody, type Outfit } from './body.ts';
import { COLUMNS, DIRECTIONS, FRAME, posesFor } from './poses.ts';
import { renderGrid, type Sheet, type SheetJson } from './sheet.ts';

export { CLOTH_TUNIC };
export type { BodyColors } from './body.ts';

/** The layout every humanoid sheet shares: rows down/up/right, columns idle, walk, attack. */
export const HUMANOID_SHEET_JSON: SheetJson = {
  frameWidth: FRAME,
  frameHeight: FRAME,
  anchor: { x: 0.5, y: 0.92 },
  directions: { down: 0, up: 1, right: 2 },
  flipLeftFrom: 'right',
  animations: {
    idle: { frames: [...COLUMNS.idle], fps: 2 },
    walk: { frames: [...COLUMNS.walk], fps: 10 },
    attack: { frames: [...COLUMNS.attack], fps: 12, repeat: 0 },
  },
};

/** The original name, kept for the plain player sheet. */
export const PLAYER_SHEET_JSON = HUMANOID_SHEET_JSON;

export function renderCharacterSheet(outfit: Outfit) {
  return renderGrid(
    FRAME,
    FRAME,
    DIRECTIONS.map((dir) => posesFor(dir).map((pose) => (f) => drawBody(f, outfit, pose))),
  );
}

export function armorSheet(id: ArmorId): Sheet {
  return { image: renderCharacterSheet(ARMOR_OUTFITS[id]), json: HUMANOID_SHEET_JSON };
}
