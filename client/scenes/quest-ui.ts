// Everything the page shows of quests, fed by the world scene: the panel and the offer card (DOM), the
// marks over NPCs (Phaser), and the quest targets and marked NPCs on the map drawn, handed to the minimap
// and the world map through ui/map-marks.ts. It only shows what the server sent: the log, the offers, the NPC marks.
import type Phaser from 'phaser';
import type { GameData } from '../../shared/content/game-data.ts';
import type { QuestKind } from '../../shared/content/quests.ts';
import type { MapObject } from '../../shared/content/world-map.ts';
import type { ViewEvent } from '../../shared/protocol/view.ts';
import type { GameClient } from '../game-client.ts';
import type { IconSource } from '../ui/icons.ts';
import { setMarks } from '../ui/map-marks.ts';
import { npcMarkPlaces, questTargets } from '../ui/quest-log.ts';
import { QuestPanel } from '../ui/quest-panel.ts';
import { QuestMarks } from './quest-marks.ts';

export interface QuestUiDeps {
  data: GameData | null;
  client: GameClient;
  npcName(kind: string): string;
  /** The map drawn now: its path under assets/ and its objects. */
  map(): { path: string; objects: readonly MapObject[] };
  ui: IconSource;
  resolution: number;
}

export class QuestUi {
  readonly panel: QuestPanel;
  readonly marks: QuestMarks;
  readonly quests: ReadonlyMap<string, QuestKind>;

  constructor(
    scene: Phaser.Scene,
    private readonly deps: QuestUiDeps,
  ) {
    this.quests = deps.data?.quests ?? new Map();
    const items = deps.data?.items;
    this.panel = new QuestPanel({
      quests: this.quests,
      npcName: (kind) => deps.npcName(kind),
      itemName: (id) => items?.get(id)?.name.toLowerCase() ?? id,
      accept: (id) => deps.client.acceptQuest(id),
      abandon: (id) => deps.client.abandonQuest(id),
      ui: deps.ui,
    });
    this.marks = new QuestMarks(scene, deps.resolution);
  }

  react(event: ViewEvent): void {
    switch (event.type) {
      case 'questLog':
        this.panel.setLog(this.deps.client.quests);
        this.mapChanged();
        break;
      case 'questOffer': {
        const npc = this.deps.client.entities.get(event.npc)?.seen;
        this.panel.offer(event.quest, npc?.kind ?? this.quests.get(event.quest)?.giver ?? '');
        break;
      }
      case 'npcMarks':
        this.mapChanged();
        break;
      default:
        break;
    }
  }

  /** The quest targets and marked NPCs on the map drawn now, for the maps (a new map, log or marks). */
  mapChanged(): void {
    const { path, objects } = this.deps.map();
    const mobs = [...(this.deps.data?.mobs.values() ?? [])];
    const droppedBy = (item: string): string[] =>
      mobs.filter((m) => m.drops.some((d) => d.item === item)).map((m) => m.id);
    setMarks('quests', questTargets(this.quests, this.deps.client.quests, objects, path, droppedBy));
    const npcs = npcMarkPlaces(this.deps.client.npcMarks, objects, path, (kind) => this.deps.npcName(kind));
    setMarks('offers', npcs.offers);
    setMarks('handIns', npcs.handIns);
  }

  /** Left the game: nothing of this character's quests stays on screen. */
  reset(): void {
    this.panel.hide();
    this.marks.clear();
    setMarks('quests', []);
    setMarks('offers', []);
    setMarks('handIns', []);
  }

  /** For state(): each quest taken with its progress and goal, then each one handed in. */
  state(): { id: string; progress: number; goal: number; done: boolean }[] {
    const log = this.deps.client.quests;
    const active = [...log.active].map(([id, progress]) => ({
      id,
      progress,
      goal: this.quests.get(id)?.count ?? 1,
      done: false,
    }));
    const done = log.done.map((id) => {
      const goal = this.quests.get(id)?.count ?? 1;
      return { id, progress: goal, goal, done: true };
    });
    return [...active, ...done];
  }
}
