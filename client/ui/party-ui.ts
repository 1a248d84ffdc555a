// The party on the page: the party frame (the other members with their HP, level and world; Leave, and
// Remove for the leader), the invitation prompts (Join / No thanks, gone when the offer lapses), party
// chat lines in the log, the members' marks for the minimap, and the small menu a click on another player
// opens (Invite to party / Whisper). Everything drawn is what the server said; clicks send intents.
import type { ViewEvent } from '../../shared/protocol/view.ts';
import { nameKey } from '../../shared/rules/names.ts';
import type { GameClient } from '../game-client.ts';
import type { LineKind } from './chat-log.ts';
import { setMarks } from './map-marks.ts';
import { partyMarks, partyRows } from './party-view.ts';
import { whisperPrefix } from './player-list.ts';
import './party.css';

export interface PartyUiDeps {
  client: Pick<
    GameClient,
    'invite' | 'answerInvite' | 'leaveParty' | 'kick' | 'name' | 'world' | 'party' | 'partyLeader'
  >;
  /** Opens the chat line with `text` typed in. */
  openChat(text: string): void;
  chatLog(speaker: string, text: string, kind: LineKind): void;
  worldTitle(id: string): string;
}

type PartyEvent = Extract<ViewEvent, { type: 'party' | 'partyInvite' | 'partyLine' | 'inviteEnded' }>;

