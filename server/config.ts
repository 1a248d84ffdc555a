// Server settings from the environment, checked up front so a typo stops the server with a clear message.
import { isIP } from 'node:net';
import path from 'node:path';
import { HEARTBEAT_MS } from '../shared/protocol/liveness.ts';
import { parseAllowedOrigins, type AllowedOrigins } from './net/origin.ts';
import { DEFAULT_FRAMES_PER_WRITE } from './net/coalescer.ts';

export interface Config {
  port: number;
  host: string;
  worldName: string;
  mapFile: string;
  /** The realm's worlds and maps (assets/realm.json, or REALM); when it is missing, one world of `mapFile`. */
  realmFile: string | null;
  seed: number;
  maxPlayers: number;
  clientDir: string;
  assetsDir: string;
  /** Where the SQLite database lives (created on first start). */
  dataDir: string;
  /** How long a character whose connection dropped stays in the world, waiting for its client. */
  graceMs: number;
  /** A session with no input for this long is closed. */
  idleMs: number;
  /** WebSocket ping interval; a socket that misses a pong by the next one is dropped. */
  pingMs: number;
  /** After this long with nothing to send, a heartbeat frame goes out so clients know we are alive. */
  heartbeatMs: number;
  /**
   * COALESCE_FRAMES: a player's frames are written this many ticks' worth at a time, except a frame that
   * answers the player (net/coalescer.ts); 1 writes every frame at once.
   */
  framesPerWrite: number;
  /** Origins besides the page's own whose pages may open a game socket (`*`: any). */
  allowedOrigins: AllowedOrigins;
  /** Reverse proxies whose X-Forwarded-For is believed (their own address is not the client's). */
  trustedProxies: string[];
  /** Client addresses the per-address limits do not apply to. */
  exemptAddresses: string[];
  /** LIVE_RELOAD=1: saved maps and data files replace the running worlds' content (live-reload.ts). */
  liveReload: boolean;
  /** DATABASE_URL: characters in this PostgreSQL database instead of the SQLite file in dataDir. */
  databaseUrl: string | null;
  /** REDIS_URL: the realm's directory and bus on this Redis, for worlds in several processes. */
  redisUrl: string | null;
  /** WORLD_IDS: the worlds of the realm this process runs (null: every one). */
  worldIds: string[] | null;
  /**
   * ADMIN_TOKEN: the secret a host sends (Authorization: Bearer …) to /admin/ (announcements, who is
   * seated here); null: /admin/ is off.
   */
  adminToken: string | null;
  /** LEASE_SECONDS: how long a character's lease lasts without a write (a stopped world frees it then). */
  leaseMs: number;
}

export class ConfigError extends Error {}

/** The world players explore unless MAP says otherwise. */
export const DEFAULT_MAP = 'assets/maps/world.tmj';

type Env = Record<string, string | undefined>;

function intSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw} is not valid: use a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** COALESCE_FRAMES, and a clear word for a host still setting the millisecond gap it replaced. */
function coalesceSetting(env: Env): number {
  if (env.COALESCE_MS !== undefined && env.COALESCE_MS !== '') {
    throw new ConfigError(
      'COALESCE_MS is gone: use COALESCE_FRAMES, the ticks of frames written at a time (1: each at once; default 2).',
    );
  }
  return intSetting(env, 'COALESCE_FRAMES', DEFAULT_FRAMES_PER_WRITE, 1, 5);
}

