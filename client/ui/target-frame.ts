// The target frame: name, level (in its danger colour) and HP of the creature under the pointer, or of
// the one last clicked. DOM, updated only when what it shows changes.
import { DANGER_COLOUR, dangerOf, type MobInfo } from '../view/mob-info.ts';

export interface TargetShown {
  id: number;
  info: MobInfo;
  hp: number;
  maxHp: number;
  playerLevel: number;
}

export class TargetFrame {
  private readonly root = document.getElementById('target-frame')!;
  private readonly name = this.root.querySelector<HTMLElement>('.target-name')!;
  private readonly level = this.root.querySelector<HTMLElement>('.target-level')!;
  private readonly fill = this.root.querySelector<HTMLElement>('.target-hp-fill')!;
  private readonly hp = this.root.querySelector<HTMLElement>('.target-hp-text')!;
  private last = '';

  show(target: TargetShown | null): void {
    const key = target
      ? `${target.id}/${target.hp}/${target.maxHp}/${target.playerLevel}/${target.info.name}`
      : '';
    if (key === this.last) return;
    this.last = key;
    this.root.hidden = !target;
    if (!target) return;
    const danger = dangerOf(target.info.level, target.playerLevel);
    this.name.textContent = target.info.name;
    this.level.textContent = `Level ${target.info.level}`;
    this.level.style.color = DANGER_COLOUR[danger];
    this.root.dataset.danger = danger;
    const share = target.maxHp > 0 ? Math.max(0, Math.min(1, target.hp / target.maxHp)) : 0;
    this.fill.style.width = `${Math.round(share * 100)}%`;
    this.hp.textContent = `${Math.max(0, target.hp)} / ${target.maxHp}`;
  }
}
