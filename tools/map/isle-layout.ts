// Where Ember Isle's places lie, in tiles: an island east of the mainland's coast, reached by the ferry
// at the end of Old Pell's pier. The ferry lands on the isle's west pier; the road climbs to the crater.
import type { Rect } from './world-layout.ts';

export const ISLE_W = 64;
export const ISLE_H = 48;

/** The island's outline: a wobbly ellipse (beach rim, grass inside). */
export const ISLAND = { cx: 35, cy: 24, rx: 26, ry: 20 };

/** The west pier: from the beach out over the sea along this row; the ferry is at its far end. */
export const ISLE_PIER = { y: 32, x0: 2 };
/** The ferry back to the mainland (the portal): the outer end of the pier's landing stage, two by three. */
export const ISLE_FERRY = { x: 2, y: ISLE_PIER.y - 1, w: 2, h: 3 };
/** Where players coming from the mainland stand: on the pier, past the ferry. */
export const ISLE_LANDING = { x: 6, y: ISLE_PIER.y };

/** The dormant crater in the north-east: basalt and ash around a small lava pool. */
export const CRATER = { cx: 48, cy: 14, rx: 9, ry: 7 };
export const LAVA_POOL = { cx: 49, cy: 13, rx: 3.4, ry: 2.6 };

/** The smugglers' cove on the north-west shore, and the woods on the isle's northern hill. */
export const COVE: Rect = { x: 8, y: 7, w: 13, h: 12 };
export const HILL_WOODS: Rect = { x: 24, y: 10, w: 12, h: 9 };
export const SOUTH_BEACH: Rect = { x: 22, y: 38, w: 24, h: 5 };

/** The hermit's hut (a small house; its door is painted shut) on the crater's southern slope. */
export const HUT = { x: 37, y: 22, w: 5, wall: 'wood' as const, roof: 'orange' as const };

/** The road from the landing to the hut and the crater, and the track up to the cove. */
export const ISLE_ROADS: readonly { width: number; points: [number, number][] }[] = [
  {
    width: 2,
    points: [
      [13, 32],
      [32, 32],
      [32, 28],
      [46, 28],
      [46, 22],
    ],
  },
  {
    width: 1,
    points: [
      [16, 32],
      [16, 22],
    ],
  },
];
