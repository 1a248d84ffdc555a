// Server→client message tuples. The server builds them; the client trusts their shape.
import type { Op } from './ops.ts';

export type WelcomeMsg = [
  op: typeof Op.Welcome,
  selfId: number,
  name: string,
  x: number,
  y: number,
  world: string,
  tickMs: number,
  stepTicks: number,
];
/** `walk` is the entity's ongoing walk as packed records (empty when it stands still). */
export type SpawnPlayerMsg = [
  op: typeof Op.SpawnPlayer,
  id: number,
  name: string,
  x: number,
  y: number,
  walk: Uint8Array,
];
export type DespawnMsg = [op: typeof Op.Despawn, id: number];
/** This tick's walk starts, packed by `moves.ts`. */
export type MovesMsg = [op: typeof Op.Moves, packed: Uint8Array];
/** A line for the player's notification area. */
export type NoticeMsg = [op: typeof Op.Notice, text: string];

/** The secret that proves ownership of a new character; the client keeps it (the server only a hash). */
export type TokenMsg = [op: typeof Op.Token, token: string];
export type HeartbeatMsg = [op: typeof Op.Heartbeat];

export type ServerMsg =
  WelcomeMsg | SpawnPlayerMsg | DespawnMsg | MovesMsg | NoticeMsg | TokenMsg | HeartbeatMsg;
