// Every player holds a socket, and a socket is a file descriptor: a process limited to the common 1,024
// runs out long before the world is full, and then nobody new gets in. At start the soft limit is
// raised to the hard one (Linux, with util-linux's prlimit; Node has no setrlimit), and a host whose
// limit is still low is told how many players that allows and how to raise it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Below this many descriptors a host is warned: each player needs one, the database and logs a few. */
export const LOW_FILE_LIMIT = 8192;

export interface FileLimit {
  soft: number;
  hard: number;
}

/** This process's open-file limits from /proc, or null where there is no /proc (not Linux). */
export function readFileLimit(limits = '/proc/self/limits'): FileLimit | null {
  let text: string;
  try {
    text = readFileSync(limits, 'utf8');
  } catch {
    return null;
  }
  const line = /^Max open files\s+(\S+)\s+(\S+)/m.exec(text);
  if (!line) return null;
  const value = (v: string): number => (v === 'unlimited' ? Infinity : Number(v));
  return { soft: value(line[1]!), hard: value(line[2]!) };
}

/** Raises the soft limit to the hard one if it can; returns the limits in force afterwards, or null. */
export function raiseFileLimit(): FileLimit | null {
  const before = readFileLimit();
  if (!before || before.soft >= before.hard) return before;
  const to = before.hard === Infinity ? 'unlimited' : String(before.hard);
  try {
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${to}:${to}`], { stdio: 'ignore' });
  } catch {
    // No prlimit, or not allowed: the warning below says what to do.
  }
  return readFileLimit();
}

/** A line for the log when the limit is low, or null when it is plenty. */
export function fileLimitWarning(limit: FileLimit | null): string | null {
  if (!limit || limit.soft >= LOW_FILE_LIMIT) return null;
  return (
    `Only ${limit.soft} open files are allowed to this process, so at most about ${limit.soft - 64} ` +
    `players can be connected at once. Raise it before starting (ulimit -n ${LOW_FILE_LIMIT}, or ` +
    `LimitNOFILE= in a systemd unit).`
  );
}
