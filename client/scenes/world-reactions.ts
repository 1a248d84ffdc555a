// How the world scene shows what the server said happened: blows, deaths, level-ups, gear, potions and
// chests, chat, whispers and NPC lines, achievements, the online counts, the player list and the host's
// announcements. The models are already updated; this is only the show.
// Every sound comes from a fact the server sent (a Happening, a blow, a death), never from a notice's
// text or a change in the stats, and the little state kept lives in one Reactions per join.
import { Happening } from '../../shared/protocol/ops.ts';
import type { SeenEntity, ViewEvent } from '../../shared/protocol/view.ts';
import type { SoundEffect } from '../audio/catalog.ts';
import type { Effects } from '../view/effects.ts';
import type { AchievementsPanel } from '../ui/achievements-panel.ts';
import type { Panels } from '../ui/panels.ts';
import type { PlayerList } from '../ui/player-list.ts';
import { whisperLine } from '../ui/chat-log.ts';
import { nameKey } from '../../shared/rules/names.ts';

/** A drawn entity, as far as reactions touch it. */
export interface DrawnEntity {
  readonly x: number;
  readonly y: number;
  /** Where the pile over the sprite ends, for bubbles and damage numbers. */
  readonly pileTop: number;
  flash(): void;
  die(): void;
}

/** What reactions need of the page: the entities, their drawings, effects, sound and panels. */
export interface Stage {
  selfId(): number;
  entity(id: number): SeenEntity | undefined;
  drawn(id: number): DrawnEntity | undefined;
  /** Takes a dead entity's drawing out of the world, so it can play its death. */
  dropDrawn(id: number): DrawnEntity | undefined;
  readonly effects: Pick<Effects, 'burst' | 'damage' | 'bubble'>;
  sound(effect: SoundEffect): void;
  readonly panels: Pick<
    Panels,
    'showDeath' | 'hideDeath' | 'chatLog' | 'achievementEarned' | 'announcement'
  > & {
    readonly achievements: Pick<AchievementsPanel, 'setEarned'>;
    readonly players: Pick<PlayerList, 'population' | 'show'>;
  };
  npcName(kind: string): string;
}

/** The sound each Happening makes. */
const HAPPENING_SOUND: Record<Happening, SoundEffect> = {
  [Happening.ChestOpened]: 'chest',
  [Happening.Equipped]: 'loot',
  [Happening.PickedUp]: 'loot',
  [Happening.Drank]: 'heal',
  [Happening.LevelUp]: 'level_up',
};

/** Reacts to one join's events: made anew for every join, so nothing of another character lingers. */
export class Reactions {
  /** The last entity the player struck, so only its own kills make the kill sound. */
  private lastStruck = -1;

  constructor(private readonly stage: Stage) {}

  react(event: ViewEvent): void {
    const stage = this.stage;
    const self = stage.selfId();
    switch (event.type) {
      case 'hit': {
        const view = stage.drawn(event.target);
        if (!view) break;
        view.flash();
        stage.effects.burst('hit', view.x, view.y - 8);
        const tone = event.target === self ? 'hurt' : event.attacker === self ? 'dealt' : 'other';
        stage.effects.damage(event.target, view.x, view.pileTop, event.damage, tone);
        if (event.attacker === self) this.lastStruck = event.target;
        if (event.target === self) stage.sound('hurt');
        else if (event.attacker === self) stage.sound('hit');
        break;
      }
      case 'died': {
        const view = event.id === self ? stage.drawn(event.id) : stage.dropDrawn(event.id);
        if (view) {
          stage.effects.burst('death_puff', view.x, view.y - 6);
          if (event.id !== self) view.die();
        }
        if (event.id === self) {
          stage.panels.showDeath(event.killer);
          stage.sound('death');
        } else if (event.entity?.type === 'mob' && event.id === this.lastStruck) {
          stage.sound('kill');
        }
        break;
      }
      case 'happened': {
        if (event.what === Happening.LevelUp) {
          const view = stage.drawn(self);
          if (view) stage.effects.burst('level_up', view.x, view.y - 10);
        }
        // A newer server's happening has no sound here yet: shown by its notice alone.
        const sound = HAPPENING_SOUND[event.what] as SoundEffect | undefined;
        if (sound) stage.sound(sound);
        break;
      }
      case 'stats':
        if (event.stats.hp > 0) stage.panels.hideDeath();
        break;
      case 'chat': {
        const view = stage.drawn(event.id);
        const speaker = stage.entity(event.id)?.name ?? 'Someone';
        if (view) stage.effects.bubble(event.id, view.x, view.pileTop, event.text, 'chat');
        stage.panels.chatLog(speaker, event.text);
        if (event.id !== self) stage.sound('chat');
        break;
      }
      case 'npcLine': {
        const view = stage.drawn(event.id);
        const npc = stage.entity(event.id);
        if (view) stage.effects.bubble(event.id, view.x, view.pileTop, event.text, 'npc');
        stage.panels.chatLog(npc ? stage.npcName(npc.kind) : 'Someone', event.text, 'npc');
        stage.sound('npc_talk');
        break;
      }
      case 'achievement':
        stage.panels.achievementEarned(event.id);
        stage.sound('achievement');
        break;
      case 'achievementList':
        stage.panels.achievements.setEarned(event.ids);
        break;
      case 'whisper': {
        const me = nameKey(stage.entity(self)?.name ?? '');
        const line = whisperLine(event, (name) => nameKey(name) === me);
        stage.panels.chatLog(line.speaker, line.text, 'whisper');
        if (nameKey(event.from) !== me) stage.sound('chat');
        break;
      }
      case 'population':
        stage.panels.players.population(event.here, event.total);
        break;
      case 'playerList':
        stage.panels.players.show(event.total, event.players);
        break;
      case 'announcement':
        stage.panels.announcement(event.text);
        stage.sound('achievement');
        break;
      default:
        break;
    }
  }
}
