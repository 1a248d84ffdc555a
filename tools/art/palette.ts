// The one palette every tile and sprite is drawn from, so the whole game reads as one place.
// Ramps go dark -> light; shading means stepping along a ramp, never inventing a new colour.

export type Rgba = readonly [number, number, number, number];

function hex(code: string, alpha = 255): Rgba {
  const n = parseInt(code.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, alpha];
}

export const CLEAR: Rgba = [0, 0, 0, 0];
/** Soft contact shadow under trees, props and characters. */
export const SHADOW: Rgba = [20, 12, 30, 70];

export const P = {
  outline: hex('#221a2c'),
  white: hex('#f6f2e4'),

  grass: [hex('#24562f'), hex('#367a34'), hex('#4f9c3b'), hex('#76be48'), hex('#a7dc68')],
  leaf: [hex('#193f2c'), hex('#235c30'), hex('#337d36'), hex('#56a040'), hex('#8ccc58')],
  dirt: [hex('#6b4329'), hex('#94643b'), hex('#b88552'), hex('#d6a96c')],
  sand: [hex('#b98f55'), hex('#dcb872'), hex('#eed596'), hex('#fbedbf')],
  water: [hex('#1f3f85'), hex('#2a5db0'), hex('#3b82d1'), hex('#6cb6ec'), hex('#c9ecff')],
  stone: [hex('#3d3b4f'), hex('#5f6074'), hex('#8a8c9c'), hex('#b7bac4'), hex('#dcdde2')],
  wood: [hex('#3f2519'), hex('#633a23'), hex('#8a5530'), hex('#b07744'), hex('#d39d62')],
  roofOrange: [hex('#7d2e1c'), hex('#b5482a'), hex('#e06e34'), hex('#f59d4e')],
  roofRed: [hex('#5e1a26'), hex('#8f2733'), hex('#c03e3e'), hex('#e26a5a')],

  flowerRed: hex('#e8454b'),
  flowerYellow: hex('#f8d24a'),
  flowerBlue: hex('#6f8ff0'),
  flowerPink: hex('#f28fc0'),
  flowerPurple: hex('#9a62d8'),
  gold: hex('#f6c445'),
  glass: [hex('#2b4d7a'), hex('#8cc4e8')],
  skin: [hex('#c47b58'), hex('#f0b88a')],
  hair: [hex('#4a2a1e'), hex('#7a4428')],

  // Ramps added for the adventure's creatures, gear and effects; same dark -> light rule.
  /** Lava, embers, fire: the volcanic zone, the fire imp, the wyrm and the top gear tier. */
  ember: [hex('#4a1420'), hex('#8f2420'), hex('#d2461e'), hex('#f5892b'), hex('#ffd05a'), hex('#fff4b8')],
  /** Ghostly and frosty cyan: the ghost, the frost blade, magic glints. */
  spirit: [hex('#1d3e5a'), hex('#2f7494'), hex('#4fb3c8'), hex('#93e6e4'), hex('#e2fff8')],
  /** Dusk violet: bats, slimes, robes, shadows with colour in them. */
  violet: [hex('#2b1d44'), hex('#46306e'), hex('#6a4aa0'), hex('#9a7ad0'), hex('#cbb6ee')],
  /** Old bone and parchment: skeletons, paper, the sage's beard. */
  bone: [hex('#5e5446'), hex('#978a70'), hex('#cbbf9c'), hex('#eee6c8')],
  /** Olive skin and moss: goblins, the golem's moss, the scale armour. */
  moss: [hex('#2c3a1a'), hex('#4d6326'), hex('#7a9234'), hex('#adc25a'), hex('#d8e48e')],
  /** Polished brass and gold: trims, coins, trophies. */
  brass: [hex('#5a3510'), hex('#9a6218'), hex('#d69a28'), hex('#f6c445'), hex('#fff0a6')],
  /** Dark basalt: the wyrm's scales, obsidian plate, the scorpion's carapace. */
  basalt: [hex('#16121e'), hex('#2a2233'), hex('#433849'), hex('#625466')],
  /** Warm pinks: rat tails and ears, the slime's blush, healing potions. */
  rose: [hex('#7a2a44'), hex('#b8465e'), hex('#e57a88'), hex('#f8b4b4')],
} as const;

export function withAlpha(c: Rgba, alpha: number): Rgba {
  return [c[0], c[1], c[2], alpha];
}
