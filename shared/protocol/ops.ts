// Wire constants shared by server and client: opcodes, the protocol version and close codes.

/** Bump whenever a message shape changes; the handshake refuses a mismatch. */
export const PROTOCOL_VERSION = 2;

/** Opcodes, the first element of every message tuple. Client→server ops are below 64. */
export const Op = {
  // client → server
  Hello: 1,
  WalkTo: 2,
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
} as const;
export type Op = (typeof Op)[keyof typeof Op];

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
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Largest client frame the server accepts, in bytes. */
export const MAX_CLIENT_FRAME = 4096;
