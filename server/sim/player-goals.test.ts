// Talking to NPCs and chatting, in a running world.
import { describe, expect, it } from 'vitest';
import { Op } from '../../shared/protocol/ops.ts';
import { CHAT_MAX } from '../../shared/protocol/schema.ts';
import { TICK_RATE } from '../../shared/rules/movement.ts';
import { World } from './world.ts';
import { cleanChat } from './player-goals.ts';
import { distance } from './mob-ai.ts';
import {
  adventureMap,
  openRows,
  placedClient,
  received,
  shippedData,
  tickAndDeliver,
  tickTimes,
} from './test-support.ts';

/** Open ground with a guard at (15, 5), and a sage walled in at (25, 5) where nobody can stand beside him. */
function setUp() {
  const rows = openRows(80, 14).map((row, y) =>
    [...row].map((c, x) => (Math.max(Math.abs(x - 25), Math.abs(y - 5)) === 2 ? '#' : c)).join(''),
  );
  const map = adventureMap(rows, [
    { id: 1, type: 'spawn', x: 5, y: 5 },
    { id: 2, type: 'npc', x: 15, y: 5, props: { kind: 'guard' } },
    { id: 3, type: 'npc', x: 25, y: 5, props: { kind: 'sage' } },
  ]);
  const world = new World({ name: 'w', map, data: shippedData(), seed: 1 });
  const a = placedClient(world, 'A', { x: 5, y: 5 });
  const b = placedClient(world, 'B', { x: 4, y: 4 });
  const [guard, sage] = [...world.npcs.values()];
  return { world, a, b, both: [a, b], npc: guard!, sage: sage! };
}

describe('talking to an NPC', () => {
  it('answers only once the player is beside it, then steps through its lines and starts over', () => {
    const { world, a, b, both, npc } = setUp();
    const lines = npc.kind.lines;
    world.pursue(a.player.id, 'talk', npc.id);
    let ticks = 0;
    for (; ticks < 100 && received(a, Op.NpcLine).length === 0; ticks++) tickAndDeliver(world, both);
    expect(ticks).toBeGreaterThan(9 * 3); // it had to walk there first: 9 tiles at 3 ticks each
    expect(distance(a.player, npc)).toBe(1);
    const heard = (): string[] => received(a, Op.NpcLine).map((m) => m[2]);
    expect(heard()).toEqual([lines[0]]);
    for (let i = 1; i <= lines.length; i++) {
      world.pursue(a.player.id, 'talk', npc.id);
      tickTimes(world, both, 1);
    }
    expect(heard()).toEqual([...lines, lines[0]]);
    expect(received(a, Op.NpcLine).every((m) => m[1] === npc.id)).toBe(true);
    // The line is for the one who asked.
    expect(received(b, Op.NpcLine)).toEqual([]);
  });

  it('never answers a player who cannot get beside it', () => {
    const { world, a, both, sage } = setUp();
    world.pursue(a.player.id, 'talk', sage.id);
    tickTimes(world, both, 300);
    expect(distance(a.player, sage)).toBe(3); // as near as the wall allows
    expect(received(a, Op.NpcLine)).toEqual([]);
  });
});

describe('chat', () => {
  it('cleans lines: no control or direction marks, spaces folded', () => {
    expect(cleanChat('  hi\u0000\u0007 there\n\tyou\u202e  ')).toBe('hi there you');
    expect(cleanChat('\u200b\u2066evil\u2069')).toBe('evil');
    expect(cleanChat(' \u0001 \u0002 ')).toBe('');
  });

  it('is an intent like any other: a line sent between ticks is said in the next tick, not before', () => {
    const { world, a, b, both } = setUp();
    world.chat(a.player.id, 'wait for it');
    expect(world.takeFrame(b.player.id)).toBeNull();
    tickTimes(world, both, 1);
    expect(received(b, Op.ChatLine)).toEqual([[Op.ChatLine, a.player.id, 'wait for it']]);
  });

  it('goes to the players nearby as clean text; a blank line goes nowhere', () => {
    const { world, a, both } = setUp();
    const far = placedClient(world, 'Far', { x: 75, y: 5 });
    world.chat(a.player.id, `hello\u0000 world${'!'.repeat(CHAT_MAX - 11)}`);
    world.chat(a.player.id, '\u0001\u0002  ');
    tickTimes(world, [...both, far], 1);
    for (const c of both) {
      expect(received(c, Op.ChatLine)).toEqual([
        [Op.ChatLine, a.player.id, `hello world${'!'.repeat(CHAT_MAX - 11)}`],
      ]);
    }
    expect(received(far, Op.ChatLine)).toEqual([]);
    expect(received(a, Op.Achievement)).toEqual([[Op.Achievement, 'chatterbox']]);
  });

  it('refuses a line longer than CHAT_MAX characters (emoji count as one) with a notice', () => {
    const { world, a, b, both } = setUp();
    world.chat(a.player.id, '🔥'.repeat(CHAT_MAX + 1));
    world.chat(a.player.id, 'x'.repeat(241));
    world.chat(a.player.id, '🔥'.repeat(CHAT_MAX));
    tickTimes(world, both, 1);
    expect(received(b, Op.ChatLine).map((m) => m[2])).toEqual(['🔥'.repeat(CHAT_MAX)]);
    expect(received(a, Op.Notice).map((m) => m[1])).toEqual([
      `That line is too long to say: chat lines are at most ${CHAT_MAX} characters.`,
      `That line is too long to say: chat lines are at most ${CHAT_MAX} characters.`,
    ]);
  });

  it('allows three lines per five seconds, and says so when it refuses', () => {
    const { world, a, b, both } = setUp();
    for (let i = 1; i <= 5; i++) world.chat(a.player.id, `line ${i}`);
    tickTimes(world, both, 1);
    expect(received(b, Op.ChatLine).map((m) => m[2])).toEqual(['line 1', 'line 2', 'line 3']);
    expect(received(a, Op.Notice).map((m) => m[1])).toEqual([
      'You are talking too fast. Take a breath.',
      'You are talking too fast. Take a breath.',
    ]);
    tickTimes(world, both, 5 * TICK_RATE);
    world.chat(a.player.id, 'line 6');
    tickTimes(world, both, 1);
    expect(
      received(b, Op.ChatLine)
        .map((m) => m[2])
        .at(-1),
    ).toBe('line 6');
  });
});
