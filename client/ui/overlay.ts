// The "disconnected" overlay shown over the game, with a Reconnect button.

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
