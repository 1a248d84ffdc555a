// The banner that names a zone as the player walks into it: fades in over the upper world, stays a
// moment, fades out. The words only, in the game's gold, so it reads as the world speaking, not a notice.
// It never covers an open card or the HUD: it moves above or below them, or waits out of sight when
// there is no room (the minimap's caption names the zone too).

/** How long the name stays up (the fade in and out are in map.css). */
const SHOW_MS = 2800;
/** What the banner keeps clear of: every card (the bag, the quest panel, …), the world map and the HUD. */
const KEEP_CLEAR = '.card, .world-map-card, #btn-online, #minimap, #toolbar, #belt, #target-frame';
/** Page pixels between the banner and what it moved away from, and from the screen's edge. */
const GAP = 8;

export class ZoneBanner {
  private readonly el: HTMLElement;
  private readonly name: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Where the style sheet puts the banner (page pixels from the top) and its height, read on showing. */
  private home = { top: 0, height: 0 };
  /** The top it was moved to (null: where the style sheet puts it); 'aside' when there is no room. */
  private placed: number | null | 'aside' = null;

  constructor(parent: HTMLElement) {
    this.el = document.createElement('div');
    this.el.id = 'zone-banner';
    this.el.dataset.testid = 'zone-banner';
    this.el.setAttribute('role', 'status');
    this.el.innerHTML = '<span class="zone-rule"></span><strong></strong><span class="zone-rule"></span>';
    this.name = this.el.querySelector('strong')!;
    parent.append(this.el);
  }

  show(title: string): void {
    this.name.textContent = title;
    this.el.classList.remove('on');
    // Restart the fade when one name follows another quickly.
    void this.el.offsetWidth;
    this.el.classList.add('on');
    this.el.style.top = '';
    this.el.style.visibility = '';
    this.placed = null;
    const box = this.el.getBoundingClientRect();
    this.home = { top: box.top, height: box.height };
    this.keepClear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.el.classList.remove('on'), SHOW_MS);
  }

  /** Once a frame while it is up: moves it off a card opened under it, and home again once that closes. */
  keepClear(): void {
    if (!this.el.classList.contains('on')) return;
    const box = this.el.getBoundingClientRect();
    const band = (top: number) => ({ left: box.left, right: box.right, top, bottom: top + this.home.height });
    const obstacles = [...document.querySelectorAll<HTMLElement>(KEEP_CLEAR)]
      .filter((el) => !el.hidden && el.offsetParent !== null)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0 && r.left < box.right && box.left < r.right);
    const clear = (top: number) =>
      top >= GAP &&
      top + this.home.height <= innerHeight - GAP &&
      !obstacles.some((r) => overlaps(band(top), r));
    const spots = [
      this.home.top,
      ...obstacles.flatMap((r) => [r.bottom + GAP, r.top - GAP - this.home.height]),
    ];
    const best = spots
      .filter(clear)
      .sort((a, b) => Math.abs(a - this.home.top) - Math.abs(b - this.home.top))[0];
    const want = best === undefined ? 'aside' : best === this.home.top ? null : best;
    if (want === this.placed) return;
    this.placed = want;
    this.el.style.top = typeof want === 'number' ? `${want}px` : '';
    this.el.style.visibility = want === 'aside' ? 'hidden' : '';
  }

  hide(): void {
    if (this.timer) clearTimeout(this.timer);
    this.el.classList.remove('on');
  }
}

function overlaps(a: { left: number; right: number; top: number; bottom: number }, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
