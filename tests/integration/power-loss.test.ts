// A power cut must not lose characters: the real server on a real ext4 volume (a loop-mounted image),
// shut down the way a power cut does (EXT4_IOC_SHUTDOWN without flushing the journal), then mounted
// again, as the machine would be after it boots. Needs root (mount); CI runs as root.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../server/store/sqlite-store.ts';
import { BotClient } from '../../tools/bots/bot-client.ts';
import { startServerProcess, type ServerProcess } from '../../tools/server-process.ts';
import { sleep } from '../support/processes.ts';

const isRoot = process.getuid?.() === 0;
const haveTools = ['mkfs.ext4', 'mount', 'umount', 'python3'].every((tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
// On CI (root) a missing tool fails the test below; elsewhere, without root, it cannot mount at all.
const canRun = isRoot && (haveTools || process.env.CI === 'true');

/** EXT4_IOC_SHUTDOWN (_IOR('X', 125, __u32)) with EXT4_GOING_FLAGS_NOLOGFLUSH: the journal is not flushed. */
const CUT_POWER = `
import fcntl, os, struct, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.ioctl(fd, 0x8004587D, struct.pack('I', 2))
`;

let root: string;
let image: string;
let mountPoint: string;
let mounted = false;

function mount(): void {
  execFileSync('mount', ['-o', 'loop', image, mountPoint]);
  mounted = true;
}

function unmount(): void {
  if (!mounted) return;
  execFileSync('umount', [mountPoint]);
  mounted = false;
}

beforeAll(() => {
  if (!canRun) return;
  if (!haveTools) throw new Error('mkfs.ext4, mount, umount and python3 are needed (e2fsprogs, mount)');
  root = mkdtempSync(path.join(tmpdir(), 'emberquest-power-'));
  image = path.join(root, 'volume.img');
  mountPoint = path.join(root, 'mnt');
  mkdirSync(mountPoint);
  execFileSync('truncate', ['-s', '64M', image]);
  execFileSync('mkfs.ext4', ['-q', '-F', image]);
  mount();
});

afterAll(() => {
  if (!root) return;
  try {
    unmount();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

describe.skipIf(!canRun)('a power cut (root only: it mounts an ext4 image)', () => {
  it('keeps every character created two seconds or more before the cut', async () => {
    const dataDir = path.join(mountPoint, 'data');
    let server: ServerProcess | null = await startServerProcess({ DATA_DIR: dataDir });
    const bots: BotClient[] = [];
    const early = ['Early', 'Earlier', 'Earliest'];
    try {
      const url = `${server.url.replace(/^http/, 'ws')}ws`;
      for (const name of early) {
        const bot = await BotClient.connect({ url, name });
        bots.push(bot);
        await bot.waitForWelcome(5000);
      }
      await sleep(2000);
      execFileSync('python3', ['-c', CUT_POWER, mountPoint]);
      // The machine is off: the server dies with it, nothing more reaches the disk.
      server.child.kill('SIGKILL');
      await server.stop();
      server = null;
    } finally {
      await Promise.all(bots.map((b) => b.close()));
      await server?.stop();
    }
    unmount();
    mount(); // as after a reboot: the journal is replayed
    const db = new Database(path.join(dataDir, DATABASE_FILE), { fileMustExist: true });
    try {
      const names = (db.prepare('SELECT name FROM characters').all() as { name: string }[]).map(
        (r) => r.name,
      );
      expect(names.sort()).toEqual([...early].sort());
    } finally {
      db.close();
    }
  });
});
