// The attacks of issue 11, as an attacker would run them against a real server: each runs for a while
// from its own loopback addresses (127.0.200.0 and up; players are 127.0.1.x) and says how it fared —
// above all how long the server took to cut each attacker off. Run by attack-process.ts.
import net from 'node:net';
import WebSocket from 'ws';
import { encode, Op, PROTOCOL_VERSION } from '../../shared/protocol/index.ts';
import { isWalkable, type Grid } from '../../shared/rules/grid.ts';
import { Rng } from '../../server/sim/rng.ts';
import { clientFrame, rawClient } from './raw-ws.ts';

export interface AttackContext {
  wsUrl: string;
  /** host:port of the server. */
  host: string;
  port: number;
  grid: Grid;
  seconds: number;
}

export interface AttackResult {
  /** Hostile connections made (or tried) over the attack. */
  attempts: number;
  /** Per connection the server let in and then cut off: ms from its first hostile byte to its end. */
  cutOffMs: number[];
  /** Connections the server let in and had not cut off when the attack ended. */
  stillOpen: number;
  /** Connections refused before they could do anything (HTTP 429/403, reset at the door). */
  refused: number;
  /** Megabytes the attackers managed to write. */
  sentMb: number;
  /** What this attack is judged on besides cut-off, in a few words. */
  note: string;
}

export interface Attack {
  name: string;
  what: string;
  /** Whether every attacker it lets in must be cut off (some attacks stay within the rules). */
  mustCutOff: boolean;
  run(ctx: AttackContext): Promise<AttackResult>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The k-th attacker address of a group (each group its own /24 under 127.0.200.0). */
function address(group: number, k: number): string {
  return `127.0.${200 + group}.${1 + (k % 250)}`;
}

/** One result to fill in; `sent` counts bytes. */
function tally(): AttackResult & { sent: number } {
  return { attempts: 0, cutOffMs: [], stillOpen: 0, refused: 0, sentMb: 0, note: '', sent: 0 };
}

function done(t: ReturnType<typeof tally>, note: string): AttackResult {
  const { sent, ...rest } = t;
  return { ...rest, sentMb: sent / 2 ** 20, note };
}

/** Opens a WebSocket from `localAddress`; resolves null when the server refuses it at the door. */
function openSocket(ctx: AttackContext, localAddress: string, headers?: Record<string, string>) {
  return new Promise<WebSocket | null>((resolve) => {
    const ws = new WebSocket(ctx.wsUrl, { perMessageDeflate: false, localAddress, headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', () => resolve(null));
    ws.once('error', () => resolve(null));
  });
}

function deaf(ws: WebSocket): void {
  (ws as unknown as { _socket: net.Socket })._socket.pause();
}

/** Resolves when the socket ends (or after `ms`), with when it ended or null. */
function ended(ws: WebSocket, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve(performance.now());
    });
  });
}

/**
 * `count` clients writing 4 KiB frames flat out and never reading; each one cut off reconnects (from
 * the same address) until the attack is over.
 */
function flood(count: number): Attack['run'] {
  return async (ctx) => {
    const t = tally();
    const frame = new Uint8Array(4000).fill(0x42);
    const until = performance.now() + ctx.seconds * 1000;
    const one = async (k: number): Promise<void> => {
      while (performance.now() < until) {
        t.attempts++;
        const ws = await openSocket(ctx, address(0, k));
        if (!ws) {
          t.refused++;
          await sleep(100);
          continue;
        }
        deaf(ws);
        const started = performance.now();
        // However late in the attack it started, it gets its chance to be cut off.
        const end = ended(ws, until - started + 3000);
        ws.on('error', () => {});
        const burst = (): void => {
          if (ws.readyState !== WebSocket.OPEN || performance.now() > until + 3000) return;
          for (let i = 0; i < 64 && ws.bufferedAmount < 1 << 20; i++) {
            ws.send(frame);
            t.sent += frame.length;
          }
          setImmediate(burst);
        };
        burst();
        const at = await end;
        if (at === null) t.stillOpen++;
        else t.cutOffMs.push(at - started);
        ws.terminate();
      }
    };
    await Promise.all(Array.from({ length: count }, (_, k) => one(k)));
    return done(t, `${count} deaf flooder(s), reconnecting`);
  };
}

/**
 * Joins as a player, then sends 100 walks a second (the cap is 60), reading the server's close and
 * ignoring it: judged from that close to the socket's end.
 */
