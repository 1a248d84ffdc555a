import { describe, expect, it } from 'vitest';
import { Dir } from '../../shared/rules/dirs.ts';
import { Motion } from './motion.ts';

const STEP = 150;

describe('Motion', () => {
  it('walks a queued path one tile per step time and stops at the end', () => {
    const m = new Motion(5, 5, STEP);
    m.followTiles([
      { x: 6, y: 5 },
      { x: 7, y: 5 },
    ]);
    expect(m.moving).toBe(true);
    expect(m.facing).toBe(Dir.Right);
    m.update(STEP / 2);
    expect(m.position).toEqual({ x: 5.5, y: 5 });
    m.update(STEP / 2);
    expect(m.from).toEqual({ x: 6, y: 5 });
    m.update(STEP * 3);
    expect(m.tile).toEqual({ x: 7, y: 5 });
    expect(m.moving).toBe(false);
  });

  it('joins a server walk that starts at the tile it is stepping from, without jumping', () => {
    const m = new Motion(5, 5, STEP);
    m.followTiles([{ x: 5, y: 6 }]);
    m.update(STEP / 3);
    m.followWalk({ start: { x: 5, y: 5 }, steps: [Dir.Down, Dir.Down, Dir.Right] });
    expect(m.to).toEqual({ x: 5, y: 6 });
    expect(m.queue).toEqual([
      { x: 5, y: 7 },
      { x: 6, y: 7 },
    ]);
    expect(m.position.y).toBeCloseTo(5 + 1 / 3);
  });

  it('turns back smoothly when the server says it never left the start tile', () => {
    const m = new Motion(5, 5, STEP);
    m.followTiles([{ x: 6, y: 5 }]);
    m.update(STEP / 4);
    m.followWalk({ start: { x: 5, y: 5 }, steps: [Dir.Up] });
    expect(m.position.x).toBeCloseTo(5.25);
    m.update(STEP);
    expect(m.from).toEqual({ x: 5, y: 5 });
    expect(m.to).toEqual({ x: 5, y: 4 });
  });

  it('snaps to a walk that starts somewhere it could not have walked from', () => {
    const m = new Motion(5, 5, STEP);
    m.followWalk({ start: { x: 20, y: 20 }, steps: [Dir.Left] });
    expect(m.from).toEqual({ x: 20, y: 20 });
    expect(m.to).toEqual({ x: 19, y: 20 });
  });

  it('catches up when far behind the server by walking faster', () => {
    const slow = new Motion(0, 0, STEP);
    const behind = new Motion(0, 0, STEP);
    slow.followTiles([{ x: 1, y: 0 }]);
    behind.followTiles(Array.from({ length: 8 }, (_, i) => ({ x: i + 1, y: 0 })));
    slow.update(STEP / 2);
    behind.update(STEP / 2);
    expect(behind.position.x).toBeGreaterThan(slow.position.x);
  });

  it("walks the player's own predicted path at the server's step time, however long the queue", () => {
    const own = new Motion(0, 0, STEP, false);
    own.followTiles(Array.from({ length: 12 }, (_, i) => ({ x: i + 1, y: 0 })));
    // The server needs 12 steps of STEP ms; a sped-up prediction would be there early.
    own.update(STEP * 11.5);
    expect(own.position.x).toBeCloseTo(11.5);
    expect(own.moving).toBe(true);
    own.update(STEP / 2);
    expect(own.tile).toEqual({ x: 12, y: 0 });
    expect(own.moving).toBe(false);
  });

  it('counts the moves it did not walk, so the camera can jump rather than sweep', () => {
    const m = new Motion(5, 5, STEP);
    m.followTiles([{ x: 6, y: 5 }]);
    m.update(STEP);
    m.followWalk({ start: { x: 6, y: 5 }, steps: [Dir.Down] });
    m.update(STEP);
    expect(m.jumps).toBe(0);
    m.followWalk({ start: { x: 40, y: 2 }, steps: [] }); // a door
    expect(m.jumps).toBe(1);
    expect(m.tile).toEqual({ x: 40, y: 2 });
    m.placeAt({ x: 40, y: 2 }); // already there: no jump
    expect(m.jumps).toBe(1);
    m.followTiles([{ x: 3, y: 3 }]); // not a neighbour: snapped to
    expect(m.jumps).toBe(2);
  });

  it('leaves out the part of a frame that passed before a walk started', () => {
    const m = new Motion(5, 5, STEP, false);
    m.followTiles([{ x: 6, y: 5 }]);
    m.startedLate(100); // clicked 100 ms after the last frame; this frame lasts 150 ms
    m.update(STEP);
    expect(m.position.x).toBeCloseTo(5 + 50 / STEP);
    m.update(50); // only once
    expect(m.position.x).toBeCloseTo(5 + 100 / STEP);
  });

  it('waits on a tile, steps kept, while mayEnter refuses the next one', () => {
    const m = new Motion(0, 0, STEP, false);
    m.followTiles([1, 2, 3].map((x) => ({ x, y: 0 })));
    let allowed = 1;
    const mayEnter = (t: { x: number }): boolean => t.x <= allowed;
    m.update(STEP * 3, mayEnter);
    expect(m.from).toEqual({ x: 1, y: 0 });
    expect(m.waiting).toBe(true);
    expect(m.moving).toBe(true);
    allowed = 3;
    m.update(STEP / 2, mayEnter);
    expect(m.position.x).toBeCloseTo(1.5);
    m.update(STEP * 2, mayEnter);
    expect(m.tile).toEqual({ x: 3, y: 0 });
    expect(m.moving).toBe(false);
  });
});
