// Web UI: what every view shares — its signature, a loading line, an error box, a "nothing matches" note, a settings select.
import { ApiFailure } from '../api.js';
import { h } from '../dom.js';
import { navigate } from '../nav.js';
import type { PageState, SettingKey } from '../state.js';

/** Draws a view into `root`; `current()` turns false once the user has moved on (drop late answers then). */
export type ViewRenderer = (root: HTMLElement, state: PageState, current: () => boolean) => Promise<void>;

export function loading(what: string): HTMLElement {
  return h('p', { class: 'loading' }, `Loading ${what}…`);
}

/** An error box with the API's message (a 400 names the bad filter). */
export function errorBox(err: unknown): HTMLElement {
  const message = err instanceof ApiFailure ? err.message : err instanceof Error ? err.message : String(err);
  const hint = err instanceof ApiFailure && err.status === 400 ? 'Check the filters above.' : 'Is the server still running?';
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Could not load: '), message, ' ', h('span', { class: 'muted' }, hint));
}

export function nothingMatches(state: PageState): HTMLElement {
  return h('div', { class: 'empty small' }, h('p', {}, 'No events match these filters.'),
    h('button', { type: 'button', onclick: () => navigate({ ...state, filters: {}, settings: {} }) }, 'Clear the filters'));
}

/** A select bound to one URL setting of the view. */
export function settingSelect(state: PageState, key: SettingKey, label: string, options: [string, string][], fallback: string): HTMLElement {
  const el = h('select', { name: key, 'aria-label': label }, ...options.map(([value, text]) => h('option', { value }, text)));
  el.value = state.settings[key] ?? fallback;
  el.addEventListener('change', () => navigate({ ...state, settings: { ...state.settings, [key]: el.value } }, { replace: true }));
  return h('label', { class: 'setting' }, `${label} `, el);
}