const ignoresClose: Attack['run'] = async (ctx) => {
  const t = tally();
  const until = performance.now() + ctx.seconds * 1000;
  let k = 0;
  while (performance.now() < until) {
    t.attempts++;
    const client = await rawClient(ctx, address(1, k));
    if (!client) {
      t.refused++;
      await sleep(200);
      continue;
    }
    client.socket.write(clientFrame(encode([Op.Hello, PROTOCOL_VERSION, `Rude${k++}`, ''])));
    await sleep(300); // welcomed by now
    let sent = 0;
    const timer = setInterval(() => {
      if (client.socket.destroyed) return;
      const frame = clientFrame(encode([Op.WalkTo, 10 + (sent++ % 5), 10]));
      client.socket.write(frame);
      t.sent += frame.length;
    }, 10);
    // However late in the attack it started, it gets its chance to be cut off.
    const at = await client.ended(Math.max(0, until - performance.now()) + 5000);
    clearInterval(timer);
    if (at === null || !client.closedAt()) t.stillOpen++;
    else t.cutOffMs.push(at - client.closedAt());
    client.socket.destroy();
  }
  return done(t, 'over the message rate; reads the close and writes on');
};

/** `count` players (each its own address) asking 20 times a second for a walk to a far tile. */
function pathfinders(count: number): Attack['run'] {
  return async (ctx) => {
    const t = tally();
    const rng = new Rng(11);
    const open: number[] = [];
    for (let i = 0; i < ctx.grid.blocked.length; i++) if (!ctx.grid.blocked[i]) open.push(i);
    const sockets = await Promise.all(
      Array.from({ length: count }, async (_, k) => {
        t.attempts++;
        const ws = await openSocket(ctx, address(2, k));
        if (!ws) t.refused++;
        else ws.send(encode([Op.Hello, PROTOCOL_VERSION, `Seeker${k}`, '']));
        return ws;
      }),
    );
    const live = sockets.filter((ws): ws is WebSocket => ws !== null);
    const closedAt = new Map<WebSocket, number>();
    for (const ws of live) ws.once('close', () => closedAt.set(ws, performance.now()));
    const started = performance.now();
    const timer = setInterval(() => {
      for (const ws of live) {
        if (ws.readyState !== WebSocket.OPEN) continue;
        const tile = open[Math.floor(rng.next() * open.length)]!;
        const x = tile % ctx.grid.width;
        const y = Math.floor(tile / ctx.grid.width);
        if (!isWalkable(ctx.grid, x, y)) continue;
        const frame = encode([Op.WalkTo, x, y]);
        ws.send(frame);
        t.sent += frame.length;
      }
    }, 50);
    await sleep(ctx.seconds * 1000);
    clearInterval(timer);
    for (const ws of live) {
      const at = closedAt.get(ws);
      if (at === undefined) t.stillOpen++;
      else t.cutOffMs.push(at - started);
      ws.terminate();
    }
    return done(t, `${count} players walking far 20×/s (within the rules: throttled, not cut off)`);
  };
}

/** A frame of msgpack extensions and deep nesting, under 4 KiB: costly for a general decoder. */
function costlyFrame(k: number): Uint8Array {
  const bytes: number[] = [];
  if (k % 2) {
    bytes.push(0xdc, 0x01, 0x90); // an array of 400 timestamps (ext type -1)
    for (let i = 0; i < 400; i++) bytes.push(0xd7, 0xff, 0, 0, 0, 0, 0, 0, 0, i & 0xff);
  } else {
    for (let i = 0; i < 3000; i++) bytes.push(0x91); // 3,000 arrays deep
    bytes.push(0xc0);
  }
  return Uint8Array.from(bytes);
}

/** 80 new connections a second, each sending one costly frame (from many addresses, to reach the decoder). */
const costlyFrames: Attack['run'] = async (ctx) => {
  const t = tally();
  const until = performance.now() + ctx.seconds * 1000;
  const pending: Promise<void>[] = [];
  for (let k = 0; performance.now() < until; k++) {
    t.attempts++;
    pending.push(
      openSocket(ctx, address(3, k)).then(async (ws) => {
        if (!ws) return void t.refused++;
        const frame = costlyFrame(k);
        const started = performance.now();
        const end = ended(ws, 5000);
        ws.send(frame);
        t.sent += frame.length;
        const at = await end;
        if (at === null) t.stillOpen++;
        else t.cutOffMs.push(at - started);
        ws.terminate();
      }),
    );
    await sleep(12.5);
  }
  await Promise.all(pending);
  return done(t, '80 connections/s, one costly frame each');
};