export class PartyUi {
  readonly frame = element('div', 'party-frame');
  private readonly list = element('ul');
  private readonly invites = element('div', 'party-invites');
  readonly menu = element('div', 'player-menu');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: PartyUiDeps) {
    const hud = document.getElementById('hud-dom')!;
    this.frame.dataset.testid = 'party-frame';
    this.frame.hidden = true;
    const head = element('div', '', 'party-head');
    const title = element('span', '', 'party-title');
    title.textContent = 'Party';
    const leave = button('Leave', 'party-leave', () => deps.client.leaveParty());
    leave.title = 'Leave the party (/leave)';
    head.append(title, leave);
    this.frame.append(head, this.list);
    this.invites.dataset.testid = 'party-invites';
    this.menu.className = 'card';
    this.menu.hidden = true;
    this.menu.setAttribute('role', 'menu');
    hud.append(this.frame, this.invites, this.menu);
    // The menu closes on a click elsewhere and on Escape, like the cards.
    window.addEventListener(
      'pointerdown',
      (e) => {
        if (!(e.target as Element | null)?.closest?.('#player-menu')) this.menu.hidden = true;
      },
      true,
    );
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.menu.hidden = true;
    });
  }

  /** Shows what the server said of the party; false for events that are not the party's. */
  react(event: ViewEvent): boolean {
    if (!isPartyEvent(event)) return false;
    switch (event.type) {
      case 'party':
        return (this.showParty(), true);
      case 'partyInvite':
        return (this.invited(event.from, event.seconds), true);
      case 'inviteEnded':
        return (this.closeInvite(event.from), true);
      case 'partyLine':
        this.deps.chatLog(`[Party] ${event.from}`, event.text, 'party');
        return true;
    }
  }

  /** The menu for a player clicked in the world, at page point (x, y). */
  openMenu(name: string, x: number, y: number): void {
    const heading = element('div', '', 'player-menu-name');
    heading.textContent = name;
    const invite = button('Invite to party', 'player-menu-invite', () => this.deps.client.invite(name));
    const whisper = button('Whisper', 'player-menu-whisper', () => this.deps.openChat(whisperPrefix(name)));
    for (const b of [invite, whisper]) {
      b.setAttribute('role', 'menuitem');
      b.addEventListener('click', () => (this.menu.hidden = true));
    }
    this.menu.replaceChildren(heading, invite, whisper);
    this.menu.hidden = false;
    const { innerWidth: w, innerHeight: h } = window;
    const box = this.menu.getBoundingClientRect();
    this.menu.style.left = `${Math.max(4, Math.min(x + 8, w - box.width - 4))}px`;
    this.menu.style.top = `${Math.max(4, Math.min(y + 8, h - box.height - 4))}px`;
  }

  /** A new character (or the title screen): nothing of the last one's party stays. */
  clear(): void {
    this.list.replaceChildren();
    this.frame.hidden = true;
    for (const from of [...this.timers.keys()]) this.closeInvite(from);
    this.menu.hidden = true;
    setMarks('party', []);
  }

  private showParty(): void {
    const { client } = this.deps;
    const self = { name: client.name, world: client.world };
    const rows = partyRows(client.party, client.partyLeader, self, (id) => this.deps.worldTitle(id));
    const lead = nameKey(client.partyLeader) === nameKey(client.name);
    const title = this.frame.querySelector<HTMLElement>('.party-title')!;
    title.textContent = lead ? '★ Party' : 'Party';
    title.title = lead ? 'You lead the party' : `${client.partyLeader} leads the party`;
    this.list.replaceChildren(
      ...rows.map((r) => {
        const li = element('li');
        li.dataset.member = r.name;
        li.classList.toggle('offline', !r.online);
        const top = element('div', '', 'party-member-top');
        const name = element('span', '', 'party-name');
        name.textContent = r.leader ? `★ ${r.name}` : r.name;
        if (r.leader) name.title = `${r.name} leads the party`;
        const level = element('span', '', 'party-level');
        level.textContent = `Lv ${r.level}`;
        top.append(name, level);
        if (lead) {
          const kick = button('×', 'party-kick', () => client.kick(r.name));
          kick.title = `Remove ${r.name} from the party`;
          kick.setAttribute('aria-label', kick.title);
          top.append(kick);
        }
        const hp = element('div', '', 'party-hp');
        const fill = element('div', '', 'party-hp-fill');
        fill.style.width = `${Math.round(r.hpShare * 100)}%`;
        const text = element('span');
        text.textContent = r.hpText;
        hp.append(fill, text);
        li.append(top, hp);
        if (r.where) {
          const where = element('div', '', 'party-where');
          where.textContent = r.where;
          li.append(where);
        }
        return li;
      }),
    );
    this.frame.hidden = client.party.length === 0;
    if (client.party.length > 0) for (const from of [...this.timers.keys()]) this.closeInvite(from);
    setMarks('party', partyMarks(client.party, client.name));
  }

  private invited(from: string, seconds: number): void {
    this.closeInvite(from);
    const card = element('div', '', 'party-invite');
    card.dataset.from = from;
    const text = element('p');
    text.textContent = `${from} invites you to their party.`;
    const join = button('Join', 'party-invite-join', () => this.answer(from, true));
    const no = button('No thanks', 'party-invite-decline', () => this.answer(from, false));
    const row = element('div', '', 'party-invite-buttons');
    row.append(join, no);
    card.append(text, row);
    this.invites.append(card);
    this.timers.set(
      from,
      setTimeout(() => this.closeInvite(from), seconds * 1000),
    );
  }

  private answer(from: string, accept: boolean): void {
    this.deps.client.answerInvite(from, accept);
    this.closeInvite(from);
  }

  private closeInvite(from: string): void {
    const timer = this.timers.get(from);
    if (timer) clearTimeout(timer);
    this.timers.delete(from);
    for (const card of this.invites.querySelectorAll<HTMLElement>('.party-invite'))
      if (card.dataset.from === from) card.remove();
  }
}

function isPartyEvent(e: ViewEvent): e is PartyEvent {
  return e.type === 'party' || e.type === 'partyInvite' || e.type === 'partyLine' || e.type === 'inviteEnded';
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  id = '',
  className = '',
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (id) el.id = id;
  if (className) el.className = className;
  return el;
}

function button(label: string, className: string, action: () => void): HTMLButtonElement {
  const b = element('button', '', className);
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    action();
  });
  return b;
}
