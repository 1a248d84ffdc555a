// The title screen: the game's name, a name field and Play. Enter plays too.
import { checkName } from '../../shared/rules/names.ts';

const NAME_KEY = 'emberquest.name';

export interface TitleScreen {
  show(message?: string): void;
  hide(): void;
  busy(on: boolean): void;
}

export function createTitleScreen(onPlay: (name: string) => void): TitleScreen {
  const root = document.getElementById('title')!;
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('[data-testid="name-input"]')!;
  const button = root.querySelector<HTMLButtonElement>('[data-testid="play-button"]')!;
  const message = root.querySelector<HTMLElement>('.title-message')!;
  input.value = localStorage.getItem(NAME_KEY) ?? '';

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const checked = checkName(input.value);
    if (!checked.ok) {
      message.textContent = checked.reason;
      input.focus();
      return;
    }
    input.value = checked.name;
    localStorage.setItem(NAME_KEY, checked.name);
    message.textContent = '';
    onPlay(checked.name);
  });

  return {
    show(text = '') {
      root.hidden = false;
      message.textContent = text;
      this.busy(false);
      input.focus();
    },
    hide() {
      root.hidden = true;
    },
    busy(on) {
      button.disabled = on;
      button.textContent = on ? 'Joining…' : 'Play';
    },
  };
}
