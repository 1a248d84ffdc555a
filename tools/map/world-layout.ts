// Where the world's zones lie, in tiles. The mines, the wyrm's lair and the village houses are maps of
// their own (tools/map/interiors.ts, house-interiors.ts), reached by portals.
import { villageRiverCentre } from './village.ts';
/** The overland: the whole map (it once had an interiors strip east of x = 150; server/realm/moved.ts). */
export const OVER_W = 150;
export const WORLD_W = OVER_W;
export const WORLD_H = 320;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The starter village (the village.tmj layout) is placed with its top-left corner here. */
export const VILLAGE_ORIGIN = { x: 30, y: 246 };

/** Zone rectangles, south (start) to north (the boss): used for music areas and previews. */
export const ZONES: Record<string, Rect> = {
  village: { x: 0, y: 246, w: 112, h: 74 },
  forest: { x: 0, y: 172, w: 112, h: 74 },
  coast: { x: 112, y: 116, w: 38, h: 204 },
  graveyard: { x: 0, y: 116, w: 62, h: 56 },
  mountains: { x: 62, y: 116, w: 50, h: 56 },
  desert: { x: 0, y: 54, w: 150, h: 62 },
  volcano: { x: 0, y: 0, w: 150, h: 54 },
};

/** The main road north: village north gate, forest, the pass between graveyard and mountains. */
export const NORTH_ROAD: readonly [number, number][] = [
  [68, 246],
  [68, 222],
  [56, 222],
  [56, 190],
  [62, 190],
  [62, 120],
];

/** The cliff around the waterfall: its south edge runs straight along this corner row here. */
export const WATERFALL = {
  x: Math.round(villageRiverCentre({ x: 30, y: 246 }, 167)) - 1,
  topY: 161,
  footY: 165,
};
/** The mine's mouth in the mountain valley (top-left of the 2x2 mouth). */
export const MINE_MOUTH = { x: 94, y: 139 };
/** The mine's back door: a rocky outcrop in the desert. */
export const OUTCROP_MOUTH = { x: 40, y: 96 };
/** The wyrm's gate on the volcano's northern rim. */
export const LAIR_MOUTH = { x: 74, y: 8 };
