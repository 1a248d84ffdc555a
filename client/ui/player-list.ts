// Who is online: the HUD's "N online" button (this world's count and the realm's, from `population`)
// and the card it opens, listing the players of this world with their level, then those of the realm's
// other worlds (asked with `Who` each time it opens). A name in the list starts a whisper to that player
// in the chat line; its Invite button asks them into our party.
import type { ListedPlayer } from '../../shared/protocol/server-messages.ts';
import { paintIcon, type IconSource } from './icons.ts';

export interface PlayerListDeps {
  /** Asks the server for the list (Op.Who). */
  who(): void;
  /** Opens the chat line with `text` typed in. */
  startWhisper(text: string): void;
  /** A world's title, for its id. */
  worldTitle(id: string): string;
  /** Asks the player into our party (Op.Invite). */
  invite(name: string): void;
  /** Our world and name: the list starts with this world's players, and has no Invite for us. */
  here(): { world: string; name: string };
  ui: IconSource;
}

/** The list's order: this world's players first, then the others by world; each by name. */
export function listOrder(
  players: readonly ListedPlayer[],
  world: string,
): { here: ListedPlayer[]; elsewhere: ListedPlayer[] } {
  const byName = [...players].sort((a, b) => a[0].localeCompare(b[0]));
  return {
    here: byName.filter((p) => p[1] === world),
    elsewhere: byName.filter((p) => p[1] !== world).sort((a, b) => a[1].localeCompare(b[1])),
  };
}

/** The list's summary line: this world's count and the realm's. */
export function listSummary(here: number, total: number, shown: number): string {
  const cut = total > shown ? ` (first ${shown} shown)` : '';
  return `${here} in this world · ${total} in the realm${cut}`;
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
    const { world } = this.deps.here();
    const { here, elsewhere } = listOrder(players, world);
    this.summary.textContent = listSummary(here.length, total, players.length);
    const rows: HTMLElement[] = here.map((p) => this.row(p));
    if (elsewhere.length > 0) {
      const heading = document.createElement('li');
      heading.className = 'player-list-heading';
      heading.textContent = 'In other worlds';
      rows.push(heading, ...elsewhere.map((p) => this.row(p)));
    }
    this.rows.replaceChildren(...rows);
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
    if (name.toLowerCase() !== this.deps.here().name.toLowerCase()) {
      const invite = document.createElement('button');
      invite.type = 'button';
      invite.className = 'player-invite';
      invite.textContent = 'Invite';
      invite.title = `Invite ${name} to your party`;
      invite.addEventListener('click', () => this.deps.invite(name));
      li.append(invite);
    } else {
      const you = document.createElement('span');
      you.className = 'player-you';
      you.textContent = 'you';
      li.append(you);
    }
    return li;
  }
}
