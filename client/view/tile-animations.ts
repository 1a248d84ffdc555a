// Plays Tiled's tile animations (water, lava, waterfalls, braziers) on ordinary tilemap layers: every
// animated tile follows its animation's clock, and only tiles whose frame changed are touched.
import type Phaser from 'phaser';
import type { TiledTileset } from '../../shared/content/tiled-types.ts';

interface Animation {
  frames: number[];
  /** End time of each frame within one loop, in ms. */
  ends: number[];
  loopMs: number;
  tiles: Phaser.Tilemaps.Tile[];
  shown: number;
}

/** The frame of an animation at `time` (ms), given each frame's end time within a loop. */
export function frameAt(ends: readonly number[], loopMs: number, time: number): number {
  const t = ((time % loopMs) + loopMs) % loopMs;
  const i = ends.findIndex((end) => t < end);
  return i < 0 ? ends.length - 1 : i;
}

export class TileAnimations {
  private readonly animations: Animation[] = [];

  constructor(
    tilesets: readonly TiledTileset[],
    layers: readonly {
      forEachTile(callback: (tile: Phaser.Tilemaps.Tile) => void): unknown;
      layer?: { data: Phaser.Tilemaps.Tile[][] };
    }[],
  ) {
    const byGid = new Map<number, Animation>();
    for (const ts of tilesets) {
      for (const tile of ts.tiles ?? []) {
        if (!tile.animation?.length) continue;
        let end = 0;
        const ends = tile.animation.map((f) => (end += Math.max(16, f.duration)));
        byGid.set(ts.firstgid + tile.id, {
          frames: tile.animation.map((f) => ts.firstgid + f.tileid),
          ends,
          loopMs: end,
          tiles: [],
          shown: -1,
        });
      }
    }
    if (byGid.size === 0) return;
    for (const layer of layers) {
      // A tilemap layer's own rows when it has them: forEachTile first copies every tile of the layer
      // into a new array through its culling filters, ~200 ms of a first load on the 184×320 world map.
      const rows = layer.layer?.data;
      if (!rows) {
        layer.forEachTile((tile) => byGid.get(tile.index)?.tiles.push(tile));
        continue;
      }
      for (const row of rows) {
        for (const tile of row) if (tile && tile.index > 0) byGid.get(tile.index)?.tiles.push(tile);
      }
    }
    for (const animation of byGid.values()) if (animation.tiles.length) this.animations.push(animation);
  }

  update(time: number): void {
    for (const a of this.animations) {
      const frame = frameAt(a.ends, a.loopMs, time);
      if (frame === a.shown) continue;
      a.shown = frame;
      const gid = a.frames[frame]!;
      for (const tile of a.tiles) tile.index = gid;
    }
  }
}
