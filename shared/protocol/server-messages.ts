// Server→client message tuples. The server builds them; the client trusts their shape.
import type { Happening, Op } from './ops.ts';

export type WelcomeMsg = [
  op: typeof Op.Welcome,
  selfId: number,
  name: string,
  x: number,
  y: number,
  world: string,
  /** The map this world plays, as a path under `assets/` (`maps/world.tmj`). */
  map: string,
  tickMs: number,
  stepTicks: number,
  /** Names the map and data the world plays (a hash); a new one after live reload: the page redraws. */
  version: string,
];
/** `walk` is the entity's ongoing walk as packed records (empty when it stands still). */
export type SpawnPlayerMsg = [
  op: typeof Op.SpawnPlayer,
  id: number,
  name: string,
  x: number,
  y: number,
  walk: Uint8Array,
  weapon: string,
  armor: string,
  level: number,
];
export type SpawnMobMsg = [
  op: typeof Op.SpawnMob,
  id: number,
  kind: string,
  x: number,
  y: number,
  walk: Uint8Array,
  hp: number,
  maxHp: number,
];
/** `ttlTicks` is how long the item stays on the ground (0: for good), so clients can make it blink. */
export type SpawnItemMsg = [
  op: typeof Op.SpawnItem,
  id: number,
  kind: string,
  x: number,
  y: number,
  ttlTicks: number,
];
export type SpawnNpcMsg = [op: typeof Op.SpawnNpc, id: number, kind: string, x: number, y: number];
export type SpawnChestMsg = [op: typeof Op.SpawnChest, id: number, x: number, y: number];
export type HitMsg = [op: typeof Op.Hit, attacker: number, target: number, damage: number, hpLeft: number];
/** `killer` is the entity whose blow it was (0: none), so the victim's page can say what killed it. */
export type DiedMsg = [op: typeof Op.Died, id: number, killer: number];
export type StatsMsg = [
  op: typeof Op.Stats,
  hp: number,
  maxHp: number,
  level: number,
  xp: number,
  weapon: string,
  armor: string,
  invulnerableTicks: number,
];
export type LooksMsg = [op: typeof Op.Looks, id: number, weapon: string, armor: string, level: number];
export type ChatLineMsg = [op: typeof Op.ChatLine, id: number, text: string];
export type NpcLineMsg = [op: typeof Op.NpcLine, npc: number, text: string];
export type AchievementMsg = [op: typeof Op.Achievement, id: string];
export type HealedMsg = [op: typeof Op.Healed, id: number, hp: number];
/** Something happened to this player (a `Happening`), with its detail: an item kind, a level, an id. */
export type HappenedMsg = [op: typeof Op.Happened, what: Happening, detail: string | number];
export type AchievementListMsg = [op: typeof Op.AchievementList, ids: string[]];
export type DespawnMsg = [op: typeof Op.Despawn, id: number];
/** This tick's walk starts, packed by `moves.ts`. */
export type MovesMsg = [op: typeof Op.Moves, packed: Uint8Array];
/** A line for the player's notification area. */
export type NoticeMsg = [op: typeof Op.Notice, text: string];

/** The secret that proves ownership of a new character; the client keeps it (the server only a hash). */
export type TokenMsg = [op: typeof Op.Token, token: string];
export type HeartbeatMsg = [op: typeof Op.Heartbeat];

export type TransferMsg = [op: typeof Op.Transfer, world: string, map: string];
export type PopulationMsg = [op: typeof Op.Population, here: number, total: number];
/** One player in a `PlayerList`: name, world id, level. */
export type ListedPlayer = [name: string, world: string, level: number];
export type PlayerListMsg = [op: typeof Op.PlayerList, total: number, players: ListedPlayer[]];
export type WhisperMsg = [op: typeof Op.Whisper, from: string, to: string, text: string];
/** The host's announcement to the whole realm. */
export type AnnouncementMsg = [op: typeof Op.Announcement, text: string];

export type PartyInviteMsg = [op: typeof Op.PartyInvite, from: string, seconds: number];
/**
 * One member in a `Party`: where it plays (world id, map path, tile) and how it is (level, HP). `online`
 * 0 while it is between worlds or lost its connection (it stays in the party for a grace period).
 */
export type PartyMemberInfo = [
  name: string,
  world: string,
  map: string,
  level: number,
  hp: number,
  maxHp: number,
  x: number,
  y: number,
  online: number,
];
export type PartyMsg = [op: typeof Op.Party, leader: string, members: PartyMemberInfo[]];
export type PartyLineMsg = [op: typeof Op.PartyLine, from: string, text: string];
export type InviteEndedMsg = [op: typeof Op.InviteEnded, from: string];

/** The bag's slots (item kind, '' empty) and their counts, and the belt's potion kinds (bag.ts). */
export type BagMsg = [op: typeof Op.Bag, slots: string[], counts: number[], belt: string[]];

/** A quest taken: its id (quests.json) and progress toward its count. */
export type QuestProgress = [id: string, progress: number];
export type QuestLogMsg = [op: typeof Op.QuestLog, active: QuestProgress[], done: string[]];
export type QuestOfferMsg = [op: typeof Op.QuestOffer, npc: number, quest: string];
/** `!`: the NPC kind has a quest to give this player; `?`: one to take back. */
export type NpcMark = '!' | '?';
export type NpcMarkersMsg = [op: typeof Op.NpcMarkers, marks: [kind: string, mark: NpcMark][]];

export type ServerMsg =
  | WelcomeMsg
  | SpawnPlayerMsg
  | DespawnMsg
  | MovesMsg
  | NoticeMsg
  | TokenMsg
  | HeartbeatMsg
  | SpawnMobMsg
  | SpawnItemMsg
  | SpawnNpcMsg
  | SpawnChestMsg
  | HitMsg
  | DiedMsg
  | StatsMsg
  | LooksMsg
  | ChatLineMsg
  | NpcLineMsg
  | AchievementMsg
  | AchievementListMsg
  | HealedMsg
  | HappenedMsg
  | TransferMsg
  | PopulationMsg
  | PlayerListMsg
  | WhisperMsg
  | BagMsg
  | PartyInviteMsg
  | PartyMsg
  | PartyLineMsg
  | InviteEndedMsg
  | AnnouncementMsg
  | QuestLogMsg
  | QuestOfferMsg
  | NpcMarkersMsg;
