// Chat: Enter opens the line (or the chat button does), Enter sends, Escape closes. The log keeps lines
// by kind (chat-log.ts) so game events cannot push out what people said; its tabs (All, Chat, Game)
// filter it and open it as a scrollable panel; left alone it fades. Lines are text nodes, never HTML.
import { ChatLines, shownBy, type LineKind, type LogFilter } from './chat-log.ts';

/** The log fades this long after its last new line. */
const IDLE_MS = 8000;

export class ChatBox {
  private readonly input: HTMLInputElement;
  private readonly log: HTMLElement;
  private readonly list: HTMLElement;
  private readonly lines = new ChatLines();
  private readonly shown = new Map<number, HTMLElement>();
  private filter: LogFilter = 'all';
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly send: (text: string) => void) {
    this.input = document.querySelector<HTMLInputElement>('[data-testid="chat-input"]')!;
    this.log = document.getElementById('chat-log')!;
    this.list = this.log.querySelector<HTMLElement>('.chat-lines')!;
    this.input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter') {
        const text = this.input.value.trim();
        if (text) this.send(text);
        this.close();
      } else if (e.key === 'Escape') {
        this.close();
      }
    });
    window.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || document.activeElement instanceof HTMLInputElement) return;
      if (document.getElementById('hud-dom')!.hidden) return;
      e.preventDefault();
      this.open();
    });
    for (const tab of this.log.querySelectorAll<HTMLButtonElement>('[data-filter]')) {
      tab.addEventListener('click', (e) => {
        e.stopPropagation();
        const filter = tab.dataset.filter as LogFilter;
        if (this.expanded && filter === this.filter) this.collapse();
        else this.expand(filter);
      });
    }
  }

  get isOpen(): boolean {
    return !this.input.hidden;
  }

  get expanded(): boolean {
    return this.log.classList.contains('expanded');
  }

  /** Opens the chat line, with `text` typed in (a whisper's `/w Name `). */
  open(text = ''): void {
    this.input.hidden = false;
    this.input.value = text;
    this.input.focus();
    this.input.setSelectionRange(text.length, text.length);
  }

  close(): void {
    this.input.blur();
    this.input.hidden = true;
  }

  /** Opens the log as a scrollable panel showing one filter's lines. */
  expand(filter: LogFilter): void {
    this.filter = filter;
    for (const tab of this.log.querySelectorAll<HTMLElement>('[data-filter]'))
      tab.classList.toggle('on', tab.dataset.filter === filter);
    for (const line of this.lines.shown()) this.shown.get(line.id)!.hidden = !shownBy(filter, line.kind);
    this.log.classList.add('expanded');
    this.wake();
    this.list.scrollTop = this.list.scrollHeight;
  }

  collapse(): void {
    this.log.classList.remove('expanded');
    this.showAll();
  }

  add(speaker: string, text: string, kind: LineKind): void {
    const { line, dropped, repeated } = this.lines.add(kind, speaker, text);
    if (repeated) {
      const el = this.shown.get(line.id)!;
      el.dataset.times = `×${line.times}`;
      this.wake();
      return;
    }
    for (const old of dropped) {
      this.shown.get(old.id)?.remove();
      this.shown.delete(old.id);
    }
    const el = document.createElement('div');
    el.className = `chat-line ${kind}`;
    const who = document.createElement('b');
    who.textContent = kind === 'game' || kind === 'milestone' ? '' : `${speaker}: `;
    el.append(who, document.createTextNode(text));
    el.hidden = !shownBy(this.filter, kind);
    // Someone scrolled back to read: do not yank the log to the bottom under them.
    const atBottom = this.list.scrollTop + this.list.clientHeight >= this.list.scrollHeight - 4;
    this.list.append(el);
    this.shown.set(line.id, el);
    if (atBottom || !this.expanded) this.list.scrollTop = this.list.scrollHeight;
    this.wake();
  }

  /** Back to every line, for the compact log. */
  private showAll(): void {
    this.filter = 'all';
    for (const tab of this.log.querySelectorAll<HTMLElement>('[data-filter]'))
      tab.classList.toggle('on', tab.dataset.filter === 'all');
    for (const el of this.shown.values()) el.hidden = false;
    this.list.scrollTop = this.list.scrollHeight;
    this.wake();
  }

  private wake(): void {
    this.log.classList.remove('idle');
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.expanded) this.log.classList.add('idle');
    }, IDLE_MS);
  }
}
