// The `fight` behaviour: attack the nearest living mob in view, pick another when it dies, come back
// from death at the checkpoint, and wander (towards the bot's area) while no mob is in sight.
import type { SeenEntity } from '../../shared/protocol/view.ts';
import type { BotClient } from './bot-client.ts';
import { wanderOnce, type StopBehaviour, type WanderOptions } from './behaviours.ts';

/** How often the bot looks around; the server walks it up to its target in between. */
const THINK_MS = 250;
const WANDER_EVERY_MS = 1600;
/** A target the bot has not hit for this long is out of its reach (behind water, say): try another. */
const GIVE_UP_MS = 8000;
/** How long a target given up on is left alone. */
const SHUN_MS = 30_000;
/** The server answers a Respawn with a new welcome; ask again only if that did not come. */
const RESPAWN_RETRY_MS = 2000;
/** Mobs farther than this (tiles) are not worth the walk (the server drops goals beyond 24). */
const SIGHT = 20;

export function startFight(bot: BotClient, wander: WanderOptions): StopBehaviour {
  const now = (): number => performance.now();
  let target = -1;
  let targetSince = 0;
  let lastHit = 0;
  let respawnAsked = -Infinity;
  let nextWander = 0;
  const shunned = new Map<number, number>();

  const stopListening = bot.on((e) => {
    if (e.type === 'hit' && e.attacker === bot.view.selfId && e.target === target) lastHit = now();
    // A kill or a despawn: look for the next mob at once rather than on the next think.
    if ((e.type === 'died' || e.type === 'despawn') && (e.type === 'died' ? e.id : e.entity.id) === target)
      think();
  });

  function think(): void {
    if (bot.closed || !bot.welcomed) return;
    const t = now();
    if (bot.view.stats && bot.view.stats.hp <= 0) {
      target = -1;
      if (t - respawnAsked > RESPAWN_RETRY_MS) {
        respawnAsked = t;
        bot.respawn();
      }
      return;
    }
    const current = bot.view.entities.get(target);
    if (current?.type === 'mob' && t - Math.max(lastHit, targetSince) < GIVE_UP_MS) return;
    if (current) shunned.set(target, t + SHUN_MS);
    const mob = nearestMob(bot, shunned, t);
    if (mob) {
      target = mob.id;
      targetSince = t;
      bot.attack(mob.id);
      return;
    }
    target = -1;
    if (t >= nextWander) {
      nextWander = t + WANDER_EVERY_MS;
      wanderOnce(bot, wander);
    }
  }

  // A random phase, so a swarm does not think in lockstep.
  let interval: NodeJS.Timeout | null = null;
  const first = setTimeout(
    () => {
      think();
      interval = setInterval(think, THINK_MS);
    },
    Math.floor(wander.random() * THINK_MS),
  );
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
    stopListening();
  };
}

/** The closest mob the bot sees (by where walks put them now), skipping ones it gave up on. */
export function nearestMob(bot: BotClient, shunned: Map<number, number>, now: number): SeenEntity | null {
  const self = bot.self;
  if (!self) return null;
  const here = bot.tileOf(self);
  let best: SeenEntity | null = null;
  let bestDistance = SIGHT + 1;
  for (const e of bot.view.entities.values()) {
    if (e.type !== 'mob' || (shunned.get(e.id) ?? 0) > now) continue;
    const at = bot.tileOf(e);
    const d = Math.max(Math.abs(at.x - here.x), Math.abs(at.y - here.y));
    if (d < bestDistance) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}
