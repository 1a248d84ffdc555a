// The names of every sound effect, shared by the generator (tools/audio) and the client's audio module,
// and the music tracks, which are data (assets/data/music.json): the preload scene hands them over.
// Each sound is a list of URLs, tried in order until one is there: the MP3 `npm run audio` writes, then
// a WAV of the same name (a modder's own sound needs no encoder); a track's `file` is its only URL.
import { defaultMusicFiles } from '../../shared/content/music.ts';
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

export type SoundEffect = (typeof SOUND_EFFECTS)[number];
/** A track id from assets/data/music.json. */
export type MusicTrack = string;

/** Track id → its files under assets/, as music.json lists them. */
const musicFiles = new Map<MusicTrack, string[]>();

/** Takes the track list from music.json (`{ id: { name, file? } }`), replacing any list before it. */
export function setMusicTracks(list: Record<string, { name?: string; file?: string }>): void {
  musicFiles.clear();
  for (const [id, t] of Object.entries(list)) musicFiles.set(id, t.file ? [t.file] : defaultMusicFiles(id));
}

export function musicTracks(): MusicTrack[] {
  return [...musicFiles.keys()];
}

/** URLs relative to the page, like the rest of the client's assets, best first. */
export const sfxUrls = (effect: SoundEffect): string[] => [
  `assets/audio/sfx/${effect}.mp3`,
  `assets/audio/sfx/${effect}.wav`,
];
export const musicUrls = (track: MusicTrack): string[] =>
  (musicFiles.get(track) ?? defaultMusicFiles(track)).map((f) => `assets/${f}`);

/** Loader/cache keys; prefixed so they cannot collide with other audio a scene might load. */
export const sfxKey = (effect: SoundEffect): string => `sfx:${effect}`;
export const musicKey = (track: MusicTrack): string => `music:${track}`;

export function isMusicTrack(name: string): name is MusicTrack {
  return musicFiles.has(name);
}
