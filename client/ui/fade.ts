// The short fade between two maps: a dark sheet over the page, faded in while the next map loads and
// out once it is drawn. Kept in the DOM so the HUD fades with the world.

/** How long the sheet takes to cover the page, in ms (style.css's #fade transition matches it). */
const FADE_MS = 180;

function sheet(): HTMLElement {
  let el = document.getElementById('fade');
  if (!el) {
    el = document.createElement('div');
    el.id = 'fade';
    el.setAttribute('aria-hidden', 'true');
    document.body.append(el);
  }
  return el;
}

export const fade = {
  /** Covers the page; resolves once it is covered. */
  out(): Promise<void> {
    sheet().classList.add('on');
    return new Promise((resolve) => setTimeout(resolve, FADE_MS));
  },
  /** Uncovers the page. */
  in(): void {
    sheet().classList.remove('on');
  },
};
