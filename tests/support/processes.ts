// Processes and their sockets as Linux shows them in /proc, for tests of the server's processes: which
// children a process runs, whether one still runs, which client sockets a process holds open.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** State and parent of a process from /proc/PID/stat, or null once it is gone. */
export function procStat(pid: number): { state: string; parent: number } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "PID (name) STATE PPID ...": the name may hold spaces and parentheses, so read after the last ')'.
  const [state = '', parent = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, parent: Number(parent) };
}

/**
 * Whether the process still runs. A zombie counts as gone: it has exited, and if its parent died first,
 * whoever adopts it (PID 1 in a container) may never reap it.
 */
export function running(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}

export function isGateway(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('gateway-process');
  } catch {
    return false;
  }
}

/** Running socket gateways started by `parent`. */
export function gatewaysOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => procStat(pid)?.parent === parent && running(pid) && isGateway(pid));
}

/** Resolves with the first truthy answer of `read`, checking every `everyMs`; throws after `timeoutMs`. */
export async function waitUntil<T>(
  read: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs: number,
  what: string,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let round = 0; round < timeoutMs / everyMs + 1; round++) {
    const answer = await read();
    if (answer) return answer;
    if (Date.now() >= deadline) break;
    await sleep(everyMs);
  }
  throw new Error(`waited ${timeoutMs} ms for ${what}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Blocks this process (its event loop too) until `done` holds or `timeoutMs` passed; says which. */
export function spinUntil(done: () => boolean, timeoutMs: number): boolean {
  const deadline = Date.now() + timeoutMs;
  while (!done()) if (Date.now() >= deadline) return false;
  return true;
}

/**
 * TCP connections to local `port` that process `pid` holds open (the server's end of each client's
 * socket), by socket inode, with how many bytes of each are still unread. Once every client is gone,
 * a server that forgot none of them holds none.
 */
export function serverSockets(pid: number, port: number): Map<string, number> {
  const held = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode) held.add(inode);
    } catch {
      // closed while we looked
    }
  }
  // "sl local_address rem_address st tx_queue:rx_queue ... inode": addresses are HEXIP:HEXPORT, st 0A
  // is LISTEN, the queues are hex byte counts.
  const local = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const sockets = new Map<string, number>();
  for (const line of readFileSync(`/proc/${pid}/net/tcp`, 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[1]?.endsWith(local) && f[3] !== '0A' && held.has(f[9]!)) {
      sockets.set(f[9]!, parseInt(f[4]!.split(':')[1]!, 16));
    }
  }
  return sockets;
}

/**
 * Resolves, with their inodes, once the game process (this one) holds `count` client sockets and has
 * read every one's request. The upgrade handler runs as the request is read, so by then each socket
 * has been handed to the gateway, or queued to be.
 */
export function handedOver(port: number, count: number): Promise<string[]> {
  return waitUntil(
    () => {
      const sockets = serverSockets(process.pid, port);
      return (
        sockets.size === count && [...sockets.values()].every((unread) => unread === 0) && [...sockets.keys()]
      );
    },
    3000,
    `${count} connections to be handed to the gateway`,
    5,
  );
}

/** The one gateway `parent` runs (there is exactly one once its server has started). */
export async function gatewayOf(parent: number, other = -1): Promise<number> {
  return waitUntil(
    () => {
      const pids = gatewaysOf(parent).filter((pid) => pid !== other);
      return pids.length === 1 && pids[0];
    },
    10_000,
    `a socket gateway started by process ${parent}`,
  );
}
