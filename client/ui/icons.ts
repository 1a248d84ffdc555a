// Icons from our sprite atlases (assets/sprites/ui.png, items.png) as DOM elements, drawn crisp at 2×.

export interface AtlasInfo {
  frameWidth: number;
  frameHeight: number;
  frames: Record<string, number>;
}

export interface IconSource {
  url: string;
  info: AtlasInfo;
  /** Image width in pixels, to know how many icons a row holds. */
  imageWidth: number;
}

/** Sets an element's background to one icon of an atlas, scaled by `scale`. */
export function paintIcon(el: HTMLElement, source: IconSource, name: string, scale = 2): void {
  const index = source.info.frames[name];
  if (index === undefined) return;
  const { frameWidth: w, frameHeight: h } = source.info;
  const columns = Math.max(1, Math.floor(source.imageWidth / w));
  const x = (index % columns) * w * scale;
  const y = Math.floor(index / columns) * h * scale;
  el.style.width = `${w * scale}px`;
  el.style.height = `${h * scale}px`;
  el.style.backgroundImage = `url(${source.url})`;
  el.style.backgroundPosition = `-${x}px -${y}px`;
  el.style.backgroundSize = `${source.imageWidth * scale}px auto`;
  el.style.imageRendering = 'pixelated';
}
