// What lives where in the world: mobs getting harder the further north, checkpoints, NPCs, chests,
// doors with their destinations, music and named areas. Tiles here; placeObjects turns them to pixels.
import type { ObjectSpec } from './tmj.ts';
import { ISLE_ARRIVAL, ISLE_MAP, WORLD_ARRIVAL, WORLD_PORTAL } from './isle-objects.ts';
import { HOUSE_ROOMS, houseDoors } from './house-interiors.ts';
import { LAIR_HALL, LAIR_STAIRS, MINE_ROOMS, MINE_STAIRS_NORTH, MINE_STAIRS_SOUTH } from './interiors.ts';
import { placeObjects, VILLAGE_PLACES, type Place } from './village-objects.ts';
import { LAIR_MOUTH, MINE_MOUTH, OUTCROP_MOUTH, VILLAGE_ORIGIN, WATERFALL, ZONES } from './world-layout.ts';
import { CHAPEL, GOBLIN_CAMP, GRAVEYARD, PIER, RUINS, SECRET_GARDEN, WOLF_DEN } from './world-places.ts';

/** The graveyard's east rows, between the chapel and the gate: one pack of skeletons and its hoard. */
const GRAVEYARD_EAST = { x: GRAVEYARD.x + 22, y: GRAVEYARD.y + 2, w: 14, h: 28 };

/** The village's own places that belong in the world too (its goblins and wolves moved north). */
const FROM_VILLAGE = new Set([
  'village_square',
  'east_bank_camp',
  'west_fields',
  'south_fields',
  'north_meadow',
  'lake_shore',
  'Elder Maren',
  'Guard Tobin',
  'Smith Hedda',
  'Little Wren',
  'meadow_chest',
  'east_bank',
]);

const room = (i: number, shrink = 2): { x: number; y: number; w: number; h: number } => {
  const r = MINE_ROOMS[i]!;
  return { x: r.cx - r.rx + shrink, y: r.cy - r.ry + shrink, w: 2 * (r.rx - shrink), h: 2 * (r.ry - shrink) };
};
const mob = (
  name: string,
  kind: string,
  r: { x: number; y: number; w: number; h: number },
  count: number,
): Place => ({
  type: 'mobArea',
  name,
  ...r,
  props: { kind, count },
});
const door = (name: string, x: number, y: number, w: number, to: string): Place => ({
  type: 'door',
  name,
  x,
  y,
  w,
  h: 1,
  props: { to },
});
const dest = (name: string, x: number, y: number): Place => ({ type: 'destination', name, x, y });
const chest = (name: string, x: number, y: number, items: string, respawnSeconds = 600): Place => ({
  type: 'chest',
  name,
  x,
  y,
  props: { items, respawnSeconds },
});

/** The outer end of the pier's landing stage (tools/map/world-places.ts): two planks by three. */
export const ISLE_FERRY_SPOT = { x: PIER.x + PIER.len - 2, y: PIER.y - 1, w: 2, h: 3 };

/**
 * The ferry to Ember Isle (assets/maps/isle.tmj) at the end of Old Pell's pier, and where its passengers
 * coming back stand: a few planks inland, off the ferry, among crabs that only fight back. Last in the
 * object list, so the ids of the objects before them stay what they were.
 */
const FERRY: readonly Place[] = [
  {
    type: 'portal',
    name: WORLD_PORTAL,
    ...ISLE_FERRY_SPOT,
    props: { map: ISLE_MAP, to: ISLE_ARRIVAL },
  },
  dest(WORLD_ARRIVAL, ISLE_FERRY_SPOT.x - 3, PIER.y),
];

