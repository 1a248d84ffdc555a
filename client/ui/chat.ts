// Chat: Enter opens the line (or the chat button does), Enter sends, Escape closes. The log keeps the
// last lines said nearby. Lines are inserted as text nodes, never as HTML.

const MAX_LOG_LINES = 40;

export class ChatBox {
  private readonly input: HTMLInputElement;
  private readonly log: HTMLElement;

  constructor(private readonly send: (text: string) => void) {
    this.input = document.querySelector<HTMLInputElement>('[data-testid="chat-input"]')!;
    this.log = document.getElementById('chat-log')!;
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
  }

  get isOpen(): boolean {
    return !this.input.hidden;
  }

  open(): void {
    this.input.hidden = false;
    this.input.value = '';
    this.input.focus();
  }

  close(): void {
    this.input.blur();
    this.input.hidden = true;
  }

  add(speaker: string, text: string, tone: 'chat' | 'npc' | 'system'): void {
    const line = document.createElement('div');
    line.className = `chat-line ${tone}`;
    const who = document.createElement('b');
    who.textContent = tone === 'system' ? '' : `${speaker}: `;
    line.append(who, document.createTextNode(text));
    this.log.append(line);
    while (this.log.childElementCount > MAX_LOG_LINES) this.log.firstElementChild?.remove();
    this.log.scrollTop = this.log.scrollHeight;
  }
}
