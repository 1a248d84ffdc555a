// The game's sound: effects, zone music with crossfades, and the player's sound settings.
//
//   const audio = new Audio(scene) once, in a scene that lives as long as the game view (it stops its
//                                  music and unhooks itself when that scene shuts down).
//   audio.play('hit')              a one-shot effect; ignored while sound is off or still locked.
//   audio.setTrack('forest')       crossfades (~1.5 s) to that loop; the same track again does nothing,
//                                  null fades to silence, an unknown name is treated as null.
//   audio.soundOn / musicOn / volume   read or set; saved in localStorage under "emberquest.audio".
//   trackAt(placements.music, tileX, tileY, 'village')   picks the track for where the player stands.
//   audio.holdLoads() / releaseLoads()   the sound files wait until the player is in the game: a first
//                                  visit then spends its bandwidth on what playing needs (issue 17);
//                                  releasing fetches every effect and the wanted track in the background;
//                                  a track not loaded yet loads when first asked for. Each sound is the
//                                  first of its URLs that is there (catalog.ts), fetched by sound-file.ts.
//
// Browsers keep audio locked until the player's first click, tap or key. Phaser's sound manager
// unlocks itself then and fires "unlocked"; until that moment effects are dropped (they would all
// burst out at once) and the requested track waits, starting the moment audio unlocks.
import type Phaser from 'phaser';
import {
  SOUND_EFFECTS,
  isMusicTrack,
  musicKey,
  musicTracks,
  musicUrls,
  sfxKey,
  sfxUrls,
  type MusicTrack,
  type SoundEffect,
} from './catalog.ts';
import {
  clampVolume,
  defaultStorage,
  loadSettings,
  saveSettings,
  type AudioSettings,
  type SettingsStorage,
} from './settings.ts';
import { webAudioFetcher, type SoundFetcher } from './sound-file.ts';

export { trackAt, type MusicArea } from './track-at.ts';
export type { MusicTrack, SoundEffect } from './catalog.ts';

/** Milliseconds a crossfade takes. */
export const CROSSFADE_MS = 1500;
/** Music sits under the effects: this share of the master volume. */
export const MUSIC_LEVEL = 0.55;

/** Fetches with the sound manager's Web Audio context; none (Phaser fell back to no sound or HTML5 audio) loads nothing. */
function defaultFetcher(scene: Phaser.Scene): SoundFetcher | null {
  const context = (scene.sound as Partial<Phaser.Sound.WebAudioSoundManager>).context;
  return context ? webAudioFetcher(context) : null;
}

/** A playing loop and where its fade is heading: level runs 0 → 1 (fading in) or 1 → 0 (out). */
interface Loop {
  track: MusicTrack;
  sound: Phaser.Sound.BaseSound & { setVolume(value: number): unknown };
  level: number;
  target: 0 | 1;
}