const DOORS: readonly Place[] = [
  door('mine_mouth', MINE_MOUTH.x, MINE_MOUTH.y + 1, 2, 'mine_entry'),
  dest('mine_entry', MINE_STAIRS_SOUTH.x, MINE_STAIRS_SOUTH.y - 3),
  door('mine_stairs_south', MINE_STAIRS_SOUTH.x, MINE_STAIRS_SOUTH.y, 1, 'mine_valley'),
  dest('mine_valley', MINE_MOUTH.x + 1, MINE_MOUTH.y + 3),
  door('outcrop_mouth', OUTCROP_MOUTH.x, OUTCROP_MOUTH.y + 1, 2, 'mine_back'),
  dest('mine_back', MINE_STAIRS_NORTH.x, MINE_STAIRS_NORTH.y + 3),
  door('mine_stairs_north', MINE_STAIRS_NORTH.x, MINE_STAIRS_NORTH.y, 1, 'outcrop_exit'),
  dest('outcrop_exit', OUTCROP_MOUTH.x + 1, OUTCROP_MOUTH.y + 3),
  door('lair_gate', LAIR_MOUTH.x, LAIR_MOUTH.y + 1, 2, 'lair_entry'),
  dest('lair_entry', LAIR_STAIRS.x, LAIR_STAIRS.y - 3),
  door('lair_stairs', LAIR_STAIRS.x, LAIR_STAIRS.y, 1, 'lair_steps'),
  dest('lair_steps', LAIR_MOUTH.x + 1, LAIR_MOUTH.y + 3),
  ...houseDoors(),
];

/** A house room's floor, for placing who and what is inside. */
const floor = (name: string): { x: number; y: number; w: number; h: number } =>
  HOUSE_ROOMS.find((r) => r.name === name)!.floor;
const inn = floor('inn');
const smithy = floor('smithy');
const elderHouse = floor('elder_house');

