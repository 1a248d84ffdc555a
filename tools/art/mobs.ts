// Every mob sheet by its data id (assets/data/mobs.json uses the same ids).
import type { MobDesign } from './mob-sheet.ts';
import { BEASTS } from './mobs-beasts.ts';
import { CRITTERS } from './mobs-critters.ts';
import { HUMANOID_MOBS } from './mobs-humanoid.ts';
import { SPIRITS } from './mobs-spirits.ts';
import { EMBER_WYRM } from './mob-wyrm.ts';

export const MOB_DESIGNS = {
  rat: CRITTERS.rat,
  slime: CRITTERS.slime,
  crab: CRITTERS.crab,
  bat: CRITTERS.bat,
  goblin: HUMANOID_MOBS.goblin,
  wolf: BEASTS.wolf,
  skeleton: HUMANOID_MOBS.skeleton,
  ghost: SPIRITS.ghost,
  scorpion: BEASTS.scorpion,
  golem: SPIRITS.golem,
  fire_imp: SPIRITS.fire_imp,
  ember_wyrm: EMBER_WYRM,
} satisfies Record<string, MobDesign>;

export type MobId = keyof typeof MOB_DESIGNS;
export const MOB_IDS = Object.keys(MOB_DESIGNS) as MobId[];
