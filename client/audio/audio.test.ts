import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type Phaser from 'phaser';
import { Audio, CROSSFADE_MS, MUSIC_LEVEL } from './audio.ts';
import {
  SOUND_EFFECTS,
  musicKey,
  musicTracks,
  musicUrls,
  setMusicTracks,
  sfxKey,
  sfxUrls,
} from './catalog.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, loadSettings, type SettingsStorage } from './settings.ts';

type Handler = { fn: (...args: never[]) => void; ctx?: unknown; once: boolean };

/** Just enough of Phaser's EventEmitter: on/once/off with a context, and emit. */
class Emitter {
  private handlers = new Map<string, Handler[]>();
  on(event: string, fn: Handler['fn'], ctx?: unknown) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), { fn, ctx, once: false }]);
    return this;
  }
  once(event: string, fn: Handler['fn'], ctx?: unknown) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), { fn, ctx, once: true }]);
    return this;
  }
  off(event: string, fn: Handler['fn'], ctx?: unknown) {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((h) => h.fn !== fn || h.ctx !== ctx),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    const list = this.handlers.get(event) ?? [];
    this.handlers.set(
      event,
      list.filter((h) => !h.once),
    );
    for (const h of list) (h.fn as (...a: unknown[]) => void).apply(h.ctx, args);
  }
  count(event: string) {
    return (this.handlers.get(event) ?? []).length;
  }
}

class FakeSound {
  volume = -1;
  playing = false;
  destroyed = false;
  constructor(
    readonly key: string,
    readonly loop: boolean,
  ) {}
  play() {
    this.playing = true;
    return true;
  }
  stop() {
    this.playing = false;
    return true;
  }
  setVolume(v: number) {
    this.volume = v;
    return this;
  }
  destroy() {
    this.destroyed = true;
    this.playing = false;
  }
}

function fakeScene(opts: { locked?: boolean; loaded?: string[] } = {}) {
  const cached = new Set(opts.loaded ?? [...SOUND_EFFECTS.map(sfxKey), ...musicTracks().map(musicKey)]);
  const sounds: FakeSound[] = [];
  const sound = Object.assign(new Emitter(), {
    locked: opts.locked ?? false,
    add: (key: string, config: { loop?: boolean }) => {
      const s = new FakeSound(key, !!config.loop);
      sounds.push(s);
      return s;
    },
    play: vi.fn(() => true),
  });
  // The sound fetcher: each call waits until the test says the file arrived (or failed).
  const fetches: { urls: readonly string[]; arrive: () => Promise<void>; fail: () => Promise<void> }[] = [];
  const fetchSound = vi.fn((urls: readonly string[]) => {
    return new Promise<AudioBuffer>((resolve, reject) => {
      const settle = (f: () => void) => async () => {
        f();
        await new Promise((r) => setTimeout(r, 0));
      };
      fetches.push({
        urls,
        arrive: settle(() => resolve({} as AudioBuffer)),
        fail: settle(() => reject(new Error(`no sound at ${urls.join(', ')}`))),
      });
    });
  });
  const game = { events: new Emitter() };
  const events = new Emitter();
  const audioCache = { exists: (k: string) => cached.has(k), add: (k: string) => void cached.add(k) };
  const scene = { sound, game, events, cache: { audio: audioCache } };
  const step = (ms: number) => game.events.emit('step', 0, ms);
  const playing = () => sounds.filter((s) => s.playing);
  return {
    scene: scene as unknown as Phaser.Scene,
    sound,
    fetchSound,
    fetches,
    /** An Audio on this scene, fetching through the fake. */
    audio: (storage: SettingsStorage) => new Audio(scene as unknown as Phaser.Scene, storage, fetchSound),
    events,
    game,
    sounds,
    cached,
    step,
    playing,
  };
}

