// The bag card and the belt bar together, kept to what the server last said (Op.Bag, and the Stats for
// what is worn), with their keys. The world scene makes one and passes it the client's events.
import type { ItemKind } from '../../shared/content/game-data.ts';
import { Op } from '../../shared/protocol/ops.ts';
import type { BagView, Stats, ViewEvent } from '../../shared/protocol/view.ts';
import { BagPanel, type BagActions } from './bag-panel.ts';
import { BeltBar, bindBagKeys } from './belt-bar.ts';
import type { IconSource } from './icons.ts';
import './bag.css';

/** What the bag's UI needs of the game client. */
export interface BagClient extends Omit<BagActions, 'moveSlot' | 'sortBag' | 'splitSlot'> {
  useBelt(slot: number): void;
  arrangeBag(
    msg: [typeof Op.MoveSlot, number, number] | [typeof Op.SortBag] | [typeof Op.SplitSlot, number],
  ): void;
  readonly bag: BagView | null;
  readonly stats: Stats | null;
  readonly connected: boolean;
}

export class BagUi {
  readonly panel: BagPanel;
  readonly belt: BeltBar;

  constructor(
    private readonly client: BagClient,
    items: ReadonlyMap<string, ItemKind>,
    icons: IconSource,
    /** Opens the bag the way its toolbar button does (closing the other cards). */
    toggle: () => void,
  ) {
    this.panel = new BagPanel({
      items,
      icons,
      useSlot: (slot) => client.useSlot(slot),
      dropSlot: (slot) => client.dropSlot(slot),
      setBelt: (belt, slot) => client.setBelt(belt, slot),
      moveSlot: (from, to) => client.arrangeBag([Op.MoveSlot, from, to]),
      sortBag: () => client.arrangeBag([Op.SortBag]),
      splitSlot: (slot) => client.arrangeBag([Op.SplitSlot, slot]),
    });
    this.belt = new BeltBar(
      icons,
      (kind) => items.get(kind)?.name ?? kind,
      (slot) => client.useBelt(slot),
    );
    bindBagKeys({
      active: () => client.connected,
      toggleBag: toggle,
      useBelt: (slot) => client.useBelt(slot),
    });
    this.refresh();
  }

  /** A new bag, or new gear worn (the comparisons change): draw them again. */
  react(event: ViewEvent): void {
    if (event.type === 'bag' || event.type === 'stats') this.refresh();
  }

  refresh(): void {
    const stats = this.client.stats;
    this.panel.update(this.client.bag, stats);
    this.belt.update(this.client.bag);
  }
}
