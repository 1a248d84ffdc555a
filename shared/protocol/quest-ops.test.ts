// The quest ops on the wire: the client's two intents are checked like every other op (a quest id is a
// short string), and the server's three messages reach a view as its quest log and NPC marks.
import { describe, expect, it } from 'vitest';
import { decodeClientFrame, encode, joinFrame } from './codec.ts';
import type { ClientMsg } from './schema.ts';
import { Op } from './ops.ts';
import { applyFrame, createView } from './view.ts';

describe('quest ops', () => {
  it('takes a quest id of up to 40 characters, and refuses anything else', () => {
    expect(decodeClientFrame(encode([Op.AcceptQuest, 'find_wren']))).toEqual({
      ok: true,
      msg: [Op.AcceptQuest, 'find_wren'],
    });
    expect(decodeClientFrame(encode([Op.AbandonQuest, 7] as unknown as ClientMsg))).toMatchObject({
      ok: false,
      error: 'op 15 field 1 must be a string of at most 40 characters',
    });
    expect(decodeClientFrame(encode([Op.AcceptQuest, 'x'.repeat(41)]))).toMatchObject({ ok: false });
    expect(decodeClientFrame(encode([Op.AcceptQuest] as unknown as ClientMsg))).toMatchObject({ ok: false });
  });

  it('a view keeps the latest quest log and NPC marks, and passes the offer on', () => {
    const view = createView();
    const events = applyFrame(
      view,
      joinFrame([
        encode([Op.QuestLog, [['rat_trouble', 3]], ['find_wren']]),
        encode([Op.NpcMarkers, [['elder', '?']]]),
        encode([Op.QuestOffer, 12, 'slime_samples']),
      ]),
    );
    expect(view.quests.active).toEqual(new Map([['rat_trouble', 3]]));
    expect(view.quests.done).toEqual(['find_wren']);
    expect(view.npcMarks).toEqual(new Map([['elder', '?']]));
    expect(events.map((e) => e.type)).toEqual(['questLog', 'npcMarks', 'questOffer']);
    expect(events[2]).toEqual({ type: 'questOffer', npc: 12, quest: 'slime_samples' });
  });
});
