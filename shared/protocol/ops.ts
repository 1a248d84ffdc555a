// Wire constants shared by server and client: opcodes, the protocol version and close codes.

/** Bump whenever a message shape changes; the handshake refuses a mismatch. */
export const PROTOCOL_VERSION = 9;

/** Opcodes, the first element of every message tuple. Client→server ops are below 64. */
export const Op = {
  // client → server
  Hello: 1,
  WalkTo: 2,
  /** Fight a mob: walk beside it and swing until it dies or another intent replaces this one. */
  Attack: 3,
  /** Pick up an item: walk onto it and take it. */
  Loot: 4,
  /** Talk to an NPC: walk beside it and hear its next line. */
  Talk: 5,
  /** Open a chest: walk beside it and spill what it holds. */
  Open: 6,
  Chat: 7,
  /** Back to the last checkpoint after dying. */
  Respawn: 8,
  /** Ask who is playing in the realm: answered with one `PlayerList`. */
  Who: 9,
  /** Use what a bag slot holds: `[Op.UseSlot, slot]` drinks a potion or puts on a piece of gear. */
  UseSlot: 10,
  /** Drink one of the potion kind on a belt slot: `[Op.UseBelt, beltSlot]` (0–3). */
  UseBelt: 11,
  /** Drop one of what a bag slot holds at the player's feet, for anyone to pick up: `[Op.DropSlot, slot]`. */
  DropSlot: 12,
  /** Put the potion kind of a bag slot on a belt slot: `[Op.SetBelt, beltSlot, slot]` (slot -1 clears it). */
  SetBelt: 13,
  /** Ask a player (in any world of the realm) to join our party: `[Op.Invite, name]`. */
  Invite: 16,
  /** Answer an invitation: `[Op.AnswerInvite, inviter, accept]` (accept 1, decline 0). */
  AnswerInvite: 17,
  /** Leave the party we are in. */
  LeaveParty: 18,
  /** The party's leader sends a member away: `[Op.Kick, name]`. */
  Kick: 19,
  /** Take the quest an NPC beside you offers: `[Op.AcceptQuest, questId]` (assets/data/quests.json). */
  AcceptQuest: 14,
  /** Give up a quest taken and not handed in: `[Op.AbandonQuest, questId]`; its progress is lost. */
  AbandonQuest: 15,
  /**
   * Move what bag slot `from` holds to slot `to`: `[Op.MoveSlot, from, to]`. Into an empty slot it moves,
   * onto a stack of its kind it tops that up, onto anything else the two swap.
   */
  MoveSlot: 20,
  /** Sort the bag: gear first (best first), then potions, quest items and the rest, stacks merged. */
  SortBag: 21,
  /** Split a stack: half of what bag slot `slot` holds goes to the first empty slot: `[Op.SplitSlot, slot]`. */
  SplitSlot: 22,
  // server → client
  Welcome: 64,
  SpawnPlayer: 65,
  Despawn: 66,
  Moves: 67,
  Notice: 68,
  /** The new character's secret token, sent once, before its Welcome. */
  Token: 69,
  /** Nothing to say: sent after a few quiet seconds so the client knows the server is alive. */
  Heartbeat: 70,
  SpawnMob: 71,
  SpawnItem: 72,
  SpawnNpc: 73,
  SpawnChest: 74,
  /** A blow landed: who hit whom, for how much, and the HP the target has left. */
  Hit: 75,
  /** An entity died: observers play its death and forget it. */
  Died: 76,
  /** The player's own numbers, sent when any of them changes. */
  Stats: 77,
  /** A player's visible gear and level changed. */
  Looks: 78,
  /** A chat line someone nearby said. */
  ChatLine: 79,
  /** An NPC's line, for the player who talked to it. */
  NpcLine: 80,
  Achievement: 81,
  /** Every achievement the player has earned, sent when it enters the world. */
  AchievementList: 82,
  /** An entity's HP went up with no blow (a mob back home after giving up a chase): its new HP. */
  Healed: 83,
  /**
   * Something happened to the player that a page shows with a sound or an effect: `[Op.Happened, what,
   * detail]`, `what` a `Happening`. Told as a fact, so no client guesses it from notices or stat changes.
   */
  Happened: 84,
  /**
   * Go and play in another world: `[Op.Transfer, world, map]` (world id, map path under `assets/`). The
   * server has already saved and released the character there; it closes this socket with
   * `CloseCode.Transfer` next, and the page joins `/ws/<world>` with the same name and token.
   */
  Transfer: 85,
  /** How many play: `[Op.Population, here, total]` (this world, the whole realm), sent when either changes. */
  Population: 86,
  /** Who plays where: `[Op.PlayerList, total, [[name, world, level], …]]`, the answer to `Op.Who`. */
  PlayerList: 87,
  /** A private line: `[Op.Whisper, from, to, text]`, sent to both the whisperer and the one whispered to. */
  Whisper: 88,
  /**
   * The player's bag and belt: `[Op.Bag, slots, counts, belt]`, every bag slot's item kind ('' empty) and
   * how many it holds, and every belt slot's potion kind. Sent on entering the world and whenever any
   * of them changes.
   */
  Bag: 89,
  /** `[Op.PartyInvite, from, seconds]`: `from` asks us to join their party; the offer lapses after `seconds`. */
  PartyInvite: 94,
  /**
   * Our party as it is now: `[Op.Party, leader, members]` (every member, us too, with world, map, level,
   * HP and tile), sent on every change and at most once a second; no members: we are in no party.
   */
  Party: 95,
  /** A party chat line: `[Op.PartyLine, from, text]`, heard by every member in any world. */
  PartyLine: 96,
  /** The invitation from `from` is no longer open (it lapsed, or was answered elsewhere): `[Op.InviteEnded, from]`. */
  InviteEnded: 97,
  /**
   * A host's word to every player in every world of the realm: `[Op.Announcement, text]` (the page shows it
   * as a banner). Sent by `npm run announce` through the realm's bus.
   */
  Announcement: 99,
  /**
   * The player's quests: `[Op.QuestLog, [[id, progress], …], [doneId, …]]`, those taken (with progress)
   * and those handed in; sent on joining and whenever any of it changes.
   */
  QuestLog: 91,
  /** An NPC the player talked to offers a quest: `[Op.QuestOffer, npcId, questId]`; accept with AcceptQuest. */
  QuestOffer: 92,
  /**
   * What to show over NPCs, by NPC kind: `[Op.NpcMarkers, [[kind, mark], …]]`, mark `!` (a quest to give)
   * or `?` (one to take back); kinds not listed show nothing. Sent with every QuestLog.
   */
  NpcMarkers: 93,
} as const;
export type Op = (typeof Op)[keyof typeof Op];

