// The belt: four potion shortcuts always in view while playing, each with its icon, how many the bag
// still holds, and its key (1–4). A tap or the key drinks one; the server says whether it could.
// Also the bag's keys (B or I opens it), which never fire while a text field has the keyboard.
import type { BagView } from '../../shared/protocol/view.ts';
import { paintIcon, type IconSource } from './icons.ts';

export class BeltBar {
  readonly root = document.getElementById('belt')!;
  private readonly slots: HTMLButtonElement[] = [];

  constructor(
    private readonly icons: IconSource,
    private readonly names: (kind: string) => string,
    useBelt: (slot: number) => void,
    size = 4,
  ) {
    for (let i = 0; i < size; i++) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'belt-slot empty';
      button.dataset.testid = `belt-slot-${i}`;
      const key = document.createElement('b');
      key.textContent = String(i + 1);
      button.append(document.createElement('i'), document.createElement('span'), key);
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        useBelt(i);
      });
      this.slots.push(button);
    }
    this.root.replaceChildren(...this.slots);
  }

  update(bag: BagView | null): void {
    this.slots.forEach((button, i) => {
      const slot = bag?.belt[i];
      const icon = button.querySelector('i')!;
      icon.style.backgroundImage = '';
      if (slot?.item) paintIcon(icon, this.icons, slot.item);
      button.querySelector('span')!.textContent = slot?.item ? String(slot.count) : '';
      button.classList.toggle('empty', !slot?.item);
      // A shortcut whose potions are all drunk stays, dimmed, for the next one of its kind.
      button.classList.toggle('spent', !!slot?.item && slot.count === 0);
      const name = slot?.item ? this.names(slot.item) : '';
      button.title = name ? `${name} ×${slot!.count} (key ${i + 1})` : `Empty belt slot (key ${i + 1})`;
      button.setAttribute('aria-label', button.title);
    });
  }
}

/** Whether a key press belongs to a text field (chat, the name box) rather than to the game. */
function typing(e: KeyboardEvent): boolean {
  const el = (e.target instanceof HTMLElement ? e.target : null) ?? document.activeElement;
  return (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    !!(el as HTMLElement | null)?.isContentEditable
  );
}

/** B or I opens and closes the bag; 1–4 drink from the belt. A held key drinks once. */
export function bindBagKeys(keys: {
  active(): boolean;
  toggleBag(): void;
  useBelt(slot: number): void;
}): void {
  window.addEventListener('keydown', (e) => {
    if (e.repeat || e.ctrlKey || e.altKey || e.metaKey || typing(e) || !keys.active()) return;
    const key = e.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      keys.toggleBag();
      e.preventDefault();
    } else if (/^[1-4]$/.test(key)) {
      keys.useBelt(Number(key) - 1);
      e.preventDefault();
    }
  });
}
