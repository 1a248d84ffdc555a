// Timing both sides agree on: the server walks entities by these numbers and clients animate by them.

/** The world simulation rate. */
export const TICK_RATE = 20;
export const TICK_MS = 1000 / TICK_RATE;
/** Ticks a player needs to cross one tile (150 ms: about 6.7 tiles a second). */
export const PLAYER_STEP_TICKS = 3;
/** Longest walk one request may produce, in steps. */
export const MAX_WALK_STEPS = 96;
/** Most tiles A* may expand for one request; keeps a bad click from costing a tick. */
export const PATH_NODE_BUDGET = 6000;
