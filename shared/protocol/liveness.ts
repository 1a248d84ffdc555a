// How a quiet connection stays alive, defined once for both ends: the server sends a heartbeat after
// HEARTBEAT_MS with nothing else to send, and the client gives up after three of them fail to come.
export const HEARTBEAT_MS = 5_000;
export const SILENCE_TIMEOUT_MS = 3 * HEARTBEAT_MS;
