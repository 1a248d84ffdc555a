// The sound in Chromium: the game fetches MP3s (never the WAVs beside them) served as audio/mpeg, and
// decodes each to exactly its WAV's length; decoded, an MP3 is its WAV's samples, in step (so the Info
// frame's delay is right), and where a browser ignores that frame the client's cut (mp3-frames.ts
// soundWithin) finds the same samples.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { SOUND_EFFECTS } from '../../client/audio/catalog.ts';
import { readFrameHeader, readGapless, soundWithin } from '../../client/audio/mp3-frames.ts';
import { decodeWav } from '../../tools/audio/wav.ts';
import { joinGame, launchBrowser } from '../support/browser.ts';

let server: ServerProcess;
let browser: Browser;
let page: Page;
const audioResponses: { path: string; status: number; type: string }[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/assets/audio/'))
      audioResponses.push({ path, status: r.status(), type: r.headers()['content-type'] ?? '' });
  });
  await joinGame(page, server.url, 'Listener');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const wavSeconds = (name: string): number => {
  const wav = decodeWav(readFileSync(`assets/audio/${name}.wav`));
  return wav.samples.length / wav.sampleRate;
};

/**
 * Decodes `mp3Bytes` in the page at `rate` and returns, for lags -3..3 (in WAV samples), how well the
 * decoded samples from `start` (every `step`-th one) match the WAV's: normalised correlation.
 */
async function match(name: string, rate: number, step: number, start: number, mp3Bytes: Uint8Array) {
  const wav = decodeWav(readFileSync(`assets/audio/${name}.wav`));
  return page.evaluate(
    async ({ mp3, wav, rate, step, start }) => {
      const bytes = Uint8Array.from(atob(mp3), (c) => c.charCodeAt(0));
      const decoded = (
        await new OfflineAudioContext(1, 1, rate).decodeAudioData(bytes.buffer)
      ).getChannelData(0);
      const lags: Record<number, number> = {};
      for (let lag = -3; lag <= 3; lag++) {
        let xy = 0;
        let xx = 0;
        let yy = 0;
        for (let i = 8; i < wav.length - 8; i++) {
          const x = wav[i]! / 32768;
          const y = decoded[start + (i + lag) * step] ?? 0;
          xy += x * y;
          xx += x * x;
          yy += y * y;
        }
        lags[lag] = xy / Math.sqrt(xx * yy);
      }
      return { length: decoded.length, lags };
    },
    { mp3: Buffer.from(mp3Bytes).toString('base64'), wav: Array.from(wav.samples), rate, step, start },
  );
}

const best = (lags: Record<number, number>): number =>
  Number(Object.entries(lags).sort((a, b) => b[1] - a[1])[0]![0]);

describe('the sound in Chromium', () => {
  it('loads every effect and the music as MP3, each exactly as long as its WAV', async () => {
    await page.waitForFunction(
      (n) => Object.keys(window.__emberquest!.sounds()).filter((k) => k.startsWith('sfx:')).length === n,
      SOUND_EFFECTS.length,
      { timeout: 20_000 },
    );
    await page.waitForFunction(
      () => Object.keys(window.__emberquest!.sounds()).some((k) => k.startsWith('music:')),
      null,
      {
        timeout: 20_000,
      },
    );
    const sounds = await page.evaluate(() => window.__emberquest!.sounds());
    const rate = await page.evaluate(() => new AudioContext().sampleRate);
    for (const [key, seconds] of Object.entries(sounds)) {
      const name = key.replace(/^sfx:/, 'sfx/').replace(/^music:/, 'music/');
      expect(Math.abs(seconds - wavSeconds(name)), key).toBeLessThanOrEqual(2 / rate);
    }
    expect(audioResponses.length).toBeGreaterThanOrEqual(SOUND_EFFECTS.length + 1);
    for (const r of audioResponses) expect(r, r.path).toMatchObject({ status: 200, type: 'audio/mpeg' });
    expect(audioResponses.filter((r) => r.path.endsWith('.wav'))).toEqual([]);
  });

  it('decodes an MP3 to its WAV, in step, for an effect and a tune (12 kHz upsampled: every other sample)', async () => {
    for (const [name, step] of [
      ['sfx/chat', 1],
      ['music/village', 2],
    ] as const) {
      const mp3 = new Uint8Array(readFileSync(`assets/audio/${name}.mp3`));
      const { sampleRate } = readGapless(mp3)!;
      const { length, lags } = await match(name, sampleRate, step, 0, mp3);
      expect(length, name).toBe(decodeWav(readFileSync(`assets/audio/${name}.wav`)).samples.length * step);
      expect(best(lags), name).toBe(0);
      expect(lags[0], name).toBeGreaterThan(0.99);
    }
  });

  it('where a decoder ignores the Info frame, the client cut finds the same samples', async () => {
    const name = 'sfx/level_up';
    const mp3 = new Uint8Array(readFileSync(`assets/audio/${name}.mp3`));
    const gapless = readGapless(mp3)!;
    const withoutInfo = mp3.subarray(readFrameHeader(mp3, 0)!.length); // as a decoder that skips it sees it
    const { length } = await match(name, gapless.sampleRate, 1, 0, withoutInfo);
    const part = soundWithin(length, gapless.sampleRate, gapless);
    expect(part).not.toBeNull();
    const { lags } = await match(name, gapless.sampleRate, 1, part!.start, withoutInfo);
    expect(best(lags)).toBe(0);
    expect(lags[0]).toBeGreaterThan(0.99);
  });
});
