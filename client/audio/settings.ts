// The player's sound choices, remembered in localStorage so they survive a reload.
export interface AudioSettings {
  soundOn: boolean;
  musicOn: boolean;
  /** Master volume, 0 to 1. */
  volume: number;
}

export const SETTINGS_KEY = 'emberquest.audio';
export const DEFAULT_SETTINGS: AudioSettings = { soundOn: true, musicOn: true, volume: 0.8 };

/** Only what a Storage needs to offer; tests pass a Map-backed one. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function defaultStorage(): SettingsStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Some browsers throw on localStorage access when cookies are blocked.
  }
}

/** Reads saved settings, keeping the default for anything missing or malformed. */
export function loadSettings(storage: SettingsStorage | null): AudioSettings {
  let saved: unknown = null;
  try {
    saved = JSON.parse(storage?.getItem(SETTINGS_KEY) ?? 'null');
  } catch {
    saved = null;
  }
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  return {
    soundOn: typeof s.soundOn === 'boolean' ? s.soundOn : DEFAULT_SETTINGS.soundOn,
    musicOn: typeof s.musicOn === 'boolean' ? s.musicOn : DEFAULT_SETTINGS.musicOn,
    volume:
      typeof s.volume === 'number' && Number.isFinite(s.volume)
        ? clampVolume(s.volume)
        : DEFAULT_SETTINGS.volume,
  };
}

export function saveSettings(storage: SettingsStorage | null, settings: AudioSettings): void {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or forbidden: the choice still holds for this visit.
  }
}

export function clampVolume(v: number): number {
  return Math.min(1, Math.max(0, v));
}
