// How the world scene shows what the server said happened: blows, deaths, level-ups, chat and NPC
// lines, achievements. The model (GameClient) has already been updated; this is only the show.
import type { ViewEvent } from '../../shared/protocol/view.ts';
import type { GameClient } from '../game-client.ts';
import type { WorldScene } from './world.ts';

let lastLevel = 0;
/** The last entity the player struck, so only its own kills make the kill sound. */
let lastStruck = -1;
let lastGear = '';
let lastHp = 0;

export function react(scene: WorldScene, event: ViewEvent, client: GameClient): void {
  switch (event.type) {
    case 'hit': {
      const view = scene.views.get(event.target);
      if (!view) break;
      view.flash();
      scene.effects.burst('hit', view.x, view.y - 8);
      const tone =
        event.target === client.selfId ? 'hurt' : event.attacker === client.selfId ? 'dealt' : 'other';
      scene.effects.damage(event.target, view.x, view.pileTop, event.damage, tone);
      if (event.attacker === client.selfId) lastStruck = event.target;
      if (event.target === client.selfId) scene.game.events.emit('sound', 'hurt');
      else if (event.attacker === client.selfId) scene.game.events.emit('sound', 'hit');
      break;
    }
    case 'died': {
      const view = event.id === client.selfId ? scene.views.get(event.id) : scene.dropView(event.id);
      if (view) {
        scene.effects.burst('death_puff', view.x, view.y - 6);
        if (event.id !== client.selfId) view.die();
      }
      if (event.id === client.selfId) {
        scene.panels.showDeath(event.killer);
        scene.game.events.emit('sound', 'death');
      } else if (event.entity?.type === 'mob' && event.id === lastStruck) {
        scene.game.events.emit('sound', 'kill');
      }
      break;
    }
    case 'stats': {
      if (event.stats.level > lastLevel && lastLevel > 0) {
        const self = scene.views.get(client.selfId);
        if (self) scene.effects.burst('level_up', self.x, self.y - 10);
        scene.game.events.emit('sound', 'level_up');
      }
      const gear = `${event.stats.weapon}/${event.stats.armor}`;
      if (lastGear && gear !== lastGear) scene.game.events.emit('sound', 'loot');
      else if (lastHp > 0 && event.stats.hp - lastHp >= 20 && event.stats.level === lastLevel) {
        scene.game.events.emit('sound', 'heal');
      }
      lastGear = gear;
      lastHp = event.stats.hp;
      lastLevel = event.stats.level;
      if (event.stats.hp > 0) scene.panels.hideDeath();
      break;
    }
    case 'chat': {
      const view = scene.views.get(event.id);
      const speaker = client.entities.get(event.id)?.name ?? 'Someone';
      if (view) scene.effects.bubble(event.id, view.x, view.pileTop, event.text, 'chat');
      scene.panels.chatLog(speaker, event.text);
      if (event.id !== client.selfId) scene.game.events.emit('sound', 'chat');
      break;
    }
    case 'npcLine': {
      const view = scene.views.get(event.id);
      const npc = client.entities.get(event.id);
      if (view) scene.effects.bubble(event.id, view.x, view.pileTop, event.text, 'npc');
      scene.panels.chatLog(npc ? scene.library.npcName(npc.kind) : 'Someone', event.text, 'npc');
      scene.game.events.emit('sound', 'npc_talk');
      break;
    }
    case 'achievement':
      scene.panels.achievementEarned(event.id);
      scene.game.events.emit('sound', 'achievement');
      break;
    case 'achievementList':
      scene.panels.achievements.setEarned(event.ids);
      break;
    default:
      break;
  }
}
