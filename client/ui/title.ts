// The title screen. A browser that has played before offers "Continue as NAME" and "New character"
// (which asks first: only this browser holds the old character's token). A first visit gets a name
// field and Play. Enter plays too. Above them, the world picker (world-picker.ts) when the realm has one.
import { checkName, nameKey } from '../../shared/rules/names.ts';
import { lastTypedName, loadSavedCharacter } from '../net/saved-character.ts';
import type { WorldPicker } from './world-picker.ts';

export interface TitleScreen {
  show(message?: string): void;
  hide(): void;
  busy(on: boolean): void;
}

type Mode = 'continue' | 'confirm' | 'form';

/**
 * `onPlay` gets the name, the token to offer ('' asks the server for a new character) and the world
 * picked ('' lets the server pick).
 */
export function createTitleScreen(
  picker: WorldPicker,
  onPlay: (name: string, token: string, world: string) => void,
): TitleScreen {
  const root = document.getElementById('title')!;
  const part = <T extends HTMLElement>(selector: string): T => root.querySelector<T>(selector)!;
  const sections: Record<Mode, HTMLElement> = {
    continue: part('.title-continue'),
    confirm: part('.title-confirm'),
    form: part('form'),
  };
  const input = part<HTMLInputElement>('[data-testid="name-input"]');
  const play = part<HTMLButtonElement>('[data-testid="play-button"]');
  const resume = part<HTMLButtonElement>('[data-testid="continue-button"]');
  const back = part<HTMLButtonElement>('.title-back');
  const message = part('.title-message');
  input.value = lastTypedName();

  const setMode = (mode: Mode): void => {
    const saved = loadSavedCharacter();
    for (const el of root.querySelectorAll('.saved-name')) el.textContent = saved?.name ?? '';
    for (const [m, el] of Object.entries(sections)) el.hidden = m !== mode;
    back.hidden = !saved;
    const focus = { continue: resume, confirm: part('[data-testid="keep-character"]'), form: input }[mode];
    focus.focus();
  };

  resume.addEventListener('click', () => {
    const saved = loadSavedCharacter();
    if (!saved) return setMode('form');
    message.textContent = '';
    onPlay(saved.name, saved.token, picker.choose());
  });
  part('[data-testid="new-character-button"]').addEventListener('click', () => setMode('confirm'));
  part('[data-testid="keep-character"]').addEventListener('click', () => setMode('continue'));
  // The old character is only forgotten when the server has made the new one (its token replaces it).
  part('[data-testid="confirm-new-character"]').addEventListener('click', () => {
    input.value = '';
    setMode('form');
  });
  back.addEventListener('click', () => setMode('continue'));

  sections.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const checked = checkName(input.value);
    if (!checked.ok) {
      message.textContent = checked.reason;
      input.focus();
      return;
    }
    input.value = checked.name;
    message.textContent = '';
    const saved = loadSavedCharacter();
    const mine = saved && nameKey(saved.name) === nameKey(checked.name);
    onPlay(checked.name, mine ? saved.token : '', picker.choose());
  });

  return {
    show(text = '') {
      root.hidden = false;
      message.textContent = text;
      picker.start();
      this.busy(false);
      setMode(loadSavedCharacter() ? 'continue' : 'form');
    },
    hide() {
      root.hidden = true;
      picker.stop();
    },
    busy(on) {
      play.disabled = on;
      resume.disabled = on;
      play.textContent = on ? 'Joining…' : 'Play';
    },
  };
}
