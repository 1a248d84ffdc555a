// Over the game: "Reconnecting…" while a lost connection is retried, and the "disconnected" overlay
// with a Reconnect button when the server ended it for good (another tab, idle, a new version).
import type { ReconnectStatus } from '../net/reconnect.ts';

export interface DisconnectOverlay {
  show(message: string): void;
  hide(): void;
}

export function createDisconnectOverlay(onReconnect: () => void): DisconnectOverlay {
  const root = document.getElementById('disconnected')!;
  const text = root.querySelector<HTMLElement>('.overlay-message')!;
  const button = root.querySelector<HTMLButtonElement>('button')!;
  button.addEventListener('click', () => onReconnect());
  return {
    show(message) {
      text.textContent = message;
      root.hidden = false;
      button.focus();
    },
    hide() {
      root.hidden = true;
    },
  };
}

export interface ReconnectingNotice {
  /** A retry is due in `delayMs`; the first loss's reason is kept until hide(). */
  show(message: string, delayMs: number): void;
  hide(): void;
}

/** "Reconnecting…" with the reason and a countdown, over the game; the game stays drawn underneath. */
export function createReconnectingNotice(status: ReconnectStatus): ReconnectingNotice {
  const root = document.getElementById('reconnecting')!;
  const text = root.querySelector<HTMLElement>('.reconnecting-message')!;
  const countdown = root.querySelector<HTMLElement>('.reconnecting-countdown')!;
  let ticker: ReturnType<typeof setInterval> | null = null;
  const tick = (): void => void (countdown.textContent = status.countdown(performance.now()));
  return {
    show(message, delayMs) {
      status.lost(message, delayMs, performance.now());
      text.textContent = status.message;
      tick();
      ticker ??= setInterval(tick, 250);
      root.hidden = false;
    },
    hide() {
      status.reset();
      if (ticker) clearInterval(ticker);
      ticker = null;
      root.hidden = true;
    },
  };
}
