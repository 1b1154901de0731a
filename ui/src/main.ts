// Web UI: the page — header with views and counts, the shared filters bar, the chosen view; an empty store shows how to add articles.
import './style.css';
import { getJson, type Stats } from './api.js';
import { appLink, h, replace } from './dom.js';
import { filtersBar } from './filters-bar.js';
import { navigate, onNavigate, stateHref } from './nav.js';
import { readState, type PageState, type View } from './state.js';
import { eventView } from './views/event-view.js';
import { eventsView } from './views/events-view.js';
import { mapView } from './views/map-view.js';
import { networkView } from './views/network-view.js';
import { threadsView } from './views/threads-view.js';
import { timelineView } from './views/timeline-view.js';
import { errorBox, type ViewRenderer } from './views/view-kit.js';

const VIEWS: Record<View, ViewRenderer> = { timeline: timelineView, network: networkView, map: mapView, events: eventsView, threads: threadsView, event: eventView };
const TABS: [View, string][] = [['timeline', 'Timeline'], ['network', 'Network'], ['map', 'Map'], ['events', 'Events'], ['threads', 'Threads']];

let stats: Stats | null = null;
let drawing = 0;

function emptyState(): HTMLElement {
  return h('section', { class: 'panel empty', id: 'empty-state' },
    h('h2', {}, 'No events yet'),
    h('p', {}, 'This store has no coded articles. Add some from a terminal, then reload this page:'),
    h('pre', {}, 'dyad ingest PATH        # files, folders, globs: text, HTML, JSON Lines, feeds, .gz\n',
      'dyad ingest samples/    # the bundled sample articles'),
    h('p', {}, 'Or start the server with a token (dyad serve --token TOKEN) and POST articles to /api/articles:'),
    h('pre', {}, 'curl -H "Authorization: Bearer TOKEN" -d \'{"text": "…", "date": "2024-05-01"}\' http://localhost:8080/api/articles'));
}

function header(state: PageState): HTMLElement {
  const tabs = TABS.map(([view, label]) => {
    const target: PageState = { view, filters: state.filters, settings: view === state.view ? state.settings : {} };
    const a = appLink(stateHref(target), label, () => navigate(target));
    if (view === state.view || (view === 'events' && state.view === 'event')) a.setAttribute('aria-current', 'page');
    return a;
  });
  const n = (count: number, word: string): string => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
  const counts = stats === null ? '' : `${n(stats.events, 'event')} · ${n(stats.reports, 'report')} · ${n(stats.articles, 'article')}${stats.firstDate ? ` · ${stats.firstDate} – ${stats.lastDate ?? ''}` : ''}`;
  return h('header', { class: 'top' },
    h('h1', {}, appLink('/', 'Dyad', () => navigate({ view: 'timeline', filters: {}, settings: {} }))),
    h('nav', { class: 'tabs', 'aria-label': 'Views' }, ...tabs),
    h('span', { class: 'counts', id: 'counts' }, counts),
    h('span', { class: 'ingest', id: 'ingest', hidden: true }));
}

async function draw(): Promise<void> {
  const token = ++drawing;
  const current = (): boolean => token === drawing;
  const state = readState(location.search);
  const app = document.getElementById('app') as HTMLElement;
  const main = h('main', { id: 'view', 'data-view': state.view });
  if (stats === null) {
    try {
      stats = await getJson<Stats>('/stats');
    } catch (err) {
      replace(app, header(state), errorBox(err));
      return;
    }
  }
  if (!current()) return;
  if (stats.reports === 0) {
    replace(app, header(state), h('main', { id: 'view' }, emptyState()));
    return;
  }
  replace(app, header(state), filtersBar(state), main);
  document.title = `Dyad · ${state.view}`;
  await VIEWS[state.view](main, state, current);
  if (current()) main.setAttribute('data-ready', 'true');
}

/** Watches the store: when reports arrive (an ingest is running), says so and offers to refresh. */
function watchIngest(): void {
  let last: number | null = null;
  setInterval(async () => {
    try {
      const now = await getJson<Stats>('/stats');
      const badge = document.getElementById('ingest');
      if (last !== null && now.reports !== last && badge) {
        badge.hidden = false;
        replace(badge, h('span', { class: 'pulse' }), `Ingest running: ${now.events.toLocaleString('en')} events, ${now.reports.toLocaleString('en')} reports `,
          h('button', { type: 'button', class: 'link', onclick: () => { stats = now; void draw(); } }, 'refresh'));
      }
      last = now.reports;
    } catch {
      // the server may be restarting; try again at the next tick
    }
  }, 5000);
}

onNavigate(() => void draw());
void draw();
watchIngest();
