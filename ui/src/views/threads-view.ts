// Web UI view: assistance threads — each a sequence of steps (request → offer → pledge → delivery…) with its status,
// dates, items and parties; a step opens its strongest report, and a thread unfolds the reports of every step.
import { getJson, type ClusterItem, type Thread, type ThreadDetail, type ThreadList, type ThreadStep, type ThreadSummary, type WithLead } from '../api.js';
import { appLink, h, replace } from '../dom.js';
import { clusterItemText } from '../happening-facts.js';
import { reportList } from '../mention-list.js';
import { navigate, stateHref } from '../nav.js';
import type { PageState } from '../state.js';
import { threadQuery } from '../thread-query.js';
import { errorBox, loading, settingSelect, type ViewRenderer } from './view-kit.js';

const PAGE = 50;

const ROLE_WORDS: Record<ThreadStep['role'], string> = {
  request: 'asked', offer: 'offered', pledge: 'pledged', agreement: 'agreed', condition: 'set conditions',
  delivery: 'delivered', refusal: 'refused', suspension: 'suspended',
};

const STATUS_TEXT: Record<Thread['status'], string> = {
  open: 'open', 'partly-fulfilled': 'partly fulfilled', fulfilled: 'fulfilled', refused: 'refused', stalled: 'stalled',
};

const FILTER_NAMES: Record<string, string> = {
  actor: 'Either', source: 'Source', target: 'Target', item: 'Item', code: 'CAMEO', quad: 'Quad', status: 'Status (of events)',
  modality: 'Modality', text: 'Text', doc: 'Article',
};

function items(list: readonly ClusterItem[]): string {
  return list.map(clusterItemText).join('; ');
}

/** The state that opens a step: its strongest report (which shows every report of its event), else its event. */
function stepState(step: { lead: string | null; cluster: string }, state: PageState): PageState {
  return { view: 'event', filters: state.filters, settings: { id: step.lead ?? step.cluster } };
}

function stepBox(thread: ThreadSummary, step: WithLead<ThreadStep>, state: PageState): HTMLElement {
  const who = step.actor === 'supplier' ? thread.supplier : thread.recipient;
  const body: (Node | string | null)[] = [
    h('span', { class: 'step-role' }, `${who} ${ROLE_WORDS[step.role]}`),
    h('span', { class: 'step-date' }, step.date ?? 'undated'),
    step.items.length > 0 ? h('span', { class: 'step-items' }, items(step.items)) : null,
    step.terms ? h('span', { class: 'tag' }, step.terms) : null,
    h('span', { class: 'step-reports muted' }, `${step.evidence.length} report${step.evidence.length === 1 ? '' : 's'} · CAMEO ${step.cameo}`),
  ];
  const target = stepState(step, state);
  const inner = appLink(stateHref(target), h('span', { class: 'step-body' }, ...body), () => navigate(target));
  return h('li', { class: `step role-${step.role}`, 'data-role': step.role, 'data-cluster': step.cluster, 'data-lead': step.lead ?? '' }, inner);
}

/** The steps as boxes in order; where the list skips steps (a long thread), a box says how many. */
function stepBoxes(thread: ThreadSummary, state: PageState): HTMLElement[] {
  const boxes: HTMLElement[] = [];
  let expected = 0;
  for (const step of thread.steps) {
    if (step.order > expected) boxes.push(h('li', { class: 'step step-gap' }, h('span', {}, `… ${step.order - expected} more step${step.order - expected === 1 ? '' : 's'} …`)));
    boxes.push(stepBox(thread, step, state));
    expected = step.order + 1;
  }
  return boxes;
}

function threadCard(thread: ThreadSummary, state: PageState, open: boolean): HTMLLIElement {
  const toggle: PageState = { ...state, settings: { ...state.settings, thread: open ? undefined : thread.id } };
  const span = thread.opened === thread.lastStep ? thread.opened ?? 'undated' : `${thread.opened ?? '?'} – ${thread.lastStep ?? '?'}`;
  const shownRelated = thread.related.slice(-5);
  const related = shownRelated.length === 0 ? null : h('p', { class: 'related note' }, 'Others helping ', thread.recipient,
    thread.relatedCount > shownRelated.length ? ` (latest ${shownRelated.length} of ${thread.relatedCount})` : '', ': ',
    ...shownRelated.flatMap((r, i) => {
      const target = stepState(r, state);
      const text = `${r.supplier} ${ROLE_WORDS[r.role]}${r.items.length > 0 ? ` ${items(r.items)}` : ''} (${r.date ?? 'undated'})`;
      return [i > 0 ? ' · ' : '', appLink(stateHref(target), text, () => navigate(target))];
    }));
  return h('li', { class: `thread${open ? ' open' : ''}`, 'data-thread-id': thread.id },
    h('div', { class: 'thread-head' },
      h('span', { class: 'parties' }, h('strong', {}, thread.supplier), ' → ', h('strong', {}, thread.recipient)),
      h('span', { class: 'tag' }, thread.context),
      h('span', { class: `status status-${thread.status}` }, STATUS_TEXT[thread.status]),
      h('span', { class: 'muted' }, span),
      thread.kinds.length > 0 ? h('span', { class: 'kinds' }, thread.kinds.join(', ')) : null,
      thread.missing.length > 0 ? h('span', { class: 'missing' }, `not delivered: ${thread.missing.join(', ')}`) : null,
      appLink(stateHref(toggle), open ? 'hide evidence' : 'show evidence', () => navigate(toggle, { replace: true }))),
    h('ol', { class: 'steps' }, ...stepBoxes(thread, state)),
    related);
}

