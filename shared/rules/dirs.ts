// The four walking directions and their tile offsets.

export const Dir = { Up: 0, Right: 1, Down: 2, Left: 3 } as const;
export type Dir = (typeof Dir)[keyof typeof Dir];

export const DX: readonly number[] = [0, 1, 0, -1];
export const DY: readonly number[] = [-1, 0, 1, 0];

/** The direction of a one-tile step, or -1 if the tiles are not neighbours. */
export function dirBetween(ax: number, ay: number, bx: number, by: number): Dir | -1 {
  const dx = bx - ax;
  const dy = by - ay;
  if (dx === 0 && dy === -1) return Dir.Up;
  if (dx === 1 && dy === 0) return Dir.Right;
  if (dx === 0 && dy === 1) return Dir.Down;
  if (dx === -1 && dy === 0) return Dir.Left;
  return -1;
}
