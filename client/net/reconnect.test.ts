import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/ops.ts';
import { ReconnectStatus, retryDelay, shouldRetry } from './reconnect.ts';

describe('retryDelay', () => {
  it('doubles from about half a second, stays between half and all of its ceiling, and caps at 10 s', () => {
    expect(retryDelay(0, () => 0)).toBe(250);
    expect(retryDelay(0, () => 1)).toBe(500);
    expect(retryDelay(1, () => 1)).toBe(1000);
    expect(retryDelay(3, () => 0.5)).toBe(3000);
    expect(retryDelay(5, () => 1)).toBe(10_000);
    expect(retryDelay(500, () => 1)).toBe(10_000);
    expect(retryDelay(500, () => 0)).toBe(5000);
  });
});

describe('shouldRetry', () => {
  it('retries a lost connection and a restarting server, not a refusal', () => {
    for (const code of [1006, 1001, CloseCode.Shutdown, CloseCode.Unavailable])
      expect(shouldRetry(code)).toBe(true);
    for (const code of [
      1000,
      CloseCode.Replaced,
      CloseCode.NameOwned,
      CloseCode.VersionMismatch,
      CloseCode.Idle,
      CloseCode.BadMessage,
      CloseCode.BadName,
    ])
      expect(shouldRetry(code)).toBe(false);
  });
});

describe('ReconnectStatus', () => {
  it('keeps saying the server is restarting while the retries meet a closed port', () => {
    const status = new ReconnectStatus();
    status.lost('The server is restarting.', 400, 0);
    expect(status.message).toBe('The server is restarting.');
    status.lost('The connection to the server was lost.', 900, 1000);
    expect(status.message).toBe('The server is restarting.');
    status.reset();
    status.lost('The connection to the server was lost.', 500, 5000);
    expect(status.message).toBe('The connection to the server was lost.');
  });

  it('counts down to the next attempt', () => {
    const status = new ReconnectStatus();
    status.lost('Lost.', 3000, 10_000);
    expect(status.countdown(10_000)).toBe('Trying again in 3 s…');
    expect(status.countdown(11_200)).toBe('Trying again in 2 s…');
    expect(status.countdown(13_000)).toBe('Trying now…');
  });
});
