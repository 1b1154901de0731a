// Web UI: moving between pages — a new state pushed into the URL (so every view can be shared) and the page drawn again.
import { writeState, type PageState } from './state.js';

let redraw: () => void = () => {};

/** Sets what draws the page (called once by main). */
export function onNavigate(draw: () => void): void {
  redraw = draw;
  window.addEventListener('popstate', () => redraw());
}

/** Goes to a state: a new history entry (or a replaced one) and a redraw. */
export function navigate(state: PageState, options: { replace?: boolean } = {}): void {
  const url = writeState(state);
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  redraw();
}

/** The URL of a state, for links. */
export function stateHref(state: PageState): string {
  return `/${writeState(state)}`;
}
