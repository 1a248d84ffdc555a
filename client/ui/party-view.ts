// What the party frame and the maps show of a party, from what the server said (no DOM, so tests read
// it): a row per other member (HP share, level, where it plays if not here, offline), and the marks the
// minimap draws for members playing somewhere on a map.
import type { PartyMember } from '../../shared/protocol/view.ts';
import { nameKey } from '../../shared/rules/names.ts';
import type { MapMark } from './map-marks.ts';

export interface PartyRow {
  name: string;
  leader: boolean;
  level: number;
  /** 0 to 1. */
  hpShare: number;
  hpText: string;
  /** Where it plays when not in our world ("in The Cave"), "away" offline, else ''. */
  where: string;
  online: boolean;
}

/** Rows for every member but us, in the party's order. */
export function partyRows(
  members: readonly PartyMember[],
  leader: string,
  self: { name: string; world: string },
  worldTitle: (id: string) => string,
): PartyRow[] {
  const me = nameKey(self.name);
  return members
    .filter((m) => nameKey(m.name) !== me)
    .map((m) => ({
      name: m.name,
      leader: nameKey(m.name) === nameKey(leader),
      level: m.level,
      hpShare: m.maxHp > 0 ? Math.max(0, Math.min(1, m.hp / m.maxHp)) : 0,
      hpText: `${m.hp} / ${m.maxHp}`,
      where: !m.online ? 'away' : m.world !== self.world ? `in ${worldTitle(m.world)}` : '',
      online: m.online,
    }));
}

/** The minimap's party marks: every other member playing now, on the map it plays. */
export function partyMarks(members: readonly PartyMember[], selfName: string): MapMark[] {
  const me = nameKey(selfName);
  return members
    .filter((m) => m.online && nameKey(m.name) !== me)
    .map((m) => ({ label: m.name, map: m.map, x: m.x, y: m.y }));
}

/** The chat command for inviting `name` (the server reads it like the Invite op). */
export function invitePrefix(name: string): string {
  return `/invite ${name}`;
}