function memoryStorage(initial?: object): SettingsStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial) data.set(SETTINGS_KEY, JSON.stringify(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const shippedTracks = JSON.parse(readFileSync('assets/data/music.json', 'utf8')) as Record<string, object>;
setMusicTracks(shippedTracks);

const full = DEFAULT_SETTINGS.volume * MUSIC_LEVEL;

describe('the track list is data', () => {
  it('takes tracks from music.json: a new one, in any file, needs no code edit', () => {
    expect(musicTracks()).toContain('lair');
    setMusicTracks({ ...shippedTracks, harbour: { name: 'Harbour', file: 'audio/music/harbour.ogg' } });
    expect(musicUrls('harbour')).toEqual(['assets/audio/music/harbour.ogg']);
    setMusicTracks(shippedTracks);
  });

  it('plays the MP3 npm run audio writes, or a WAV of the same name where there is none', () => {
    expect(sfxUrls('hit')).toEqual(['assets/audio/sfx/hit.mp3', 'assets/audio/sfx/hit.wav']);
    expect(musicUrls('forest')).toEqual(['assets/audio/music/forest.mp3', 'assets/audio/music/forest.wav']);
    setMusicTracks({ ...shippedTracks, harbour: { name: 'Harbour' } });
    expect(musicUrls('harbour')).toEqual([
      'assets/audio/music/harbour.mp3',
      'assets/audio/music/harbour.wav',
    ]);
    setMusicTracks(shippedTracks);
  });
});

describe('Audio', () => {
  it('plays effects at the master volume, and not while sound is off', () => {
    const f = fakeScene();
    const audio = f.audio(memoryStorage());
    audio.play('hit');
    expect(f.sound.play).toHaveBeenCalledWith('sfx:hit', { volume: DEFAULT_SETTINGS.volume });
    audio.soundOn = false;
    audio.play('hit');
    expect(f.sound.play).toHaveBeenCalledTimes(1);
  });

  it('drops effects and holds the track until the first click unlocks audio', () => {
    const f = fakeScene({ locked: true });
    const audio = f.audio(memoryStorage());
    audio.play('loot');
    audio.setTrack('village');
    expect(f.sound.play).not.toHaveBeenCalled();
    expect(f.sounds).toHaveLength(0);
    f.sound.locked = false;
    f.sound.emit('unlocked', f.sound);
    expect(f.playing().map((s) => [s.key, s.loop])).toEqual([['music:village', true]]);
  });

  it('fades a track in over the crossfade time', () => {
    const f = fakeScene();
    const audio = f.audio(memoryStorage());
    audio.setTrack('forest');
    const [forest] = f.sounds;
    f.step(CROSSFADE_MS / 2);
    expect(forest?.volume).toBeCloseTo(full * Math.sin(Math.PI / 4));
    f.step(CROSSFADE_MS);
    expect(forest?.volume).toBeCloseTo(full);
  });

  it('crossfades between tracks, then stops the old one', () => {
    const f = fakeScene();
    const audio = f.audio(memoryStorage());
    audio.setTrack('village');
    f.step(CROSSFADE_MS);
    audio.setTrack('forest');
    f.step(CROSSFADE_MS / 2);
    const [village, forest] = f.sounds;
    expect(village?.volume).toBeGreaterThan(0);
    expect(forest?.volume).toBeGreaterThan(0);
    f.step(CROSSFADE_MS / 2);
    expect(village?.destroyed).toBe(true);
    expect(f.playing().map((s) => s.key)).toEqual(['music:forest']);
  });

  it('does not restart the same track, and turns back to a track still fading out', () => {
    const f = fakeScene();
    const audio = f.audio(memoryStorage());
    audio.setTrack('village');
    f.step(CROSSFADE_MS);
    audio.setTrack('village');
    expect(f.sounds).toHaveLength(1);
    audio.setTrack('forest');
    f.step(CROSSFADE_MS / 3);
    audio.setTrack('village');
    f.step(CROSSFADE_MS);
    expect(f.sounds).toHaveLength(2);
    expect(f.playing().map((s) => s.key)).toEqual(['music:village']);
  });

  it('fades to silence for null or an unknown track, warning once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const f = fakeScene();
    const audio = f.audio(memoryStorage());
    audio.setTrack('village');
    audio.setTrack('jazz');
    audio.setTrack('village');
    audio.setTrack('jazz');
    f.step(CROSSFADE_MS);
    expect(f.playing()).toHaveLength(0);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('turning music off fades it out; on again starts the current track', () => {
    const f = fakeScene();
    const audio = f.audio(memoryStorage());
    audio.setTrack('caves');
    f.step(CROSSFADE_MS);
    audio.musicOn = false;
    f.step(CROSSFADE_MS);
    expect(f.playing()).toHaveLength(0);
    audio.setTrack('lair'); // remembered while music is off
    expect(f.playing()).toHaveLength(0);
    audio.musicOn = true;
    expect(f.playing().map((s) => s.key)).toEqual(['music:lair']);
  });

  it('changing the volume changes the music at once', () => {
    const f = fakeScene();
    const audio = f.audio(memoryStorage());
    audio.setTrack('coast');
    f.step(CROSSFADE_MS);
    audio.volume = 0.5;
    expect(f.sounds[0]?.volume).toBeCloseTo(0.5 * MUSIC_LEVEL);
    audio.volume = 7;
    expect(audio.volume).toBe(1);
  });

  it('remembers the settings in localStorage', () => {
    const storage = memoryStorage();
    const first = new Audio(fakeScene().scene, storage);
    first.soundOn = false;
    first.volume = 0.3;
    expect(JSON.parse(storage.data.get(SETTINGS_KEY) ?? '{}')).toEqual({
      soundOn: false,
      musicOn: true,
      volume: 0.3,
    });
    const second = new Audio(fakeScene().scene, storage);
    expect([second.soundOn, second.musicOn, second.volume]).toEqual([false, true, 0.3]);
  });

  it('loads a track not loaded yet, then starts it if still wanted', async () => {
    const f = fakeScene({ loaded: [] });
    const audio = f.audio(memoryStorage());
    audio.setTrack('desert');
    audio.setTrack('desert');
    expect(f.fetchSound).toHaveBeenCalledTimes(1);
    expect(f.fetchSound).toHaveBeenCalledWith([
      'assets/audio/music/desert.mp3',
      'assets/audio/music/desert.wav',
    ]);
    expect(f.playing()).toEqual([]);
    await f.fetches[0]?.arrive();
    expect(f.cached.has('music:desert')).toBe(true);
    expect(f.playing().map((s) => s.key)).toEqual(['music:desert']);
  });

  it('says when a sound fails to load, plays on without it, and tries again when asked again', async () => {
    const f = fakeScene({ loaded: [] });
    const audio = f.audio(memoryStorage());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    audio.setTrack('caves');
    await f.fetches[0]?.fail();
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^Sound "music:caves" did not load: no sound at .*caves\.mp3/),
    );
    warn.mockRestore();
    expect(f.playing()).toEqual([]);
    audio.setTrack('village');
    audio.setTrack('caves');
    expect(f.fetchSound.mock.calls.map((c) => c[0][0])).toEqual([
      'assets/audio/music/caves.mp3',
      'assets/audio/music/village.mp3',
      'assets/audio/music/caves.mp3',
    ]);
  });

  it('a track that arrives after the player moved on is kept but not started', async () => {
    const f = fakeScene({ loaded: [] });
    const audio = f.audio(memoryStorage());
    audio.setTrack('lair');
    audio.setTrack(null);
    await f.fetches[0]?.arrive();
    expect(f.cached.has('music:lair')).toBe(true);
    expect(f.playing()).toEqual([]);
  });

  it('while loads are held fetches nothing; released, fetches the effects and the wanted track', async () => {
    const f = fakeScene({ loaded: ['sfx:hit'] });
    const audio = f.audio(memoryStorage());
    audio.holdLoads();
    audio.setTrack('title');
    audio.play('kill');
    expect(f.fetchSound).not.toHaveBeenCalled();
    audio.setTrack('village');
    audio.releaseLoads();
    const firstUrls = f.fetchSound.mock.calls.map((c) => c[0][0]);
    expect(firstUrls).toEqual([
      ...SOUND_EFFECTS.filter((e) => e !== 'hit').map((e) => `assets/audio/sfx/${e}.mp3`),
      'assets/audio/music/village.mp3',
    ]);
    audio.releaseLoads(); // once is enough
    expect(f.fetchSound).toHaveBeenCalledTimes(firstUrls.length);
    for (const fetch of f.fetches) await fetch.arrive();
    expect(SOUND_EFFECTS.every((e) => f.cached.has(sfxKey(e)))).toBe(true);
    expect(f.playing().map((s) => s.key)).toEqual(['music:village']);
  });

  it('stops its music and unhooks itself when its scene shuts down', () => {
    const f = fakeScene();
    const audio = f.audio(memoryStorage());
    audio.setTrack('volcano');
    f.events.emit('shutdown');
    expect(f.playing()).toHaveLength(0);
    expect(f.game.events.count('step')).toBe(0);
    expect(f.sound.count('unlocked')).toBe(0);
  });
});

describe('settings', () => {
  it('keeps defaults for missing, malformed or out-of-range values', () => {
    expect(loadSettings(null)).toEqual(DEFAULT_SETTINGS);
    const junk = memoryStorage();
    junk.data.set(SETTINGS_KEY, '{not json');
    expect(loadSettings(junk)).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(memoryStorage({ soundOn: 'yes', volume: 4 }))).toEqual({
      ...DEFAULT_SETTINGS,
      volume: 1,
    });
  });
});
