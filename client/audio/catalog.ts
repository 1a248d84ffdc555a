// The names of every sound effect and music track, shared by the generator (tools/audio) and the
// client's audio module, so neither can ask for a file the other does not make.
export const SOUND_EFFECTS = [
  'hit',
  'hurt',
  'kill',
  'loot',
  'heal',
  'level_up',
  'achievement',
  'death',
  'chest',
  'door',
  'npc_talk',
  'chat',
] as const;

export const MUSIC_TRACKS = [
  'title',
  'village',
  'forest',
  'coast',
  'graveyard',
  'caves',
  'desert',
  'volcano',
  'lair',
] as const;

export type SoundEffect = (typeof SOUND_EFFECTS)[number];
export type MusicTrack = (typeof MUSIC_TRACKS)[number];

/** URLs relative to the page, like the rest of the client's assets. */
export const sfxUrl = (effect: SoundEffect): string => `assets/audio/sfx/${effect}.wav`;
export const musicUrl = (track: MusicTrack): string => `assets/audio/music/${track}.wav`;

/** Loader/cache keys; prefixed so they cannot collide with other audio a scene might load. */
export const sfxKey = (effect: SoundEffect): string => `sfx:${effect}`;
export const musicKey = (track: MusicTrack): string => `music:${track}`;

export function isMusicTrack(name: string): name is MusicTrack {
  return (MUSIC_TRACKS as readonly string[]).includes(name);
}
