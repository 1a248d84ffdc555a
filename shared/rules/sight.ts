// How far a player sees, in tiles, in every direction: the server's interest cells cover at least this
// (server/sim/interest.ts), the client never shows more (or players would pop into view), and a target
// beyond it is out of reach.
export const VIEW_RADIUS_TILES = 24;