const WORLD_PLACES: readonly Place[] = [
  ...DOORS,
  // Checkpoints: one in every zone, on the way in, each further from every aggressive mob area than
  // that mob can reach (aggroRadius + leash): shared/content/respawn-safety.ts refuses the map otherwise.
  { type: 'checkpoint', name: 'forest_glade', x: 61, y: 222, w: 8, h: 4 },
  { type: 'checkpoint', name: 'coast_landing', x: 122, y: 274, w: 6, h: 6 },
  { type: 'checkpoint', name: 'graveyard_gate', x: 57, y: 146, w: 8, h: 7 },
  { type: 'checkpoint', name: 'valley_camp', x: 92, y: 166, w: 8, h: 6 },
  { type: 'checkpoint', name: 'mine_landing', x: MINE_STAIRS_SOUTH.x - 3, y: 243, w: 6, h: 4 },
  { type: 'checkpoint', name: 'desert_road', x: 58, y: 108, w: 8, h: 6 },
  { type: 'checkpoint', name: 'volcano_edge', x: 56, y: 47, w: 10, h: 4 },
  { type: 'checkpoint', name: 'lair_landing', x: LAIR_STAIRS.x - 3, y: 48, w: 6, h: 4 },

  // Mobs, village outskirts to the wyrm: each zone's fit the level a player has on arriving by the
  // north road (tools/map/curve.test.ts fights them), and no mob area lies on a road.
  mob('west_meadow', 'rat', { x: 6, y: 256, w: 20, h: 40 }, 6),
  mob('goblin_camp', 'goblin', GOBLIN_CAMP, 6),
  mob(
    'wolf_den',
    'wolf',
    { x: 88, y: WOLF_DEN.y + 1, w: WOLF_DEN.x + WOLF_DEN.w - 88, h: WOLF_DEN.h - 2 },
    2,
  ),
  mob('north_beach', 'crab', { x: 118, y: 170, w: 16, h: 60 }, 8),
  mob('south_beach', 'crab', { x: 118, y: 240, w: 16, h: 32 }, 4),
  mob('south_shore', 'crab', { x: 118, y: 284, w: 16, h: 26 }, 3),
  // Two packs of skeletons either side of the chapel, the ghosts in the west half: the relics' hoard
  // (below) is guarded by the east pack alone. Over the whole graveyard it needed all 14 dead at once.
  mob('graveyard_rows_west', 'skeleton', { x: GRAVEYARD.x + 2, y: GRAVEYARD.y + 2, w: 14, h: 28 }, 4),
  mob('graveyard_rows_east', 'skeleton', GRAVEYARD_EAST, 4),
  mob('graveyard_mist', 'ghost', { x: GRAVEYARD.x + 2, y: GRAVEYARD.y + 4, w: 14, h: 24 }, 4),
  mob('graveyard_waste', 'ghost', { x: 4, y: 163, w: 40, h: 9 }, 3),
  // West of the valley camp, off the only way from the camp to the mine mouth: in the valley itself they
  // stood 0 tiles from that walk and killed level 1–2 players 8 times (world-journey.test.ts).
  mob('mountain_valley', 'wolf', { x: 70, y: 164, w: 11, h: 7 }, 2),
  mob('bat_roost', 'bat', room(1), 8),
  mob('crystal_cavern', 'golem', room(2), 4),
  mob('deep_gallery', 'golem', room(3), 3),
  mob('deep_gallery_bats', 'bat', room(3), 2),
  mob('west_dunes', 'scorpion', { x: 6, y: 62, w: 39, h: 39 }, 8),
  // East of the ruins, not over them: a hoard shows once the mobs of every area over it are dead, and
  // the ruins' four scorpions can be cleared by one player; twelve at once (with the dunes') could not.
  mob(
    'east_dunes',
    'scorpion',
    { x: RUINS.x + RUINS.w + 1, y: 62, w: 127 - (RUINS.x + RUINS.w + 1), h: 39 },
    8,
  ),
  mob('ruins', 'scorpion', RUINS, 4),
  mob('ash_fields_west', 'fire_imp', { x: 6, y: 24, w: 37, h: 17 }, 6),
  mob('ash_fields_east', 'fire_imp', { x: 82, y: 24, w: 60, h: 20 }, 8),
  mob('northern_rim_west', 'fire_imp', { x: 8, y: 4, w: 53, h: 13 }, 3),
  mob('northern_rim_east', 'fire_imp', { x: 90, y: 4, w: 50, h: 13 }, 3),
  {
    type: 'mob',
    name: 'the_ember_wyrm',
    x: LAIR_HALL.cx,
    y: LAIR_HALL.cy - 8,
    props: { kind: 'ember_wyrm' },
  },

  // People.
  // Beside the pier's root, not on it: an NPC blocks its tile, and the pier is one plank wide.
  { type: 'npc', name: 'Old Pell', x: PIER.x - 5, y: PIER.y - 1, props: { kind: 'fisher' } },
  { type: 'npc', name: 'Sister Ilse', x: CHAPEL.x + 5, y: CHAPEL.y + 8, props: { kind: 'priest' } },
  { type: 'npc', name: 'Miner Dagna', x: MINE_MOUTH.x - 2, y: MINE_MOUTH.y + 3, props: { kind: 'miner' } },
  { type: 'npc', name: 'Nomad Sefu', x: 110, y: 90, props: { kind: 'nomad' } },
  { type: 'npc', name: 'Sage Orrin', x: RUINS.x + 9, y: RUINS.y + 6, props: { kind: 'sage' } },
  { type: 'npc', name: 'Guard Brann', x: 64, y: 60, props: { kind: 'guard' } },
  { type: 'npc', name: 'Innkeeper Odo', x: inn.x + 3, y: inn.y + 1, props: { kind: 'innkeeper' } },
  { type: 'npc', name: 'Scribe Tam', x: elderHouse.x + 6, y: elderHouse.y + 1, props: { kind: 'scribe' } },

  // Chests: static ones that come back, and hoards that appear when their guards are dead.
  chest('waterfall_cache', WATERFALL.x + 1, WATERFALL.topY + 1, 'long_sword,large_potion', 900),
  chest('secret_garden_chest', SECRET_GARDEN.x + 4, SECRET_GARDEN.y + 3, 'ember_potion,large_potion', 900),
  chest('smithy_rack', smithy.x + 4, smithy.y + 1, 'short_sword,small_potion', 600),
  chest('driftwood_chest', 131, 200, 'leather,small_potion'),
  chest('oasis_chest', 113, 91, 'large_potion,large_potion'),
  chest('rim_chest', 140, 14, 'large_potion,ember_potion', 900),
  { type: 'chestArea', name: 'goblin_hoard', ...GOBLIN_CAMP, props: { items: 'leather,axe,large_potion' } },
  { type: 'chestArea', name: 'graveyard_relics', ...GRAVEYARD_EAST, props: { items: 'chainmail,mace' } },
  { type: 'chestArea', name: 'crystal_hoard', ...room(2), props: { items: 'scale,long_sword' } },
  { type: 'chestArea', name: 'ruins_hoard', ...RUINS, props: { items: 'plate,frost_blade' } },
  {
    type: 'chestArea',
    name: 'wyrm_hoard',
    x: LAIR_HALL.cx - 8,
    y: LAIR_HALL.cy - 16,
    w: 16,
    h: 24,
    props: { items: 'ember_blade,ember_plate,ember_potion' },
  },

  // Named places for achievements.
  { type: 'area', name: 'secret_garden', ...SECRET_GARDEN },
  { type: 'area', name: 'waterfall_cache', x: WATERFALL.x, y: WATERFALL.topY, w: 3, h: 4 },
  { type: 'area', name: 'wyrm_lair', x: LAIR_HALL.cx - 10, y: LAIR_HALL.cy - 20, w: 20, h: 40 },
];

