// The DOM parts of the game screen: toolbar buttons (chat, achievements, sound, help), chat box and log,
// achievements panel and toast, game notices, the help card, the target frame, and the death screen
// (what killed you, the world still in view) with its Respawn button. Escape or a tap outside closes
// any open card.
import type { SeenEntity } from '../../shared/protocol/view.ts';
import { ChatBox } from './chat.ts';
import { kindOfNotice, type LineKind } from './chat-log.ts';
import { AchievementsPanel, type AchievementInfo } from './achievements-panel.ts';
import { paintIcon, type IconSource } from './icons.ts';
import { TargetFrame } from './target-frame.ts';
import { PlayerList } from './player-list.ts';
import { slainBy, type MobInfo } from '../view/mob-info.ts';

const HELP_SEEN = 'emberquest.helpSeen';
const CARDS = ['achievements', 'help', 'sound-settings', 'player-list', 'bag'];
/** How long a notice stays before it fades. */
const NOTICE_MS = 3400;
/** How long an announcement's banner stays (it is also kept in the chat log). */
const ANNOUNCEMENT_MS = 12_000;
/** How long the first-play hint stays in its corner. */
const HINT_MS = 15_000;

/** A phone or tablet: the hint speaks of taps. */
export function touchFirst(): boolean {
  return matchMedia('(pointer: coarse)').matches || navigator.maxTouchPoints > 0;
}

/** What the panels need of the game: the player's actions, the sound switch, and some content. */
export interface PanelsDeps {
  say(text: string): void;
  /** Asks who is online in the realm. */
  who(): void;
  /** A world's title, for its id (the player list). */
  worldTitle(id: string): string;
  /** Asks a player into our party (the player list's Invite). */
  invite(name: string): void;
  /** Our world and name, for the player list. */
  here(): { world: string; name: string };
  respawn(): void;
  toggleSound(): void;
  /** Calls `listener` whenever sound is switched on or off. */
  onSoundState(listener: (on: boolean) => void): void;
  /** Name, level and boss flag of a mob kind, for the death screen. */
  mob(kind: string): MobInfo;
  achievements: AchievementInfo[];
  /** The UI icon atlas. */
  ui: IconSource;
  /** Opens or closes the bag card (ui/bag-panel.ts). */
  toggleBag?(): void;
}

