// The maps on the game screen: the minimap, the world map (M or a click on the minimap) and the banner
// naming each zone on entry. Reads the player, nearby players and the map marks (ui/map-marks.ts); keeps
// what this character has explored of each map. Each frame costs a comparison unless the player stepped
// on a new tile or a dot moved; the map's picture is painted once per map.
import type { TileRect } from '../../shared/content/world-map.ts';
import { placeTitle, type Zone } from '../../shared/content/zones.ts';
import { currentMarks, onMarks } from '../ui/map-marks.ts';
import { Exploration, exploredKey } from './exploration.ts';
import { MapPicture } from './map-picture.ts';
import { dotsFor, viewWindow, type Dot, type Point } from './map-view.ts';
import { Minimap } from './minimap.ts';
import { WorldMapCard } from './world-map.ts';
import { ZoneBanner } from './zone-banner.ts';
import { ZoneWatch } from './zone-watch.ts';

/** A map as the maps need it; `paint` gives its picture (RGBA, a pixel a tile) and is called once. */
export interface DrawnMap {
  path: string;
  width: number;
  height: number;
  zones: readonly Zone[];
  /** The map's own title property, if it has one. */
  title?: string;
  paint(): Uint8ClampedArray;
}

export interface MapHudDeps {
  /** The own character: the tile it stands on, where it is drawn (fractional mid-step), its name. */
  self(): { tile: Point; position: Point; name: string } | null;
  /** Other players in sight. */
  players(): (Point & { label: string })[];
  /** The area the camera keeps to now (an interior, the overland). */
  area(): TileRect;
  /** What a map without a title of its own is called: the world's title. */
  fallbackTitle(): string;
}

/** Dots move at most this often when the player stands still (others walking, marks). */
const DOTS_MS = 200;
/** Exploration is written to localStorage this long after the last new cell (and on leaving a map). */
const SAVE_MS = 3000;

export class MapHud {
  private map: DrawnMap | null = null;
  private picture: MapPicture | null = null;
  private explored: Exploration | null = null;
  /** Character and map the exploration belongs to. */
  private owner = { name: '', path: '' };
  private readonly watch = new ZoneWatch();
  private readonly banner: ZoneBanner;
  readonly minimap: Minimap;
  readonly worldMap: WorldMapCard;
  private lastTile = '';
  private version = 0;
  private dotsAt = -Infinity;
  private dots: Dot[] = [];
  private marksChanged = true;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    parent: HTMLElement,
    private readonly deps: MapHudDeps,
  ) {
    this.banner = new ZoneBanner(parent);
    this.minimap = new Minimap(parent, () => this.toggleWorldMap());
    this.worldMap = new WorldMapCard(parent, () => this.worldMap.close());
    onMarks(() => (this.marksChanged = true));
    window.addEventListener('keydown', (e) => this.onKey(e));
    window.addEventListener('pagehide', () => this.save());
  }

  /** A map was drawn (the first, or after a portal): the maps follow it. */
  setMap(map: DrawnMap): void {
    this.save();
    this.map = map;
    this.picture = null;
    this.explored = null;
    this.owner = { name: '', path: '' };
    this.lastTile = '';
    this.watch.reset();
    this.worldMap.close();
  }

  /** Once a frame. */
  update(now: number): void {
    this.banner.keepClear();
    const self = this.deps.self();
    const map = this.map;
    if (!self || !map) {
      this.watch.reset();
      this.lastTile = '';
      this.worldMap.close();
      return;
    }
    if (self.name !== this.owner.name || map.path !== this.owner.path) this.load(self.name, map);
    const area = this.deps.area();
    const tile = `${self.tile.x},${self.tile.y}`;
    const stepped = tile !== this.lastTile;
    if (stepped) {
      this.lastTile = tile;
      const fresh = this.explored!.reveal(self.tile.x, self.tile.y, area);
      if (fresh) {
        this.picture!.reveal(fresh);
        this.version++;
        this.scheduleSave();
      }
      const title = placeTitle(map.zones, self.tile.x, self.tile.y, this.mapTitle());
      if (this.watch.see(title, now)) this.banner.show(title);
      this.minimap.setPlace(title);
    }
    if (!stepped && !this.marksChanged && now - this.dotsAt < DOTS_MS) return;
    this.dotsAt = now;
    this.marksChanged = false;
    const me = { x: self.position.x, y: self.position.y, label: self.name };
    this.dots = dotsFor(map.path, me, this.deps.players(), currentMarks());
    const size = this.minimap.tilesAcross();
    const centre = { x: me.x + 0.5, y: me.y + 0.5 };
    this.minimap.draw(this.picture, viewWindow(centre, size, area), area, this.dots, this.version);
    this.worldMap.update(this.dots);
  }

  /** Names a place in the banner (as entering a zone does; the test API drives it for layout tests). */
  announce(title: string): void {
    this.banner.show(title);
  }

  /** The name of the place the player stands in ('' before joining). */
  get zone(): string {
    return this.watch.title;
  }

  /** What the maps show, for tests: read-only copies. */
  view(): {
    zone: string;
    explored: number;
    minimap: { window: TileRect; dots: Dot[] } | null;
    worldMap: { open: boolean; zones: string[] };
  } {
    const shown = this.minimap.shown;
    return {
      zone: this.zone,
      explored: this.explored?.seenCells ?? 0,
      minimap: shown ? { window: { ...shown.window }, dots: shown.dots.map((d) => ({ ...d })) } : null,
      worldMap: { open: this.worldMap.isOpen, zones: [...this.worldMap.shownZones] },
    };
  }

  toggleWorldMap(): void {
    if (this.worldMap.isOpen) return this.worldMap.close();
    if (!this.map || !this.deps.self()) return;
    this.worldMap.open({
      title: this.mapTitle(),
      picture: this.picture,
      area: this.deps.area(),
      zones: this.map.zones,
      explored: this.explored,
    });
    this.worldMap.update(this.dots);
  }

  private mapTitle(): string {
    return this.map?.title ?? this.deps.fallbackTitle();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.worldMap.isOpen) {
      this.worldMap.close();
      return;
    }
    if (e.key !== 'm' && e.key !== 'M') return;
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    // Typing a chat line or a name: the letter belongs to the field.
    const target = e.target as HTMLElement | null;
    if (target?.closest?.('input, textarea, select, [contenteditable="true"]')) return;
    if (document.activeElement?.matches?.('input, textarea, select')) return;
    if (!this.deps.self()) return;
    e.preventDefault();
    this.toggleWorldMap();
  }

  private load(name: string, map: DrawnMap): void {
    this.save();
    this.owner = { name, path: map.path };
    this.explored = Exploration.decode(map.width, map.height, readStorage(exploredKey(name, map.path)));
    this.picture = new MapPicture(map.width, map.height, map.paint(), this.explored);
    this.version++;
    this.lastTile = '';
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.save(), SAVE_MS);
  }

  private save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.explored || !this.owner.name) return;
    try {
      localStorage.setItem(exploredKey(this.owner.name, this.owner.path), this.explored.encode());
    } catch {
      // Storage full or off (a private window): the map is remembered until the page closes.
    }
  }
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