/** One address opening game sockets as fast as it can, 20 at a time, closing each at once. */
const reconnects: Attack['run'] = async (ctx) => {
  const t = tally();
  const until = performance.now() + ctx.seconds * 1000;
  let admitted = 0;
  const one = async (): Promise<void> => {
    while (performance.now() < until) {
      t.attempts++;
      const ws = await openSocket(ctx, address(4, 0));
      if (!ws) t.refused++;
      else {
        admitted++;
        ws.terminate();
      }
    }
  };
  await Promise.all(Array.from({ length: 20 }, one));
  return done(t, `one address reconnecting: ${admitted} of ${t.attempts} sockets admitted`);
};

/** 2,000 connections from one address that start an upgrade request and never finish it. */
const halfOpen: Attack['run'] = async (ctx) => {
  const t = tally();
  const sockets: net.Socket[] = [];
  const lives: Promise<void>[] = [];
  for (let k = 0; k < 2000; k++) {
    t.attempts++;
    const socket = net.connect({ host: ctx.host, port: ctx.port, localAddress: address(5, 0) });
    sockets.push(socket);
    lives.push(
      new Promise((resolve) => {
        let startedAt = 0;
        const limit = setTimeout(() => {
          t.stillOpen++;
          resolve();
        }, ctx.seconds * 1000);
        socket.once('connect', () => {
          startedAt = performance.now();
          socket.write(`GET /ws HTTP/1.1\r\nHost: ${ctx.host}:${ctx.port}\r\nUpgrade: websocket\r\n`);
          t.sent += 64;
        });
        socket.on('error', () => {});
        socket.resume(); // read the server's 408 and its end, or the socket never sees it close
        socket.once('close', () => {
          clearTimeout(limit);
          if (!startedAt) t.refused++;
          else t.cutOffMs.push(performance.now() - startedAt);
          resolve();
        });
      }),
    );
    if (k % 100 === 99) await sleep(10);
  }
  await Promise.all(lives);
  for (const s of sockets) s.destroy();
  return done(t, '2,000 upgrade requests left unfinished, one address');
};

/** One address making new characters as fast as the server lets it. */
const characters: Attack['run'] = async (ctx) => {
  const t = tally();
  const until = performance.now() + ctx.seconds * 1000;
  let made = 0;
  let k = 0;
  const one = async (): Promise<void> => {
    while (performance.now() < until) {
      t.attempts++;
      const ws = await openSocket(ctx, address(6, 0));
      if (!ws) {
        t.refused++;
        await sleep(50);
        continue;
      }
      const answer = new Promise<boolean>((resolve) => {
        ws.once('message', (data: Buffer) => resolve(data[1] === Op.Token || data[1] === Op.Welcome));
        ws.once('close', () => resolve(false));
      });
      ws.send(encode([Op.Hello, PROTOCOL_VERSION, `Squat${k++}x`, '']));
      if (await answer) made++;
      else t.refused++;
      ws.terminate();
    }
  };
  await Promise.all(Array.from({ length: 5 }, one));
  return done(t, `one address minting characters: ${made} made`);
};

/** Upgrades from a foreign page (Origin https://evil.example): all must be refused. */
const foreignOrigin: Attack['run'] = async (ctx) => {
  const t = tally();
  for (let k = 0; k < 200; k++) {
    t.attempts++;
    const ws = await openSocket(ctx, address(7, k), { Origin: 'https://evil.example' });
    if (!ws) t.refused++;
    else {
      t.stillOpen++;
      ws.terminate();
    }
  }
  return done(t, `${t.refused} of 200 refused`);
};

export const ATTACKS: Attack[] = [
  { name: 'flood', what: 'one deaf client writing 4 KiB frames flat out', mustCutOff: true, run: flood(1) },
  { name: 'flood×10', what: 'ten deaf flooders', mustCutOff: true, run: flood(10) },
  {
    name: 'ignores-close',
    what: 'over the message rate, ignoring the close',
    mustCutOff: true,
    run: ignoresClose,
  },
  {
    name: 'pathfind×50',
    what: '50 players asking for far walks 20×/s',
    mustCutOff: false,
    run: pathfinders(50),
  },
  {
    name: 'costly-frames',
    what: '80 conn/s with extension-laden or deep frames',
    mustCutOff: true,
    run: costlyFrames,
  },
  { name: 'reconnects', what: 'one address reconnecting flat out', mustCutOff: false, run: reconnects },
  // Judged on descriptors held: 64 per address at most, each until the 5 s headers timeout; the rest
  // are refused at once.
  { name: 'half-open', what: '2,000 unfinished upgrade requests', mustCutOff: false, run: halfOpen },
  { name: 'characters', what: 'one address minting characters', mustCutOff: false, run: characters },
  {
    name: 'foreign-origin',
    what: 'upgrades from https://evil.example',
    mustCutOff: false,
    run: foreignOrigin,
  },
];
