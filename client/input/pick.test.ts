import { describe, expect, it } from 'vitest';
import { actionFor, pickAt, type DrawnBox } from './pick.ts';

/** A 16×16 sprite standing on tile (tx, ty), drawn the way EntityView draws it (feet on the tile's bottom). */
function sprite(id: number, type: string, tx: number, ty: number, size = 16, depthBias = 0): DrawnBox {
  const bottom = ty * 16 + 16;
  return {
    id,
    type,
    left: tx * 16 + 8 - size / 2,
    right: tx * 16 + 8 + size / 2,
    top: bottom - size,
    bottom,
    depth: 1000 + bottom + depthBias,
  };
}

describe('pickAt', () => {
  it('a click on the tile north of a small mob walks there; a click on the mob attacks it', () => {
    const rat = sprite(1, 'mob', 10, 10);
    expect(pickAt([rat], 10 * 16 + 8, 9 * 16 + 8)).toBeNull();
    expect(pickAt([rat], 10 * 16 + 8, 10 * 16 + 8)?.id).toBe(1);
  });

  it('a tall sprite is picked where it is drawn, above its own tile', () => {
    const wyrm = sprite(2, 'mob', 10, 10, 40);
    expect(pickAt([wyrm], 10 * 16 + 8, 9 * 16 + 4)?.id).toBe(2);
  });

  it('the topmost drawn sprite wins where two overlap', () => {
    const back = sprite(1, 'mob', 10, 9, 24);
    const front = sprite(2, 'npc', 10, 10, 24);
    expect(pickAt([front, back], 10 * 16 + 8, 10 * 16 - 2)?.id).toBe(2);
    expect(pickAt([back, front], 10 * 16 + 8, 10 * 16 - 2)?.id).toBe(2);
  });

  it('players are not targets and do not hide what is behind them', () => {
    const mob = sprite(1, 'mob', 10, 10);
    const player = sprite(2, 'player', 10, 10, 16, 5);
    expect(pickAt([mob, player], 10 * 16 + 8, 10 * 16 + 8)?.id).toBe(1);
  });

  it('names the action for each kind of target', () => {
    expect(['mob', 'npc', 'item', 'chest', 'player'].map(actionFor)).toEqual([
      'attack',
      'talk',
      'take',
      'open',
      'walk',
    ]);
  });
});
