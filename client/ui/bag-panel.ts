// The bag card: the bag's slots as the server last sent them (icon, count), and for the slot picked what
// it is, how it compares with what is worn, and what can be done with it (use, put on the belt, drop).
// A first tap picks a slot (on a phone there is no hover to read the comparison first); a tap on the
// picked slot, or its button, uses it. A slot is moved by dragging it onto another (a mouse), or by its
// Move button and a tap on where it goes (a phone); Sort tidies the whole bag. Everything asked goes to
// the server, which says yes or why not.
import type { ItemKind } from '../../shared/content/game-data.ts';
import type { BagView, SlotView } from '../../shared/protocol/view.ts';
import { paintIcon, type IconSource } from './icons.ts';
import { compareItem, describeItem, isUpgrade, type Wearer } from './item-text.ts';

export interface BagActions {
  useSlot(slot: number): void;
  dropSlot(slot: number): void;
  setBelt(belt: number, slot: number): void;
  moveSlot(from: number, to: number): void;
  sortBag(): void;
  splitSlot(slot: number): void;
}

export interface BagPanelDeps extends BagActions {
  items: ReadonlyMap<string, ItemKind>;
  /** The item atlas, for slot icons. */
  icons: IconSource;
}

export class BagPanel {
  readonly root = document.getElementById('bag')!;
  private readonly grid = this.root.querySelector<HTMLElement>('.bag-slots')!;
  private readonly detail = this.root.querySelector<HTMLElement>('.bag-detail')!;
  private slots: HTMLButtonElement[] = [];
  private bag: BagView | null = null;
  private wearer: Wearer | null = null;
  /** The slot picked (its detail and actions show), or -1. */
  private picked = -1;
  /** The slot under the mouse, shown instead of the picked one while there. */
  private hovered = -1;
  /** The slot whose Move was pressed: the next tap on a slot says where it goes (-1: none). */
  private moving = -1;
  /** The slot being dragged by the mouse (-1: none). */
  private dragged = -1;

