// Web UI: the page state kept in the URL — the view, the shared filters and the view's own settings — read and written.

/** The filter fields of the filters bar, as the API's query parameters take them (lists as comma lists). */
export const FILTER_KEYS = ['source', 'target', 'actor', 'code', 'quad', 'item', 'status', 'modality', 'since', 'until', 'text', 'doc'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const VIEWS = ['timeline', 'network', 'map', 'events', 'threads', 'event'] as const;
export type View = (typeof VIEWS)[number];

/** View settings kept in the URL besides the filters. */
/** `level`: events or reports (the events list); `nodes`: countries or actors (the network; `level` in links made before). */
export const SETTING_KEYS = ['by', 'level', 'nodes', 'edge', 'pair', 'id', 'article', 'sort', 'place', 'zoom', 'thread', 'outcome'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface PageState {
  view: View;
  filters: Filters;
  settings: Partial<Record<SettingKey, string>>;
}

/** Reads the state from a query string. Unknown keys are ignored; an unknown view is the timeline. */
export function readState(search: string): PageState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const settings: PageState['settings'] = {};
  for (const key of SETTING_KEYS) {
    const value = params.get(key);
    if (value) settings[key] = value;
  }
  return { view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'timeline', filters, settings };
}

/** The query string of a state (`?view=network&source=CHN`), keys in a fixed order so equal states give equal URLs. */
export function writeState(state: PageState): string {
  const params = new URLSearchParams();
  params.set('view', state.view);
  for (const key of FILTER_KEYS) if (state.filters[key]) params.set(key, state.filters[key] as string);
  for (const key of SETTING_KEYS) if (state.settings[key]) params.set(key, state.settings[key] as string);
  return `?${params.toString()}`;
}

/** The API query parameters of the filters (plus extra parameters), for `/api/...?`. */
export function filterQuery(filters: Filters, extra: Record<string, string | number | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key] as string);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params;
}
