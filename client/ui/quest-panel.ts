// The quest panel (key Q or the scroll button): quests taken with their progress ("Rats 7/10"), each
// with a way to give it up, and those done; and the offer card an NPC's quest opens, to accept or
// decline. Built here rather than in index.html, so the page's other panels stay as they are.
import type { QuestKind } from '../../shared/content/quests.ts';
import { paintIcon, type IconSource } from './icons.ts';
import { activeRows, goalLine, rewardLine, type QuestLogState } from './quest-log.ts';
import './quests.css';

export interface QuestPanelDeps {
  quests: ReadonlyMap<string, QuestKind>;
  npcName(kind: string): string;
  itemName(id: string): string;
  accept(id: string): void;
  abandon(id: string): void;
  ui: IconSource;
}

export class QuestPanel {
  readonly root: HTMLElement;
  readonly offerCard: HTMLElement;
  readonly button: HTMLButtonElement;
  private log: QuestLogState = { active: new Map(), done: [] };
  private offered = '';

  constructor(private readonly deps: QuestPanelDeps) {
    const hud = document.getElementById('hud-dom')!;
    this.root = el('div', 'card quest-panel');
    Object.assign(this.root, { id: 'quest-panel', hidden: true });
    this.root.dataset.testid = 'quest-panel';
    this.root.setAttribute('role', 'dialog');
    this.root.setAttribute('aria-label', 'Quests');
    this.offerCard = el('div', 'card quest-offer');
    Object.assign(this.offerCard, { id: 'quest-offer', hidden: true });
    this.offerCard.dataset.testid = 'quest-offer';
    this.offerCard.setAttribute('role', 'dialog');
    hud.append(this.root, this.offerCard);
    this.button = el('button', '') as HTMLButtonElement;
    Object.assign(this.button, { type: 'button', id: 'btn-quests', title: 'Quests (Q)' });
    this.button.dataset.testid = 'quests-button';
    this.button.setAttribute('aria-label', 'Quests');
    this.button.append(el('i', ''));
    paintIcon(this.button.querySelector('i')!, deps.ui, 'scroll');
    document.getElementById('toolbar')!.prepend(this.button);
    this.button.addEventListener('click', (e) => {
      e.stopPropagation();
      this.toggle();
    });
    window.addEventListener('keydown', (e) => {
      const typing = (e.target as Element | null)?.closest?.('input, textarea');
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'q' || e.key === 'Q') this.toggle();
      else if (e.key === 'Escape') this.hide();
    });
    window.addEventListener(
      'pointerdown',
      (e) => {
        if (!(e.target as Element | null)?.closest?.('.quest-panel, .quest-offer, #btn-quests')) this.hide();
      },
      true,
    );
    this.render();
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  toggle(): void {
    if (this.root.hidden) this.show();
    else this.hide();
  }

  show(): void {
    this.render();
    this.root.hidden = false;
  }

  /** Closes the panel and any offer still open (declining it). */
  hide(): void {
    this.root.hidden = true;
    this.offerCard.hidden = true;
  }

  setLog(log: QuestLogState): void {
    this.log = log;
    // An offer taken (or one that can no longer be taken) closes.
    if (this.offered && (log.active.has(this.offered) || log.done.includes(this.offered))) this.closeOffer();
    this.render();
  }

  /** An NPC (`npcKind`) offers quest `id`: a card with its text, goal and reward, to accept or decline. */
  offer(id: string, npcKind: string): void {
    const q = this.deps.quests.get(id);
    if (!q) return;
    this.offered = id;
    const accept = button('Accept', 'quest-accept', () => {
      this.deps.accept(id);
      this.closeOffer();
    });
    const decline = button('Decline', 'quest-decline', () => this.closeOffer(), 'secondary');
    this.offerCard.replaceChildren(
      text('h2', q.name),
      text('p', `${this.deps.npcName(npcKind)}: “${q.offer}”`, 'quest-offer-text'),
      text(
        'p',
        goalLine(q, 0, (k) => this.deps.npcName(k)),
        'quest-goal',
      ),
      text('p', `Reward: ${rewardLine(q, (i) => this.deps.itemName(i))}`, 'quest-reward'),
      row(accept, decline),
    );
    this.offerCard.hidden = false;
    accept.focus();
  }

  closeOffer(): void {
    this.offered = '';
    this.offerCard.hidden = true;
  }

  private render(): void {
    const rows = activeRows(this.deps.quests, this.log, (k) => this.deps.npcName(k));
    const items = rows.map((r) => {
      const li = el('li', r.done ? 'quest ready' : 'quest');
      li.dataset.quest = r.id;
      const give = button('Give up', 'quest-abandon', () => this.deps.abandon(r.id), 'secondary small');
      li.append(row(text('strong', r.name), give), text('span', r.line, 'quest-progress'));
      return li;
    });
    if (items.length === 0)
      items.push(text('li', 'No quest taken. Those marked ! have one for you.', 'empty'));
    const done = this.log.done.flatMap((id) => {
      const q = this.deps.quests.get(id);
      return q ? [text('li', q.name, 'quest done')] : [];
    });
    const close = button('Close', 'quest-close', () => this.hide());
    this.root.replaceChildren(
      text('h2', 'Quests'),
      el('ul', 'quest-active', items),
      text('h3', `Done (${done.length})`),
      el('ul', 'quest-done', done),
      close,
    );
  }
}

function el(tag: string, className: string, children: Node[] = []): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

function text(tag: string, content: string, className = ''): HTMLElement {
  const e = el(tag, className);
  e.textContent = content;
  return e;
}

function row(...children: HTMLElement[]): HTMLElement {
  return el('div', 'quest-row', children);
}

function button(label: string, testid: string, action: () => void, className = ''): HTMLButtonElement {
  const b = text('button', label, className) as HTMLButtonElement;
  b.type = 'button';
  b.dataset.testid = testid;
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    action();
  });
  return b;
}