  constructor(private readonly deps: BagPanelDeps) {
    this.root.querySelector('.bag-close')!.addEventListener('click', () => this.hide());
    this.root.querySelector('.bag-sort')!.addEventListener('click', () => {
      this.picked = this.moving = -1;
      deps.sortBag();
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  toggle(): void {
    if (this.isOpen) this.hide();
    else this.show();
  }

  show(): void {
    this.root.hidden = false;
    this.render();
  }

  hide(): void {
    this.root.hidden = true;
    this.picked = this.moving = -1;
  }

  /** What the server says the bag holds now, and what the player wears (for the comparisons). */
  update(bag: BagView | null, wearer: Wearer | null): void {
    this.bag = bag;
    this.wearer = wearer;
    if (this.picked >= 0 && !bag?.slots[this.picked]?.item) this.picked = -1;
    if (this.moving >= 0 && !bag?.slots[this.moving]?.item) this.moving = -1;
    this.render();
  }

  private render(): void {
    const slots = this.bag?.slots ?? [];
    if (this.slots.length !== slots.length) this.buildSlots(slots.length);
    slots.forEach((slot, i) => this.paintSlot(this.slots[i]!, slot, i));
    this.renderDetail();
  }

  private buildSlots(n: number): void {
    this.slots = Array.from({ length: n }, (_, i) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'bag-slot';
      button.dataset.testid = `bag-slot-${i}`;
      button.append(document.createElement('i'), document.createElement('span'));
      button.addEventListener('click', () => this.tap(i));
      button.addEventListener('dblclick', () => this.use(i));
      button.addEventListener('mouseenter', () => {
        this.hovered = i;
        this.renderDetail();
      });
      button.addEventListener('mouseleave', () => {
        this.hovered = -1;
        this.renderDetail();
      });
      this.dragAndDrop(button, i);
      return button;
    });
    this.grid.replaceChildren(...this.slots);
  }

  /** A slot dragged onto another moves there (the server merges or swaps). */
  private dragAndDrop(button: HTMLButtonElement, i: number): void {
    button.addEventListener('dragstart', (e) => {
      if (!this.bag?.slots[i]?.item) return e.preventDefault();
      this.dragged = i;
      e.dataTransfer?.setData('text/plain', String(i));
    });
    button.addEventListener('dragend', () => (this.dragged = -1));
    button.addEventListener('dragover', (e) => {
      if (this.dragged >= 0) e.preventDefault(); // a drop target
    });
    button.addEventListener('drop', (e) => {
      e.preventDefault();
      const from = this.dragged;
      this.dragged = -1;
      if (from >= 0 && from !== i) this.moveTo(from, i);
    });
  }

  private moveTo(from: number, to: number): void {
    this.moving = -1;
    this.picked = to;
    this.deps.moveSlot(from, to);
    this.render();
  }

  private paintSlot(button: HTMLButtonElement, slot: SlotView, i: number): void {
    const icon = button.querySelector('i')!;
    const kind = this.deps.items.get(slot.item);
    icon.style.backgroundImage = '';
    if (slot.item) paintIcon(icon, this.deps.icons, slot.item);
    button.querySelector('span')!.textContent = slot.count > 1 ? String(slot.count) : '';
    button.classList.toggle('picked', i === this.picked);
    button.classList.toggle('moving', i === this.moving);
    button.draggable = !!slot.item;
    button.classList.toggle('empty', !slot.item);
    button.classList.toggle(
      'upgrade',
      !!kind && !!this.wearer && isUpgrade(kind, this.wearer, this.deps.items),
    );
    button.title = kind ? this.tooltip(kind) : '';
    button.setAttribute(
      'aria-label',
      kind ? `${kind.name}${slot.count > 1 ? ` ×${slot.count}` : ''}` : 'Empty',
    );
  }

  private tooltip(kind: ItemKind): string {
    const compare = this.wearer && compareItem(kind, this.wearer, this.deps.items);
    return [kind.name, describeItem(kind), compare].filter(Boolean).join('\n');
  }

  private tap(i: number): void {
    if (this.moving >= 0) {
      if (i === this.moving) this.moving = -1;
      else return this.moveTo(this.moving, i);
    }
    if (!this.bag?.slots[i]?.item) return this.render();
    if (this.picked === i) return this.use(i);
    this.picked = i;
    this.render();
  }

  private use(i: number): void {
    if (this.bag?.slots[i]?.item) this.deps.useSlot(i);
  }

  /** The shown slot's name, what it is, its comparison and its actions. */
  private renderDetail(): void {
    const i = this.hovered >= 0 && this.bag?.slots[this.hovered]?.item ? this.hovered : this.picked;
    const slot = i >= 0 ? this.bag?.slots[i] : undefined;
    const kind = slot && this.deps.items.get(slot.item);
    if (!slot || !kind) {
      const used = this.bag?.slots.filter((s) => s.item).length ?? 0;
      this.detail.replaceChildren(
        line('bag-hint', `${used}/${this.bag?.slots.length ?? 0} slots used. Tap an item to see it.`),
      );
      return;
    }
    if (this.moving >= 0 && i === this.moving) {
      this.detail.replaceChildren(
        line('bag-hint', `Tap the slot to move the ${kind.name} to (or it again to keep it).`),
      );
      return;
    }
    const parts: HTMLElement[] = [
      line('bag-name', `${kind.name}${slot.count > 1 ? ` ×${slot.count}` : ''}`),
      line('bag-what', describeItem(kind)),
    ];
    const compare = this.wearer && compareItem(kind, this.wearer, this.deps.items);
    if (compare) {
      const tone = compare.startsWith('+') ? 'better' : compare.startsWith('−') ? 'worse' : 'same';
      parts.push(line(`bag-compare ${tone}`, compare));
    }
    // Actions only for the picked slot, so hovering past slots never moves the buttons under the mouse.
    if (i === this.picked) parts.push(this.actions(i, kind));
    this.detail.replaceChildren(...parts);
  }

  private actions(i: number, kind: ItemKind): HTMLElement {
    const row = document.createElement('div');
    row.className = 'bag-actions';
    const gear = kind.type === 'weapon' || kind.type === 'armor';
    row.append(
      action(gear ? 'Equip' : 'Drink', 'bag-use', () => this.use(i)),
      action('Drop', 'bag-drop', () => this.deps.dropSlot(i)),
      action('Move', 'bag-move', () => {
        this.moving = i;
        this.render();
      }),
    );
    if ((this.bag?.slots[i]?.count ?? 0) > 1)
      row.append(action('Split', 'bag-split', () => this.deps.splitSlot(i)));
    if (!gear) {
      const belt = document.createElement('span');
      belt.className = 'bag-belt-set';
      belt.append('Belt');
      const onBelt = this.bag?.belt.findIndex((b) => b.item === kind.id) ?? -1;
      for (let b = 0; b < (this.bag?.belt.length ?? 0); b++) {
        const set = action(String(b + 1), `bag-belt-${b}`, () => this.deps.setBelt(b, b === onBelt ? -1 : i));
        set.classList.toggle('on', b === onBelt);
        set.title = b === onBelt ? `Take it off belt slot ${b + 1}` : `Put it on belt slot ${b + 1}`;
        belt.append(set);
      }
      row.append(belt);
    }
    return row;
  }
}

function line(className: string, text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

function action(text: string, testid: string, run: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.dataset.testid = testid;
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    run();
  });
  return button;
}
