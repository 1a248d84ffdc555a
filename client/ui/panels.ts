// The DOM parts of the game screen: toolbar buttons (chat, achievements, sound, help), chat box and log,
// achievements panel and toast, the help card, and the death screen with its Respawn button.
import type { WorldScene } from '../scenes/world.ts';
import { ChatBox } from './chat.ts';
import { AchievementsPanel, type AchievementInfo } from './achievements-panel.ts';
import { paintIcon, type AtlasInfo } from './icons.ts';

const HELP_SEEN = 'emberquest.helpSeen';

export class Panels {
  private readonly chat: ChatBox;
  readonly achievements: AchievementsPanel;
  private readonly death = document.getElementById('death')!;
  private readonly help = document.getElementById('help')!;
  private readonly hud = document.getElementById('hud-dom')!;

  constructor(private readonly scene: WorldScene) {
    this.chat = new ChatBox((text) => scene.client.chat(text));
    this.achievements = new AchievementsPanel(scene.cache.json.get('data:achievements') as AchievementInfo[]);
    const ui = {
      url: 'assets/sprites/ui.png',
      info: scene.cache.json.get('atlas:ui') as AtlasInfo,
      imageWidth: scene.textures.get('atlas:ui').getSourceImage().width,
    };
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
      for (const id of ['achievements', 'help', 'sound-settings'])
        if (id !== except) document.getElementById(id)!.hidden = true;
    };
    button('btn-achievements', 'trophy', () => {
      closeCards('achievements');
      this.achievements.toggle();
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
      scene.game.events.emit('toggle-sound');
    });
    scene.game.events.on('sound-state', (on: boolean) =>
      paintIcon(sound.querySelector('i')!, ui, on ? 'sound_on' : 'sound_off'),
    );
    this.help.querySelector('button')!.addEventListener('click', () => (this.help.hidden = true));
    document
      .querySelector<HTMLButtonElement>('[data-testid="respawn-button"]')!
      .addEventListener('click', () => {
        scene.client.respawn();
      });
  }

  /** Shown while playing; hidden on the title screen. */
  setPlaying(on: boolean): void {
    this.hud.hidden = !on;
    // The first time someone plays, the help card says how.
    // It sits in a corner and goes away by itself, so it never stands between the player and the world.
    if (on && !localStorage.getItem(HELP_SEEN)) {
      localStorage.setItem(HELP_SEEN, '1');
      this.help.classList.add('corner');
      this.help.hidden = false;
      setTimeout(() => {
        this.help.hidden = true;
        this.help.classList.remove('corner');
      }, 15_000);
    }
    if (!on) {
      this.hideDeath();
      this.achievements.hide();
      this.help.hidden = true;
    }
  }

  chatLog(speaker: string, text: string, tone: 'chat' | 'npc' | 'system' = 'chat'): void {
    this.chat.add(speaker, text, tone);
  }

  achievementEarned(id: string): void {
    this.achievements.earn(id);
  }

  showDeath(): void {
    this.death.hidden = false;
    this.death.querySelector('button')!.focus();
  }

  hideDeath(): void {
    this.death.hidden = true;
  }
}
