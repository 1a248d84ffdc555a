// The banner that names a zone as the player walks into it: fades in over the upper world, stays a
// moment, fades out. The words only, in the game's gold, so it reads as the world speaking, not a notice.

/** How long the name stays up (the fade in and out are in map.css). */
const SHOW_MS = 2800;

export class ZoneBanner {
  private readonly el: HTMLElement;
  private readonly name: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;

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
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.el.classList.remove('on'), SHOW_MS);
  }

  hide(): void {
    if (this.timer) clearTimeout(this.timer);
    this.el.classList.remove('on');
  }
}
