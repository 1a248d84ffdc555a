// Bots for the realm's tests: characters written to a server's database before it starts (so a hop has
// something to carry), and bots that join a world by id and note what the realm tells them.
import { newCharacter, type SavedCharacter } from '../../server/sim/character.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { CharacterRecord, Store } from '../../server/store/store.ts';
import { hashToken, newToken } from '../../server/store/tokens.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import type { ViewEvent } from '../../shared/protocol/view.ts';

/** Writes a character into the database in `dataDir` (the server must not be running); returns its token. */
export async function seedCharacter(
  dataDir: string,
  name: string,
  fields: Partial<SavedCharacter> & Record<string, unknown>,
): Promise<string> {
  const store = openSqliteStore(dataDir);
  try {
    return await seedInto(store, name, fields);
  } finally {
    store.close();
  }
}

/** Writes a character into `store` (on the start map unless `fields` say otherwise); returns its token. */
export async function seedInto(
  store: Store,
  name: string,
  fields: Partial<SavedCharacter> & Record<string, unknown>,
): Promise<string> {
  const token = newToken();
  const now = Date.now();
  const record = {
    ...newCharacter(),
    map: '',
    shard: null,
    ...fields,
    name,
    createdAt: now,
    lastSeenAt: now,
  };
  if (!(await store.create(record as CharacterRecord, hashToken(token))))
    throw new Error(`could not seed ${name}`);
  return token;
}

/** The character as the database has it now (the server must be stopped). */
export async function storedCharacter(dataDir: string, name: string): Promise<CharacterRecord | null> {
  const store = openSqliteStore(dataDir);
  try {
    return (await store.load(name))?.record ?? null;
  } finally {
    store.close();
  }
}

/** What the realm told a bot: its achievements, whispers, player lists, population counts, announcements. */
export interface Heard {
  achievements: string[] | null;
  whispers: { from: string; to: string; text: string }[];
  lists: Extract<ViewEvent, { type: 'playerList' }>[];
  population: { here: number; total: number } | null;
  notices: string[];
  /** The host's announcements (Op.Announcement). */
  announcements: string[];
}

export interface RealmBot {
  bot: BotClient;
  heard: Heard;
}

/** Joins `/ws/<world>` ('' for plain `/ws`) on the server at `wsBase` (ws://host:port/). */
export async function joinWorld(wsBase: string, world: string, name: string, token = ''): Promise<RealmBot> {
  const url = new URL(world ? `/ws/${world}` : '/ws', wsBase).href;
  return listen(await BotClient.connect({ url, name, token }));
}

export function listen(bot: BotClient): RealmBot {
  const heard: Heard = {
    achievements: null,
    whispers: [],
    lists: [],
    population: null,
    notices: [],
    announcements: [],
  };
  bot.on((e) => {
    if (e.type === 'achievementList') heard.achievements = e.ids;
    else if (e.type === 'whisper') heard.whispers.push({ from: e.from, to: e.to, text: e.text });
    else if (e.type === 'playerList') heard.lists.push(e);
    else if (e.type === 'population') heard.population = { here: e.here, total: e.total };
    else if (e.type === 'notice') heard.notices.push(e.text);
    else if (e.type === 'announcement') heard.announcements.push(e.text);
  });
  return { bot, heard };
}

/** Follows the bot's Transfer to its next world, as the page would; resolves once welcomed there. */
export async function follow(from: RealmBot, token: string): Promise<RealmBot> {
  const next = listen(await from.bot.follow(token));
  await next.bot.waitForWelcome(5000);
  return next;
}
