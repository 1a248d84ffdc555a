// Entity ids stay small (they are varints on the wire), so freed ids are reused, but only after a
// cooldown, so no client can confuse a new entity with a despawn it has not yet processed.

export class IdPool {
  private next = 1;
  private freed: { id: number; at: number }[] = [];
  private head = 0;

  constructor(private readonly cooldownTicks: number) {}

  take(tick: number): number {
    const oldest = this.freed[this.head];
    if (oldest && tick - oldest.at >= this.cooldownTicks) {
      this.head++;
      if (this.head > 1024 && this.head * 2 > this.freed.length) {
        this.freed = this.freed.slice(this.head);
        this.head = 0;
      }
      return oldest.id;
    }
    return this.next++;
  }

  release(id: number, tick: number): void {
    this.freed.push({ id, at: tick });
  }
}