/** The reports of every step of the open thread, under it. */
async function evidence(id: string, state: PageState): Promise<HTMLElement> {
  const detail = await getJson<ThreadDetail>(`/threads/${encodeURIComponent(id)}`);
  const shown = detail.steps.length;
  return h('div', { class: 'thread-evidence' },
    shown < detail.thread.stepCount ? h('p', { class: 'note' }, `The evidence of the first ${shown} of ${detail.thread.stepCount} steps; click a step above for its event.`) : null,
    ...detail.steps.map(({ step, event, reports }) => {
      const more = (event?.mentionIds.length ?? reports.length) - reports.length;
      const whole: PageState = { view: 'event', filters: state.filters, settings: { id: step.cluster } };
      return h('section', { class: 'step-evidence', 'data-role': step.role },
        h('h3', {}, `${step.order + 1}. ${step.role}`, h('span', { class: 'muted' }, ` · ${step.date ?? 'undated'}`)),
        reportList(reports, state, undefined, step.lead),
        more > 0 ? h('p', { class: 'note' }, appLink(stateHref(whole), `… and ${more} more report${more === 1 ? '' : 's'}: open the event`, () => navigate(whole))) : null);
    }));
}

function emptyThreads(state: PageState, anyStored: boolean): HTMLElement {
  if (!anyStored) {
    return h('div', { class: 'empty small', id: 'threads-empty' },
      h('p', {}, h('strong', {}, 'No assistance threads yet.'), ' A thread links a request for help to what came of it — offers, pledges, conditions, deliveries, refusals — between two parties.'),
      h('p', {}, 'dyad ingest builds them as articles arrive; this store holds no events about asking for, promising or giving help.'));
  }
  return h('div', { class: 'empty small', id: 'threads-empty' }, h('p', {}, 'No threads match these filters.'),
    h('button', { type: 'button', onclick: () => navigate({ view: 'threads', filters: {}, settings: {} }) }, 'Clear the filters'));
}

export const threadsView: ViewRenderer = async (root, state, current) => {
  replace(root, loading('threads'));
  try {
    const query = threadQuery(state, { limit: PAGE, offset: 0 });
    const filtered = query.params.has('party') || query.params.has('kind') || query.params.has('since') || query.params.has('until') || query.params.has('status');
    const [list, all] = await Promise.all([
      getJson<ThreadList>('/threads', query.params),
      filtered ? getJson<ThreadList>('/threads', new URLSearchParams({ limit: '1' })) : null,
    ]);
    if (!current()) return;
    const chosen = state.settings.thread;
    const cards = h('ol', { class: 'threads' }, ...list.threads.map((t) => threadCard(t, state, t.id === chosen)));
    const notes: (string | Node)[] = [];
    if (query.party) notes.push(` Threads with ${query.party.code} as supplier or recipient (from ${FILTER_NAMES[query.party.from] ?? query.party.from}).`);
    if (query.ignored.length > 0) notes.push(` Not applied to threads: ${query.ignored.map((k) => FILTER_NAMES[k] ?? k).join(', ')}.`);
    let shown = list.threads.length;
    const status = h('span', { class: 'muted' }, `${shown} of ${list.total} shown`);
    const more = h('button', { type: 'button', class: 'more' }, 'More');
    more.hidden = shown >= list.total;
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        const further = await getJson<ThreadList>('/threads', threadQuery(state, { limit: PAGE, offset: shown }).params);
        cards.append(...further.threads.map((t) => threadCard(t, state, t.id === chosen)));
        shown += further.threads.length;
        status.textContent = `${shown} of ${further.total} shown`;
        more.hidden = shown >= further.total || further.threads.length === 0;
      } catch (err) {
        cards.after(errorBox(err));
      } finally {
        more.disabled = false;
      }
    });
    replace(root, h('section', { class: 'panel threads-panel' },
      h('div', { class: 'panel-head' },
        h('h2', {}, 'Assistance threads', h('span', { class: 'muted' }, ` · ${list.total}`)),
        settingSelect(state, 'outcome', 'Status', [['', 'any'], ['open', 'open'], ['partly-fulfilled', 'partly fulfilled'], ['fulfilled', 'fulfilled'], ['refused', 'refused'], ['stalled', 'stalled']], '')),
      h('p', { class: 'note' }, 'Each thread follows help between a supplier and a recipient, step by step; click a step for its strongest report.', ...notes),
      list.threads.length === 0 ? emptyThreads(state, (all ?? list).total > 0) : cards,
      list.threads.length === 0 ? null : h('div', { class: 'pager' }, status, ' ', more)));
    if (chosen && list.threads.some((t) => t.id === chosen)) {
      const card = cards.querySelector<HTMLElement>(`li.thread.open`);
      card?.append(loading('the evidence'));
      const shownEvidence = await evidence(chosen, state);
      if (!current()) return;
      card?.lastElementChild?.remove();
      card?.append(shownEvidence);
    }
  } catch (err) {
    if (current()) replace(root, errorBox(err));
  }
};
