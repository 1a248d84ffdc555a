// What a client knows of the world: the entities it sees and the player's own state, as `applyFrame`
// (view.ts) keeps them from the server's frames. Types only, and the empty view.
import type { Dir } from '../rules/dirs.ts';
import type { Happening } from './ops.ts';
import type { ListedPlayer, NpcMark, QuestProgress } from './server-messages.ts';

export type EntityType = 'player' | 'mob' | 'item' | 'npc' | 'chest';

export interface SeenEntity {
  id: number;
  type: EntityType;
  /** The data-file kind (mob, item or NPC id); for players, their armor. */
  kind: string;
  /** A player's name; for other entities, their kind. */
  name: string;
  hp: number;
  maxHp: number;
  weapon: string;
  armor: string;
  level: number;
  /** Ticks an item stays on the ground from its spawn (0: for good). */
  ttlTicks: number;
  /** The tile the current walk starts on; where the entity stands when it has no steps. */
  fromX: number;
  fromY: number;
  /**
   * The current walk's steps. Rewritten in place by the next walk (the view allocates nothing per
   * walk): read it when the event comes, and copy it to keep it.
   */
  steps: Dir[];
  /** The tile the current walk ends on. A walk record without a start continues from here. */
  endX: number;
  endY: number;
  /** The caller's clock when the current walk arrived, to work out where the entity is now. */
  since: number;
}

export interface WorldView {
  /** The player's own id, or -1 until the welcome. The player is also in `entities`. */
  selfId: number;
  world: string;
  /** The map the world plays (path under `assets/`), from the welcome. */
  map: string;
  /** The welcome's content version: changes when live reload swapped the world's map or data. */
  version: string;
  tickMs: number;
  stepTicks: number;
  entities: Map<number, SeenEntity>;
  /** The player's own numbers, from the latest Stats message. */
  stats: Stats | null;
  /** The player's bag and belt, from the latest Bag message (null until one came). */
  bag: BagView | null;
  /** Our party's members (us too) from the latest Party message; empty in none. */
  party: PartyMember[];
  /** The player's quests, from the latest QuestLog: taken (id -> progress) and handed in. */
  quests: { active: Map<string, number>; done: string[] };
  /** What NPCs of each kind show over them (`!` a quest to give, `?` one to take back), from NpcMarkers. */
  npcMarks: Map<string, NpcMark>;
}

/** One bag or belt slot as the player sees it: the item kind ('' empty) and how many. */
export interface SlotView {
  item: string;
  count: number;
}

/**
 * The bag's slots and the belt's. A belt slot's count is how many of its potion the bag holds in all
 * (the belt is a shortcut to them, not a place of its own): 0 shows an empty shortcut.
 */
export interface BagView {
  slots: SlotView[];
  belt: SlotView[];
}

export interface Stats {
  hp: number;
  maxHp: number;
  level: number;
  xp: number;
  weapon: string;
  armor: string;
  invulnerableTicks: number;
}

export type ViewEvent =
  | { type: 'welcome'; entity: SeenEntity }
  | { type: 'spawn'; entity: SeenEntity }
  | { type: 'despawn'; entity: SeenEntity }
  | { type: 'walk'; entity: SeenEntity }
  | { type: 'notice'; text: string }
  | { type: 'hit'; attacker: number; target: number; damage: number; hpLeft: number }
  /** The entity died (it is gone from the view); `entity` is what it was, `killer` who struck last. */
  | { type: 'died'; id: number; entity: SeenEntity | undefined; killer: SeenEntity | undefined }
  | { type: 'stats'; stats: Stats }
  | { type: 'looks'; entity: SeenEntity }
  | { type: 'chat'; id: number; text: string }
  | { type: 'npcLine'; id: number; text: string }
  | { type: 'achievement'; id: string }
  | { type: 'healed'; id: number; hp: number }
  | { type: 'achievementList'; ids: string[] }
  /** Something happened to the player (a chest opened, gear put on, a level reached…). */
  | { type: 'happened'; what: Happening; detail: string | number }
  /** The character moved to another world: join `/ws/<world>`, drawing `map` (a path under `assets/`). */
  | { type: 'transfer'; world: string; map: string }
  | { type: 'population'; here: number; total: number }
  | { type: 'playerList'; total: number; players: ListedPlayer[] }
  | { type: 'whisper'; from: string; to: string; text: string }
  /** The bag or belt changed (the view's `bag` holds them now). */
  | { type: 'bag'; bag: BagView }
  /** `from` invites us into their party, for `seconds`. */
  | { type: 'partyInvite'; from: string; seconds: number }
  /** Our party now (no members: none). */
  | { type: 'party'; leader: string; members: PartyMember[] }
  | { type: 'partyLine'; from: string; text: string }
  /** The invitation from `from` is closed (lapsed, or answered). */
  | { type: 'inviteEnded'; from: string }
  /** The host's announcement to every player of the realm. */
  | { type: 'announcement'; text: string }
  /** The quest log changed (the view holds it): `active` and `done` as the server sent them. */
  | { type: 'questLog'; active: QuestProgress[]; done: string[] }
  /** The NPC `npc` offers the quest `quest`. */
  | { type: 'questOffer'; npc: number; quest: string }
  | { type: 'npcMarks'; marks: Map<string, NpcMark> }
  /** The server created our character: keep this token to play it again. */
  | { type: 'token'; token: string }
  /** The frame contradicts the view: a server bug, never the player's doing. */
  | { type: 'problem'; text: string };

/** One party member as the server last told it (`online` false: between worlds, or its connection lost). */
export interface PartyMember {
  name: string;
  world: string;
  map: string;
  level: number;
  hp: number;
  maxHp: number;
  x: number;
  y: number;
  online: boolean;
}

export function createView(): WorldView {
  return {
    selfId: -1,
    world: '',
    map: '',
    version: '',
    tickMs: 0,
    stepTicks: 0,
    entities: new Map(),
    stats: null,
    bag: null,
    party: [],
    quests: { active: new Map(), done: [] },
    npcMarks: new Map(),
  };
}
