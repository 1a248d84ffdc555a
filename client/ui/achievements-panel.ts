// The achievements panel (earned and still to earn; hidden ones stay a mystery until earned) and the
// toast that pops up when one is earned.

export interface AchievementInfo {
  id: string;
  name: string;
  description: string;
  hidden?: boolean;
}

export class AchievementsPanel {
  private readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly toast: HTMLElement;
  private earned = new Set<string>();
  private toastTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly all: AchievementInfo[]) {
    this.root = document.getElementById('achievements')!;
    this.list = this.root.querySelector('ul')!;
    this.toast = document.getElementById('toast')!;
    this.root.querySelector('button')!.addEventListener('click', () => this.hide());
  }

  setEarned(ids: Iterable<string>): void {
    this.earned = new Set(ids);
    this.render();
  }

  earn(id: string): void {
    if (this.earned.has(id)) return;
    this.earned.add(id);
    this.render();
    const info = this.all.find((a) => a.id === id);
    if (!info) return;
    this.toast.replaceChildren(
      strong('Achievement: ' + info.name),
      document.createTextNode(info.description),
    );
    this.toast.hidden = false;
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => (this.toast.hidden = true), 4500);
  }

  get count(): { earned: number; total: number } {
    return { earned: this.earned.size, total: this.all.length };
  }

  toggle(): void {
    if (this.root.hidden) this.show();
    else this.hide();
  }

  show(): void {
    this.render();
    this.root.hidden = false;
  }

  hide(): void {
    this.root.hidden = true;
  }

  private render(): void {
    const items = this.all.map((a) => {
      const got = this.earned.has(a.id);
      const li = document.createElement('li');
      li.className = got ? 'earned' : 'locked';
      const secret = a.hidden && !got;
      li.append(
        strong(secret ? '???' : a.name),
        document.createTextNode(secret ? 'A secret, for now.' : a.description),
      );
      return li;
    });
    this.list.replaceChildren(...items);
    this.root.querySelector('h2')!.textContent = `Achievements ${this.earned.size}/${this.all.length}`;
  }
}

function strong(text: string): HTMLElement {
  const el = document.createElement('strong');
  el.textContent = text;
  return el;
}
