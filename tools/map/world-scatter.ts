// Each zone's scattered props: what grows or lies about on its ground, and how thickly.
import { ZONES } from './world-layout.ts';
import type { Scatter } from './world-wild.ts';

export function zoneScatters(): Scatter[] {
  const z = ZONES;
  return [
    {
      area: z.forest!,
      ground: /^(forest|grass)_\d$/,
      props: [
        [0.02, ['bush', 'bush_berries'], true],
        [0.012, ['rock_mossy', 'stump'], true],
        [0.02, 'mushrooms', false],
        [0.02, ['flowers_blue', 'pebbles'], false],
      ],
      tall: [[0.006, 'pine', 2, 3]],
    },
    {
      area: { x: 0, y: z.graveyard!.y, w: z.graveyard!.w, h: z.graveyard!.h },
      ground: /^(deadgrass|grass)_\d$/,
      props: [
        [0.012, ['rock', 'stump'], true],
        [0.015, 'bones', false],
        [0.02, 'pebbles', false],
        [0.006, 'tombstone', true],
      ],
      tall: [[0.03, 'dead_tree', 2, 3]],
    },
    {
      area: z.mountains!,
      ground: /^(grass|cliff)_\d$/,
      props: [
        [0.02, ['rock', 'rock_mossy'], true],
        [0.03, 'pebbles', false],
      ],
      tall: [[0.01, 'pine', 2, 3]],
    },
    {
      area: z.desert!,
      ground: /^(sand|dune)_\d$/,
      props: [
        [0.006, 'cactus_small', true],
        [0.006, 'rock', true],
        [0.006, 'bones', false],
        [0.006, 'rubble', false],
      ],
      tall: [[0.008, 'cactus', 1, 2]],
    },
    {
      area: { x: z.coast!.x - 6, y: z.coast!.y, w: z.coast!.w + 6, h: z.coast!.h },
      ground: /^sand_\d$/,
      props: [
        [0.03, 'shells', false],
        [0.008, 'driftwood', true],
        [0.006, 'rock', true],
      ],
      tall: [[0.012, 'palm', 2, 3]],
    },
    {
      area: z.volcano!,
      ground: /^(basalt|ash)_\d$/,
      props: [
        [0.012, 'obsidian', true],
        [0.006, 'vent', true],
        [0.01, 'bones', false],
        [0.02, 'pebbles', false],
      ],
      tall: [[0.006, 'charred_tree', 2, 3]],
    },
  ];
}