export class Audio {
  private settings: AudioSettings;
  private wanted: MusicTrack | null = null;
  private loops: Loop[] = [];
  private loading = new Set<MusicTrack>();
  private warned = new Set<string>();
  private destroyed = false;
  private held = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly storage: SettingsStorage | null = defaultStorage(),
    private readonly fetchSound: SoundFetcher | null = defaultFetcher(scene),
  ) {
    this.settings = loadSettings(storage);
    scene.game.events.on('step', this.step, this);
    scene.sound.once('unlocked', this.startWanted, this);
    scene.events.once('shutdown', this.destroy, this);
    scene.events.once('destroy', this.destroy, this);
  }

  play(effect: SoundEffect): void {
    const key = sfxKey(effect);
    if (!this.settings.soundOn || this.scene.sound.locked || !this.scene.cache.audio.exists(key)) return;
    this.scene.sound.play(key, { volume: this.settings.volume });
  }

  /** The music for the place the player is in; call it as often as you like. */
  setTrack(name: string | null): void {
    let track: MusicTrack | null = null;
    if (name !== null && isMusicTrack(name)) track = name;
    else if (name !== null && !this.warned.has(name)) {
      this.warned.add(name);
      console.warn(`No music track "${name}"; known tracks: ${musicTracks().join(', ')}`);
    }
    if (track === this.wanted) return;
    this.wanted = track;
    this.startWanted();
  }

  get track(): MusicTrack | null {
    return this.wanted;
  }

  get soundOn(): boolean {
    return this.settings.soundOn;
  }

  set soundOn(on: boolean) {
    this.update({ soundOn: on });
  }

  get musicOn(): boolean {
    return this.settings.musicOn;
  }

  set musicOn(on: boolean) {
    this.update({ musicOn: on });
    this.startWanted();
  }

  get volume(): number {
    return this.settings.volume;
  }

  set volume(v: number) {
    this.update({ volume: clampVolume(v) });
    for (const loop of this.loops) this.applyVolume(loop);
  }

  /** Fetches no sound file until releaseLoads(); what is asked for meanwhile waits. */
  holdLoads(): void {
    this.held = true;
  }

  /** Loads every effect not loaded yet (in the background: effects before then are dropped) and the wanted track. */
  releaseLoads(): void {
    if (!this.held || this.destroyed) return;
    this.held = false;
    const missing = SOUND_EFFECTS.filter((e) => !this.scene.cache.audio.exists(sfxKey(e)));
    for (const effect of missing) void this.load(sfxKey(effect), sfxUrls(effect));
    this.startWanted();
  }

  /** Stops the music and unhooks from the game; called by itself when its scene shuts down. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.scene.game.events.off('step', this.step, this);
    this.scene.sound.off('unlocked', this.startWanted, this);
    for (const loop of this.loops) loop.sound.destroy();
    this.loops = [];
  }

  private update(change: Partial<AudioSettings>): void {
    this.settings = { ...this.settings, ...change };
    saveSettings(this.storage, this.settings);
  }

  /** Fades everything but the wanted track out, and the wanted one in (starting it if need be). */
  private startWanted(): void {
    if (this.destroyed) return;
    const wanted = this.settings.musicOn ? this.wanted : null;
    for (const loop of this.loops) loop.target = loop.track === wanted ? 1 : 0;
    if (!wanted || this.scene.sound.locked || this.loops.some((l) => l.track === wanted)) return;
    const key = musicKey(wanted);
    if (!this.scene.cache.audio.exists(key)) {
      this.loadThenStart(wanted);
      return;
    }
    const sound = this.scene.sound.add(key, { loop: true, volume: 0 });
    const loop: Loop = { track: wanted, sound, level: 0, target: 1 };
    this.loops.push(loop);
    sound.play();
  }

  private loadThenStart(track: MusicTrack): void {
    if (this.held || this.loading.has(track)) return;
    this.loading.add(track);
    void this.load(musicKey(track), musicUrls(track)).then((loaded) => {
      this.loading.delete(track);
      if (loaded && this.wanted === track) this.startWanted();
    });
  }

  /** Fetches a sound into Phaser's audio cache; true once it is there. A failure is said, not swallowed. */
  private async load(key: string, urls: readonly string[]): Promise<boolean> {
    if (!this.fetchSound) return false;
    try {
      const buffer = await this.fetchSound(urls);
      if (this.destroyed) return false;
      if (!this.scene.cache.audio.exists(key)) this.scene.cache.audio.add(key, buffer);
      return true;
    } catch (err) {
      console.warn(`Sound "${key}" did not load: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  private step(_time: number, delta: number): void {
    if (this.loops.length === 0) return;
    const move = delta / CROSSFADE_MS;
    for (const loop of this.loops) {
      loop.level = loop.target === 1 ? Math.min(1, loop.level + move) : Math.max(0, loop.level - move);
      this.applyVolume(loop);
    }
    for (const done of this.loops.filter((l) => l.target === 0 && l.level === 0)) done.sound.destroy();
    this.loops = this.loops.filter((l) => l.target === 1 || l.level > 0);
  }

  private applyVolume(loop: Loop): void {
    // Equal-power curve: halfway through a crossfade both tracks together sound as loud as one.
    const curve = Math.sin((loop.level * Math.PI) / 2);
    loop.sound.setVolume(this.settings.volume * MUSIC_LEVEL * curve);
  }
}
