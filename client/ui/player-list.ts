// Who is online: the HUD's "N online" button (this world's count and the realm's, from `population`)
// and the card it opens, listing every player of the realm with their world and level (asked with
// `Who` each time it opens). A name in the list starts a whisper to that player in the chat line.
import type { ListedPlayer } from '../../shared/protocol/server-messages.ts';
import { paintIcon, type IconSource } from './icons.ts';

export interface PlayerListDeps {
  /** Asks the server for the list (Op.Who). */
  who(): void;
  /** Opens the chat line with `text` typed in. */
  startWhisper(text: string): void;
  /** A world's title, for its id. */
  worldTitle(id: string): string;
  ui: IconSource;
}

/** What the online button says: "N online", or this world's count beside the realm's when they differ. */
export function onlineText(here: number, total: number): string {
  return here === total ? `${total} online` : `${here} here · ${total} online`;
}

/** The chat line that whispers to `name` (the server reads `/w Name text`). */
export function whisperPrefix(name: string): string {
  return `/w ${name} `;
}

export class PlayerList {
  readonly button = document.getElementById('btn-online') as HTMLButtonElement;
  readonly card = document.getElementById('player-list')!;
  private readonly label = this.button.querySelector('span')!;
  private readonly rows = this.card.querySelector('ul')!;
  private readonly summary = this.card.querySelector('.player-list-summary')!;
  /** Counts from the server's Population; until one comes, a count from /status stands in. */
  private counted = false;

  constructor(private readonly deps: PlayerListDeps) {
    paintIcon(this.button.querySelector('i')!, deps.ui, 'people');
    this.button.addEventListener('click', (e) => {
      e.stopPropagation();
      this.toggle();
    });
    this.card.querySelector('.player-list-close')!.addEventListener('click', () => this.hide());
    this.label.textContent = onlineText(0, 0);
  }

  /** This world's and the realm's counts (Population). */
  population(here: number, total: number): void {
    this.counted = true;
    this.label.textContent = onlineText(here, total);
  }

  /** The count an older server gives through /status; ignored once Population has spoken. */
  fallbackCount(players: number): void {
    if (!this.counted) this.label.textContent = onlineText(players, players);
  }

  toggle(): void {
    if (!this.card.hidden) return this.hide();
    this.card.hidden = false;
    this.summary.textContent = 'Asking who is online…';
    this.rows.replaceChildren();
    this.deps.who();
  }

  hide(): void {
    this.card.hidden = true;
  }

  /** The server's answer to Who: every player (at most 200 of `total`). */
  show(total: number, players: readonly ListedPlayer[]): void {
    const sorted = [...players].sort((a, b) => a[0].localeCompare(b[0]));
    this.summary.textContent =
      total > players.length ? `${total} online (first ${players.length} shown)` : `${total} online`;
    this.rows.replaceChildren(...sorted.map((p) => this.row(p)));
  }

  private row([name, world, level]: ListedPlayer): HTMLElement {
    const li = document.createElement('li');
    li.dataset.player = name;
    const who = document.createElement('button');
    who.type = 'button';
    who.className = 'player-name';
    who.title = `Whisper to ${name}`;
    who.textContent = name;
    who.addEventListener('click', () => {
      this.hide();
      this.deps.startWhisper(whisperPrefix(name));
    });
    const where = document.createElement('span');
    where.className = 'player-world';
    where.textContent = this.deps.worldTitle(world);
    const lvl = document.createElement('span');
    lvl.className = 'player-level';
    lvl.textContent = `Lv ${level}`;
    li.append(who, where, lvl);
    return li;
  }
}
