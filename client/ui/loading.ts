// The HTML loading screen: shown before Phaser starts, filled in by the preload scene.

function el(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from index.html`);
  return found;
}

export function showLoadProgress(fraction: number): void {
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  el('loading-bar').style.width = `${pct}%`;
  el('loading-text').textContent = pct >= 100 ? 'Ready' : `Loading… ${pct}%`;
}

export function showLoadError(message: string): void {
  el('loading-text').textContent = message;
  el('loading').classList.add('failed');
}

export function hideLoading(): void {
  el('loading').hidden = true;
}
