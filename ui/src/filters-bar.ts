// Web UI: the filters bar shared by every view — actors, codes, quad classes, item, status, period, text — read from and written to the URL.
import { getJson, type ActorCount } from './api.js';
import { QUAD_COLORS, QUAD_NAMES } from './colors.js';
import { h } from './dom.js';
import { navigate } from './nav.js';
import type { Filters, PageState } from './state.js';

const STATUSES = ['requested', 'offered', 'pledged', 'agreed', 'delivered', 'refused', 'suspended', 'conditional'];
const MODALITIES = ['asserted', 'reported', 'intended', 'possible', 'conditional', 'negated', 'denied'];

let actorList: HTMLDataListElement | null = null;

/** A datalist of the most frequent actor codes, for the actor inputs (filled once). */
function actorOptions(): HTMLDataListElement {
  if (actorList !== null) return actorList;
  const list = h('datalist', { id: 'actor-codes' });
  actorList = list;
  getJson<{ actors: ActorCount[] }>('/actors', new URLSearchParams({ limit: '300' })).then(({ actors }) => {
    const seen = new Set<string>();
    for (const actor of actors) {
      for (const code of [actor.country, actor.code]) {
        if (!code || seen.has(code)) continue;
        seen.add(code);
        const option = h('option');
        option.value = code;
        option.label = code === actor.code ? actor.name : code;
        list.append(option);
      }
    }
  }).catch(() => { /* the inputs work without suggestions */ });
  return list;
}

function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'field', title: hint ?? '' }, h('span', {}, label), input);
}

function text(name: keyof Filters, value: string | undefined, placeholder: string, list?: string): HTMLInputElement {
  const input = h('input', { name, type: 'text', placeholder, autocomplete: 'off', spellcheck: 'false', ...(list ? { list } : {}) });
  input.value = value ?? '';
  return input;
}

function select(name: keyof Filters, value: string | undefined, options: string[]): HTMLSelectElement {
  // A list from a shared URL (status=offered,pledged) is kept as one more choice.
  const all = value && !options.includes(value) ? [...options, value] : options;
  const el = h('select', { name }, h('option', { value: '' }, 'any'), ...all.map((o) => h('option', { value: o }, o)));
  el.value = value ?? '';
  return el;
}

/** The filters bar for a state; applying it keeps the view and its settings, clears paging and selections. */
export function filtersBar(state: PageState): HTMLElement {
  const f = state.filters;
  const quads = new Set((f.quad ?? '').split(',').filter((q) => q !== ''));
  const quadBoxes = [1, 2, 3, 4].map((q) => {
    const box = h('input', { type: 'checkbox', name: 'quad', value: String(q) });
    box.checked = quads.has(String(q));
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = QUAD_COLORS[q - 1] ?? '#999';
    return h('label', { class: 'quad-box', title: QUAD_NAMES[q - 1] ?? '' }, box, swatch, String(q));
  });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filters' },
    actorOptions(),
    field('Source', text('source', f.source, 'CHN, Turkey', 'actor-codes'), 'Source actor: code, code prefix, or name of a country or organisation; comma for several'),
    field('Target', text('target', f.target, 'IRQ', 'actor-codes')),
    field('Either', text('actor', f.actor, 'TUR', 'actor-codes'), 'Either side'),
    field('CAMEO', text('code', f.code, '02*, 072'), 'CAMEO codes or prefixes like 02*'),
    h('fieldset', { class: 'field quads' }, h('legend', {}, 'Quad'), ...quadBoxes),
    field('Item', text('item', f.item, 'helicopter'), 'Item kind, model or words'),
    field('Status', select('status', f.status, STATUSES)),
    field('Modality', select('modality', f.modality, MODALITIES)),
    field('Since', text('since', f.since, 'YYYY-MM'), 'YYYY, YYYY-MM or YYYY-MM-DD'),
    field('Until', text('until', f.until, 'YYYY-MM')),
    field('Text', text('text', f.text, 'words in the sentence')),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      h('button', { type: 'button', class: 'clear', onclick: () => navigate({ view: state.view === 'event' ? 'timeline' : state.view, filters: {}, settings: keep(state) }) }, 'Clear'),
    ),
  );
  if (f.doc) {
    form.append(h('div', { class: 'chip' }, 'Article: ', h('code', {}, f.doc), ' ',
      h('button', { type: 'button', class: 'link', onclick: () => navigate({ ...state, filters: { ...f, doc: undefined } }) }, 'remove')));
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const filters: Filters = {};
    for (const key of ['source', 'target', 'actor', 'code', 'item', 'status', 'modality', 'since', 'until', 'text'] as const) {
      const value = String(data.get(key) ?? '').trim();
      if (value !== '') filters[key] = value;
    }
    const picked = data.getAll('quad').map(String);
    if (picked.length > 0 && picked.length < 4) filters.quad = picked.join(',');
    if (f.doc) filters.doc = f.doc;
    navigate({ view: state.view === 'event' ? 'events' : state.view, filters, settings: keep(state) });
  });
  return form;
}

/** The settings a new filter keeps (how to look, not what was picked). */
function keep(state: PageState): PageState['settings'] {
  const { by, level, nodes, sort, outcome } = state.settings;
  return { ...(by ? { by } : {}), ...(level ? { level } : {}), ...(nodes ? { nodes } : {}), ...(sort ? { sort } : {}), ...(outcome ? { outcome } : {}) };
}
