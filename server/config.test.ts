// Settings a host types are read with a clear word when one is off: here, how the gateway coalesces.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('readConfig', () => {
  it('writes two ticks of frames at a time unless COALESCE_FRAMES says otherwise', () => {
    expect(readConfig({}, root).framesPerWrite).toBe(2);
    expect(readConfig({ COALESCE_FRAMES: '1' }, root).framesPerWrite).toBe(1);
    expect(readConfig({ COALESCE_FRAMES: '3' }, root).framesPerWrite).toBe(3);
  });

  it('refuses a COALESCE_FRAMES out of range, and says what to set instead of the old COALESCE_MS', () => {
    expect(() => readConfig({ COALESCE_FRAMES: '0' }, root)).toThrow(
      /COALESCE_FRAMES=0 is not valid.*1 to 5/,
    );
    expect(() => readConfig({ COALESCE_FRAMES: 'lots' }, root)).toThrow(ConfigError);
    expect(() => readConfig({ COALESCE_MS: '80' }, root)).toThrow(/COALESCE_MS is gone: use COALESCE_FRAMES/);
  });
});
