// Where a speech bubble goes so the whole of it can be read: over its speaker when that lies inside the
// view and clear of the HUD, else slid along its row, else flipped under the speaker's feet, else moved
// clear of the HUD up or down. The HUD is drawn over the world, so a bubble under it is lost. Pure.
import { clampToView, dropClear, slideClear, underAny, type Rect } from './labels.ts';

/** Who speaks, in world pixels: the centre x, the top of its pile (a bubble over it sits on that) and its feet. */
export interface Speaker {
  x: number;
  top: number;
  bottom: number;
}

export interface View {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A bubble's centre x and the y of its tail's tip; `below` when it hangs under the speaker, tail up. */
export interface BubblePlace {
  x: number;
  y: number;
  below: boolean;
}

/**
 * The place of a bubble `width` by `height` (the tail included) for `speaker`: the first of over it, under
 * it, that lies inside the view and clear of `hud` (slid along its row if need be); failing both, one of
 * them moved down below the HUD boxes it meets, or else kept inside the view.
 */
export function placeBubble(
  speaker: Speaker,
  width: number,
  height: number,
  hud: readonly Rect[],
  view: View,
): BubblePlace {
  const x = clampToView(speaker.x, width, view.left, view.right);
  for (const below of [false, true]) {
    // The bottom of the whole bubble, as labels.ts measures a box.
    const bottom = below ? speaker.bottom + height : speaker.top;
    if (bottom - height < view.top - 0.5 || bottom > view.bottom + 0.5) continue;
    const at = underAny(x, bottom, width, height, hud)
      ? slideClear(x, bottom, width, height, hud, view.left, view.right)
      : x;
    if (at !== null) return { x: at, y: below ? speaker.bottom : speaker.top, below };
  }
  // Neither fits (a phone's top row, full of HUD, over a speaker under the minimap): under the speaker,
  // moved down below whatever HUD it meets, its tail still up toward the speaker; else over the speaker
  // (kept inside the view) moved down the same way.
  const feet = Math.max(view.top, speaker.bottom);
  const under = dropClear(x, feet + height, width, height, hud, view.bottom);
  if (under !== null) return { x, y: feet + under, below: true };
  const top = Math.max(view.top + height, Math.min(view.bottom, speaker.top));
  const drop = dropClear(x, top, width, height, hud, view.bottom);
  return { x, y: top + (drop ?? 0), below: false };
}

/** The box a placed bubble covers, for tests and for checking it against the HUD. */
export function bubbleBox(place: BubblePlace, width: number, height: number): Rect {
  const top = place.below ? place.y : place.y - height;
  return { left: place.x - width / 2, right: place.x + width / 2, top, bottom: top + height };
}
