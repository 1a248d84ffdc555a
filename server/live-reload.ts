// Live reload (LIVE_RELOAD=1, on in `npm run dev`): a modder saves a map or a data file and the running
// worlds play it within a second, without a restart. Changes are gathered for a moment (editors write a
// file in several steps), the content is loaded and checked exactly as at start-up, and only content that
// passes replaces what runs; anything wrong is logged with the checker's message and the old content
// plays on. Node runs timers between ticks, so a swap never lands inside one.
import { createHash } from 'node:crypto';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { ContentError } from '../shared/content/world-map.ts';
import { DATA_FILES } from '../shared/content/game-data.ts';
import { loadGameData } from './load-data.ts';
import { loadMapContent, type MapContent } from './load-content.ts';
import type { GameData } from '../shared/content/game-data.ts';
import type { Log } from './log.ts';

/** A world live reload keeps current: its map file and how to put new content in. */
export interface Reloadable {
  readonly mapFile: string;
  replace(content: MapContent, data: GameData, version: string): void;
}

export interface LiveReloadParts {
  assetsDir: string;
  /** The worlds running now (asked on every change, so worlds added later are kept current too). */
  worlds: () => Iterable<Reloadable>;
  log: Log;
  /** How long after the last change the content is read. */
  settleMs?: number;
}

export interface LiveReload {
  /** Resolves once the watchers are closed. */
  close(): void;
}

/** A short name for the content a world plays (its map and the data files), told to pages in the welcome. */
export function contentVersion(mapFile: string, assetsDir: string): string {
  const hash = createHash('sha256');
  for (const file of [mapFile, ...DATA_FILES.map((n) => path.join(assetsDir, 'data', `${n}.json`))]) {
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update(`missing ${file}`); // the loader reports it; the version only has to differ
    }
  }
  return hash.digest('hex').slice(0, 12);
}

export function startLiveReload(parts: LiveReloadParts): LiveReload {
  const { assetsDir, log, settleMs = 200 } = parts;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const watchers: FSWatcher[] = [];

  const settle = (): void => {
    timer = null;
    const files = [...changed];
    changed.clear();
    const dataChanged = files.some((f) => f.startsWith(path.join(assetsDir, 'data') + path.sep));
    for (const world of parts.worlds()) {
      const mapDir = path.dirname(world.mapFile) + path.sep;
      // A tileset image or another map beside it may be what the map names: reload on any change there.
      if (!dataChanged && !files.some((f) => f === world.mapFile || f.startsWith(mapDir))) continue;
      reload(world);
    }
  };

  const reload = (world: Reloadable): void => {
    const label = path.relative(process.cwd(), world.mapFile) || world.mapFile;
    let content: MapContent;
    let data: GameData;
    try {
      data = loadGameData(assetsDir);
      content = loadMapContent(world.mapFile, data);
    } catch (err) {
      const message = err instanceof ContentError ? err.message : (err as Error).message;
      log.error(`Live reload: kept the running content of ${label}, because\n${message}`);
      return;
    }
    try {
      world.replace(content, data, contentVersion(world.mapFile, assetsDir));
    } catch (err) {
      log.error(`Live reload: kept the running content of ${label}: ${(err as Error).message}`);
      return;
    }
    for (const line of [...(data.warnings ?? []), ...content.warnings]) log.warn(line);
    log.info(`Live reload: ${label} and assets/data are live.`);
  };

  for (const dir of ['maps', 'data']) {
    const root = path.join(assetsDir, dir);
    try {
      const watcher = watch(root, { recursive: true }, (_event, name) => {
        if (!name || !/\.(tmj|json|png)$/.test(name)) return;
        changed.add(path.join(root, name));
        if (timer) clearTimeout(timer);
        timer = setTimeout(settle, settleMs);
      });
      watcher.on('error', (err) => log.error(`Live reload stopped watching ${root}: ${err.message}`));
      watchers.push(watcher);
    } catch (err) {
      log.error(`Live reload cannot watch ${root}: ${(err as Error).message}`);
    }
  }
  log.info(`Live reload is on: saving a map or a data file under ${assetsDir} changes the running worlds.`);
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
