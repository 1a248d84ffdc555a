// Sprite sheet and icon atlas layout: frames painted one by one into a grid, plus the JSON that
// tells the client where each animation lives (format documented in docs/modding.md).
import { Canvas } from './canvas.ts';

export interface AnimationSpec {
  /** Column indexes within a direction's row (or within `row`, if given). */
  frames: number[];
  fps: number;
  /** -1 loops (the default when missing), 0 plays once and holds the last frame. */
  repeat?: number;
  /** A fixed row for direction-less animations such as a mob's death. */
  row?: number;
}

export interface SheetJson {
  frameWidth: number;
  frameHeight: number;
  anchor: { x: number; y: number };
  directions?: Record<string, number>;
  flipLeftFrom?: string;
  /** Weapon sheets: facings in which the weapon is drawn under the body instead of over it. */
  behindWhenFacing?: string[];
  animations: Record<string, AnimationSpec>;
}

export interface AtlasJson {
  frameWidth: number;
  frameHeight: number;
  frames: Record<string, number>;
}

/** A finished sheet: the image and its description. */
export interface Sheet {
  image: Canvas;
  json: SheetJson;
}

export type FramePainter = (frame: Canvas) => void;

/** Paints rows of frames into one image; the width is set by the longest row. */
export function renderGrid(frameWidth: number, frameHeight: number, rows: FramePainter[][]): Canvas {
  const columns = Math.max(...rows.map((r) => r.length));
  const image = new Canvas(columns * frameWidth, rows.length * frameHeight);
  rows.forEach((row, r) => {
    row.forEach((paint, col) => {
      const frame = new Canvas(frameWidth, frameHeight);
      paint(frame);
      image.blit(frame, 0, 0, frameWidth, frameHeight, col * frameWidth, r * frameHeight);
    });
  });
  return image;
}

/** Icons in a fixed-width grid, indexed left to right, top to bottom, in the order given. */
export function renderAtlas(
  size: number,
  icons: readonly (readonly [string, FramePainter])[],
  columns = 8,
): { image: Canvas; json: AtlasJson } {
  const rows = Math.ceil(icons.length / columns);
  const image = new Canvas(columns * size, rows * size);
  const frames: Record<string, number> = {};
  icons.forEach(([id, paint], i) => {
    const icon = new Canvas(size, size);
    paint(icon);
    image.blit(icon, 0, 0, size, size, (i % columns) * size, Math.floor(i / columns) * size);
    frames[id] = i;
  });
  return { image, json: { frameWidth: size, frameHeight: size, frames } };
}

/** Column indexes start..start+count-1. */
export function span(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i);
}