export function readConfig(env: Env, root: string): Config {
  const worldName = (env.WORLD_NAME ?? 'Emberfall').trim();
  if (!worldName || worldName.length > 40) throw new ConfigError('WORLD_NAME must be 1–40 characters.');
  const assetsDir = path.resolve(root, 'assets');
  const mapFile = path.resolve(root, env.MAP ?? DEFAULT_MAP);
  if (!mapFile.startsWith(assetsDir + path.sep)) {
    throw new ConfigError(`MAP=${env.MAP} must name a map under assets/, so browsers can load it too.`);
  }
  // MAP alone (tests, benches) plays that one map; REALM names another realm file.
  const realmFile = env.REALM
    ? path.resolve(root, env.REALM)
    : env.MAP
      ? null
      : path.join(assetsDir, 'realm.json');
  return {
    realmFile,
    port: intSetting(env, 'PORT', 8000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    worldName,
    mapFile,
    seed: intSetting(env, 'SEED', Date.now() % 2 ** 31, 0, 2 ** 31 - 1),
    maxPlayers: intSetting(env, 'MAX_PLAYERS', 5000, 1, 100000),
    clientDir: path.resolve(root, env.CLIENT_DIR ?? 'dist/client'),
    assetsDir,
    dataDir: path.resolve(root, env.DATA_DIR || 'data'),
    graceMs: intSetting(env, 'GRACE_SECONDS', 30, 0, 3600) * 1000,
    idleMs: intSetting(env, 'IDLE_SECONDS', 15 * 60, 1, 7 * 24 * 3600) * 1000,
    pingMs: 15_000,
    heartbeatMs: HEARTBEAT_MS,
    framesPerWrite: coalesceSetting(env),
    allowedOrigins: originsSetting(env),
    trustedProxies: addressesSetting(env, 'TRUSTED_PROXIES', ''),
    exemptAddresses: addressesSetting(env, 'EXEMPT_ADDRESSES', '127.0.0.1,::1'),
    liveReload: flagSetting(env, 'LIVE_RELOAD'),
    ...scaleOutSettings(env),
    adminToken: adminTokenSetting(env),
    leaseMs: intSetting(env, 'LEASE_SECONDS', 30, 3, 3600) * 1000,
  };
}

function scaleOutSettings(env: Env): Pick<Config, 'databaseUrl' | 'redisUrl' | 'worldIds'> {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError(
      'DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database',
    );
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    throw new ConfigError('REDIS_URL must be a Redis URL: redis://host:6379');
  const raw = env.WORLD_IDS?.trim();
  const worldIds = raw
    ? raw
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean)
    : null;
  if (worldIds && !databaseUrl)
    throw new ConfigError(
      'WORLD_IDS runs part of the realm, so the other worlds run in other processes, and a character must ' +
        'move between them: set DATABASE_URL to the PostgreSQL database they all share (SQLite is one file ' +
        'on one machine).',
    );
  if (worldIds && !redisUrl)
    throw new ConfigError(
      'WORLD_IDS runs part of the realm: set REDIS_URL too, so the worlds in other processes can be listed, ' +
        'whispered to and asked to let a character go.',
    );
  return { databaseUrl, redisUrl, worldIds };
}

function adminTokenSetting(env: Env): string | null {
  const token = env.ADMIN_TOKEN?.trim() ?? '';
  if (token === '') return null;
  if (token.length < 16 || /\s/.test(token))
    throw new ConfigError(
      'ADMIN_TOKEN must be at least 16 characters with no spaces (e.g. `openssl rand -hex 24`): it guards /admin/.',
    );
  return token;
}

function flagSetting(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new ConfigError(`${name}=${env[name]} is not valid: use 1 (on) or 0 (off).`);
}

function originsSetting(env: Env): AllowedOrigins {
  try {
    return parseAllowedOrigins(env.ALLOWED_ORIGINS);
  } catch (err) {
    throw new ConfigError(`ALLOWED_ORIGINS is not valid: ${(err as Error).message}.`);
  }
}

/** A comma-separated list of IP addresses ("" for none). */
function addressesSetting(env: Env, name: string, fallback: string): string[] {
  const raw = env[name] ?? fallback;
  const addresses = raw
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  for (const address of addresses) {
    if (!isIP(address))
      throw new ConfigError(`${name}=${raw} is not valid: "${address}" is not an IP address.`);
  }
  return addresses;
}