/** Music per zone; track names are the audio engineer's tune names. */
const MUSIC: Record<string, string> = {
  village: 'village',
  forest: 'forest',
  coast: 'coast',
  graveyard: 'graveyard',
  mountains: 'caves',
  caves: 'caves',
  desert: 'desert',
  volcano: 'volcano',
  lair: 'lair',
};

function musicPlaces(): Place[] {
  return Object.entries(ZONES).map(([zone, r]) => ({
    type: 'music',
    name: `music_${zone}`,
    ...r,
    props: { track: MUSIC[zone]! },
  }));
}

/** The world map's own name: what the interiors outside every zone are called. */
export const WORLD_TITLE = 'Emberfall';

/** What players call each zone of world-layout.ts: the world map writes these, entering one shows it. */
export const ZONE_TITLES: Record<string, string> = {
  village: 'Emberfall Village',
  forest: 'Whispering Woods',
  coast: 'Saltwind Coast',
  graveyard: 'Hollow Graveyard',
  mountains: 'Greystone Valley',
  desert: 'Sunscorch Desert',
  volcano: 'Cinder Peaks',
  caves: 'The Old Mine',
  lair: "The Wyrm's Lair",
};

/** The zones' objects, placed after every other object (the ferry's too) so no old id moves. */
export function zoneObjects(): ObjectSpec[] {
  return placeObjects(
    Object.entries(ZONES).map(([zone, r]) => ({
      type: 'zone',
      name: `zone_${zone}`,
      ...r,
      props: { title: ZONE_TITLES[zone] ?? zone },
    })),
  );
}

/** Tiles where doors and the ferry put players: reachability starts from these as well as the spawn. */
export function destinations(): [number, number][] {
  return [...DOORS, ...FERRY].filter((p) => p.type === 'destination').map((p) => [p.x, p.y]);
}

/** The ferry's objects, placed after every other object (camera areas included) so no old id moves. */
export function ferryObjects(): ObjectSpec[] {
  return placeObjects(FERRY);
}

export function worldObjects(): ObjectSpec[] {
  const village = VILLAGE_PLACES.filter((p) => FROM_VILLAGE.has(p.name));
  return [...placeObjects(village, VILLAGE_ORIGIN), ...placeObjects([...WORLD_PLACES, ...musicPlaces()])];
}