/** What an `Op.Happened` message says happened to the player it is sent to, and what its detail holds. */
export const Happening = {
  /** The player opened a chest; detail: the chest's id. */
  ChestOpened: 1,
  /** The player put on a weapon or armor it picked up; detail: the item kind. */
  Equipped: 2,
  /** The player drank a potion (picked up while hurt, or from the bag or belt); detail: the item kind. */
  Drank: 3,
  /** The player reached a new level; detail: the level. */
  LevelUp: 4,
  /** The player put an item it picked up into its bag, neither put on nor drunk; detail: the item kind. */
  PickedUp: 5,
} as const;
export type Happening = (typeof Happening)[keyof typeof Happening];

/** WebSocket close codes (4000–4999 are ours), each with a reason the page can show. */
export const CloseCode = {
  VersionMismatch: 4001,
  BadName: 4002,
  NameTaken: 4003,
  BadMessage: 4004,
  ServerFull: 4005,
  Shutdown: 4006,
  TooSlow: 4007,
  NoHello: 4008,
  /** The name belongs to a character whose token this client does not hold. */
  NameOwned: 4009,
  /** The same character joined from another tab or device; this older session gives way. */
  Replaced: 4010,
  /** No input for a long time. */
  Idle: 4011,
  /** The server cannot load or create characters right now (storage trouble); retrying may work. */
  Unavailable: 4012,
  /** Too many new characters from one address lately; the page should not retry by itself. */
  TooManyCharacters: 4013,
  /** The character is live in another world of the realm and could not be released from there in time. */
  PlayingElsewhere: 4014,
  /** The character moved to another world (an `Op.Transfer` came just before): the page follows it. */
  Transfer: 4015,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Largest client frame the server accepts, in bytes. */
export const MAX_CLIENT_FRAME = 4096;
