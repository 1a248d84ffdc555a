// Over the game: "Reconnecting…" while a lost connection is retried, and the "disconnected" overlay
// with a Reconnect button when the server ended it for good (another tab, idle, a new version).

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
  show(message: string): void;
  hide(): void;
}

/** "Reconnecting…" over the game while the client retries; the game stays drawn underneath. */
export function createReconnectingNotice(): ReconnectingNotice {
  const root = document.getElementById('reconnecting')!;
  const text = root.querySelector<HTMLElement>('.reconnecting-message')!;
  return {
    show(message) {
      text.textContent = message;
      root.hidden = false;
    },
    hide() {
      root.hidden = true;
    },
  };
}
