// The title screen's world picker: one entry per world of the start map with its population and "full"
// state, read from `GET /worlds`. A radio group: arrow keys move the choice, a tap or click picks; full
// or down worlds cannot be picked. A server without `/worlds` (or without worlds) hides it, and the
// game joins plain `/ws`. The last choice is remembered (net/worlds.ts).
import {
  defaultWorld,
  fullness,
  loadLastWorld,
  parseWorldList,
  pickable,
  saveLastWorld,
  startWorlds,
  type WorldEntry,
  type WorldList,
} from '../net/worlds.ts';

/** How often the counts are refreshed while the title screen is up. */
const REFRESH_MS = 10_000;

export class WorldPicker {
  private readonly root = document.querySelector<HTMLElement>('[data-testid="world-picker"]')!;
  private readonly list = this.root.querySelector<HTMLElement>('.worlds')!;
  private worlds: WorldEntry[] = [];
  /** Every world of the realm, by id (the player list names worlds of other maps too). */
  private titles = new Map<string, string>();
  private chosen = '';
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly fetchList: () => Promise<unknown> = fetchWorlds) {
    this.list.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** The world selected now ('' when there is no picker: the server picks). */
  get selected(): string {
    return this.chosen;
  }

  titleOf(id: string): string {
    return this.titles.get(id) ?? id;
  }

  /** The choice made on Play: remembered for the next visit. */
  choose(): string {
    if (this.chosen) saveLastWorld(this.chosen);
    return this.chosen;
  }

  /** Shows the picker and keeps its counts fresh until `stop()`. */
  start(): void {
    void this.refresh();
    if (!this.timer) this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async refresh(): Promise<void> {
    let list: WorldList;
    try {
      list = parseWorldList(await this.fetchList());
    } catch (err) {
      // An older server (no realm) or a bad answer: play on plain /ws, without a picker.
      console.info('No world picker:', err instanceof Error ? err.message : err);
      this.worlds = [];
      this.chosen = '';
      this.root.hidden = true;
      return;
    }
    this.titles = new Map(list.worlds.map((w) => [w.id, w.title]));
    this.worlds = startWorlds(list);
    const still = this.worlds.find((w) => w.id === this.chosen && pickable(w));
    if (!still) this.chosen = defaultWorld(this.worlds, loadLastWorld());
    this.render();
  }

  private render(): void {
    this.root.hidden = this.worlds.length === 0;
    const focused = this.root.contains(document.activeElement);
    this.list.replaceChildren(...this.worlds.map((w) => this.entry(w)));
    const on = this.list.querySelector<HTMLElement>('[aria-checked="true"]');
    if (focused) on?.focus();
    // A long list (a short screen) scrolls to the choice, within itself only.
    else if (on && on.offsetTop + on.offsetHeight > this.list.scrollTop + this.list.clientHeight)
      this.list.scrollTop = on.offsetTop + on.offsetHeight - this.list.clientHeight;
  }

  private entry(w: WorldEntry): HTMLElement {
    const el = document.createElement('button');
    el.type = 'button';
    el.className = 'world';
    el.dataset.world = w.id;
    el.dataset.state = pickable(w) ? 'up' : w.state === 'down' ? 'down' : 'full';
    el.setAttribute('role', 'radio');
    const checked = w.id === this.chosen;
    el.setAttribute('aria-checked', String(checked));
    el.disabled = !pickable(w);
    // Roving focus: Tab reaches the group once, on its choice; arrows move within it.
    el.tabIndex = checked || (!this.chosen && el === this.list.firstChild) ? 0 : -1;
    const title = span('world-title', w.title);
    const count = span('world-count', countText(w));
    const meter = span('world-meter', '');
    const fill = span('', '');
    fill.style.width = `${Math.round(fullness(w) * 100)}%`;
    meter.append(fill);
    el.append(title, count, meter);
    el.addEventListener('click', () => this.pick(w.id));
    return el;
  }

  private pick(id: string): void {
    const w = this.worlds.find((x) => x.id === id);
    if (!w || !pickable(w)) return;
    this.chosen = id;
    for (const el of this.list.querySelectorAll<HTMLElement>('.world')) {
      const on = el.dataset.world === id;
      el.setAttribute('aria-checked', String(on));
      el.tabIndex = on ? 0 : -1;
      if (on) el.focus();
    }
  }

  private onKey(e: KeyboardEvent): void {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const open = this.worlds.filter(pickable);
    if (!open.length) return;
    const at = open.findIndex((w) => w.id === this.chosen);
    this.pick(open[(at + step + open.length) % open.length]!.id);
  }
}

function countText(w: WorldEntry): string {
  if (w.state === 'down') return 'Offline';
  if (!pickable(w)) return 'Full';
  return `${w.players} / ${w.maxPlayers}`;
}

function span(className: string, text: string): HTMLElement {
  const el = document.createElement('span');
  if (className) el.className = className;
  el.textContent = text;
  return el;
}

async function fetchWorlds(): Promise<unknown> {
  const res = await fetch('worlds', { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /worlds answered ${res.status}`);
  return res.json();
}