export class Panels {
  private readonly chat: ChatBox;
  readonly achievements: AchievementsPanel;
  readonly target = new TargetFrame();
  readonly players: PlayerList;
  private readonly death = document.getElementById('death')!;
  private readonly help = document.getElementById('help')!;
  private readonly hud = document.getElementById('hud-dom')!;
  private readonly noticeEl = document.getElementById('notice')!;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly announcementEl = document.getElementById('announcement')!;
  private announcementTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: PanelsDeps) {
    this.chat = new ChatBox((text) => deps.say(text));
    this.achievements = new AchievementsPanel(deps.achievements);
    const ui = deps.ui;
    this.players = new PlayerList({
      who: () => deps.who(),
      startWhisper: (text) => this.chat.open(text),
      worldTitle: (id) => deps.worldTitle(id),
      invite: (name) => deps.invite(name),
      here: () => deps.here(),
      ui,
    });
    // Opening the list closes the other cards.
    this.players.button.addEventListener('click', () => {
      for (const id of CARDS) if (id !== 'player-list') document.getElementById(id)!.hidden = true;
    });
    const button = (id: string, icon: string, action: () => void): void => {
      const el = document.getElementById(id)!;
      paintIcon(el.querySelector('i')!, ui, icon);
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        action();
      });
    };
    button('btn-chat', 'chat', () => (this.chat.isOpen ? this.chat.close() : this.chat.open()));
    // One card at a time: opening one closes the others.
    const closeCards = (except: string): void => {
      for (const id of CARDS) if (id !== except) document.getElementById(id)!.hidden = true;
      this.chat.collapse();
    };
    button('btn-achievements', 'trophy', () => {
      closeCards('achievements');
      this.achievements.toggle();
    });
    button('btn-bag', 'bag', () => {
      closeCards('bag');
      deps.toggleBag?.();
    });
    button('btn-help', 'help', () => {
      closeCards('help');
      const shown = !this.help.hidden && !this.help.classList.contains('corner');
      this.help.classList.remove('corner');
      this.help.hidden = shown;
    });
    const sound = document.getElementById('btn-sound')!;
    button('btn-sound', 'sound_on', () => {
      closeCards('sound-settings');
      deps.toggleSound();
    });
    deps.onSoundState((on) => paintIcon(sound.querySelector('i')!, ui, on ? 'sound_on' : 'sound_off'));
    this.help.querySelector('button')!.addEventListener('click', () => (this.help.hidden = true));
    document
      .querySelector<HTMLButtonElement>('[data-testid="respawn-button"]')!
      .addEventListener('click', () => deps.respawn());
    // Escape closes every card; so does a tap or click anywhere outside the open ones.
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.closeAll()) e.preventDefault();
    });
    window.addEventListener(
      'pointerdown',
      (e) => {
        const inside = (e.target as Element | null)?.closest?.(
          '.card, #toolbar, #chat-log, #chat, #btn-online, #belt',
        );
        if (!inside) this.closeAll();
      },
      true,
    );
    this.setHint();
  }

  /** Closes every open card and the expanded log; says whether anything was open. */
  closeAll(): boolean {
    let closed = false;
    for (const id of CARDS) {
      const card = document.getElementById(id)!;
      if (!card.hidden) closed = true;
      card.hidden = true;
    }
    if (this.chat.expanded) {
      this.chat.collapse();
      closed = true;
    }
    return closed;
  }

  /** Shown while playing; hidden on the title screen. */
  setPlaying(on: boolean): void {
    this.hud.hidden = !on;
    // The first time someone plays, the help card says how.
    // It sits in a corner and goes away by itself, so it never stands between the player and the world.
    if (on && !localStorage.getItem(HELP_SEEN)) {
      localStorage.setItem(HELP_SEEN, '1');
      this.setHint();
      this.help.classList.add('corner');
      this.help.hidden = false;
      // Only the corner hint goes: if the player has since opened the help card, it stays.
      setTimeout(() => {
        if (!this.help.classList.contains('corner')) return;
        this.help.hidden = true;
        this.help.classList.remove('corner');
      }, HINT_MS);
    }
    if (!on) {
      this.hideDeath();
      this.achievements.hide();
      this.help.hidden = true;
      this.target.show(null);
    }
  }

  /** Opens the chat line with `text` typed in (a whisper's `/w Name `). */
  openChat(text: string): void {
    this.chat.open(text);
  }

  chatLog(speaker: string, text: string, kind: LineKind = 'chat'): void {
    this.chat.add(speaker, text, kind);
  }

  /** A game notice ("You defeated a rat."): shown a moment over the world, and kept in the log. */
  notice(text: string): void {
    this.chat.add('', text, kindOfNotice(text));
    this.noticeEl.textContent = text;
    this.noticeEl.classList.remove('gone');
    this.noticeEl.hidden = false;
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => this.noticeEl.classList.add('gone'), NOTICE_MS);
  }

  /** The host's announcement to the realm: a banner over the world until clicked or ANNOUNCEMENT_MS pass. */
  announcement(text: string): void {
    this.chat.add('Announcement', text, 'milestone');
    const el = this.announcementEl;
    el.textContent = text;
    el.hidden = false;
    el.onclick = () => (el.hidden = true);
    if (this.announcementTimer) clearTimeout(this.announcementTimer);
    this.announcementTimer = setTimeout(() => (el.hidden = true), ANNOUNCEMENT_MS);
  }

  achievementEarned(id: string): void {
    this.achievements.earn(id);
  }

  /**
   * The death screen, for every way of being dead (a blow, or a resumed dead character): says what
   * struck the last blow, logs it, and leaves the world in view behind it.
   */
  showDeath(killer: SeenEntity | undefined): void {
    const line = slainBy(killer, (kind) => this.deps.mob(kind));
    this.death.querySelector('.death-cause')!.textContent = line;
    if (this.death.hidden) this.chat.add('', line.endsWith('.') ? line : `${line}.`, 'milestone');
    this.death.hidden = false;
    this.death.querySelector('button')!.focus();
  }

  hideDeath(): void {
    this.death.hidden = true;
  }

  private setHint(): void {
    const walk = this.help.querySelector('.hint-walk');
    const act = this.help.querySelector('.hint-act');
    const chat = this.help.querySelector('.hint-chat');
    if (!walk || !act || !chat) return;
    if (touchFirst()) {
      walk.textContent = 'Tap the ground to walk there.';
      act.textContent =
        'Tap a creature to fight it, an item to pick it up, a villager to talk, a chest to open it.';
      chat.textContent = 'Tap the speech bubble button to chat with everyone nearby.';
    } else {
      walk.textContent = 'Click the ground to walk; WASD or the arrow keys step one tile at a time.';
      act.textContent =
        'Click a creature to fight it (or press Space near one), an item to pick it up, a villager to talk, a chest to open it.';
      chat.textContent = 'Press Enter to chat with everyone nearby.';
    }
  }
}
