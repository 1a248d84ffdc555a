// WebSocket-level keepalive: every interval each socket is pinged, and one that has not answered the
// previous ping is terminated (its close then runs as for any dropped connection). Browsers answer pings
// by themselves. This finds connections that died without a close (a phone losing its network).
import type { WebSocket, WebSocketServer } from 'ws';

export class Keepalive {
  private readonly answered = new WeakSet<WebSocket>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly wss: WebSocketServer,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => this.sweep(), intervalMs);
  }

  watch(ws: WebSocket): void {
    this.answered.add(ws);
    ws.on('pong', () => this.answered.add(ws));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    for (const ws of this.wss.clients) {
      if (!this.answered.has(ws)) {
        ws.terminate();
        continue;
      }
      this.answered.delete(ws);
      ws.ping();
    }
  }
}
