// Web UI: the corrections panel of an event — what analysts corrected (with undo), and forms to reject it, edit its
// actors, code, status or items, merge it with another event or split reports out of it. Writes need the server's token.
import type { Cluster, EventRecord } from './api.js';
import { h, replace } from './dom.js';
import { correctionLine, correctionsOf, editSet, postCorrection, STATUSES, undoCorrection, type CorrectionAsk } from './correction-request.js';

/** What the panel corrects, and what the view does once a correction is stored. */
export interface CorrectionsTarget {
  /** The report the page shows. */
  report: EventRecord;
  /** Its event (null until the store is clustered). */
  cluster: Cluster | null;
  /** Every report of the event. */
  reports: EventRecord[];
  /** Called after a correction is stored: `rejected` when what the page shows is gone. */
  onChange: (rejected: boolean) => void;
}

const TOKEN_KEY = 'dyad-token';
const BY_KEY = 'dyad-reviewer';

function input(name: string, label: string, attrs: Record<string, string> = {}): { field: HTMLInputElement; row: HTMLElement } {
  const field = h('input', { name, ...attrs });
  return { field, row: h('label', { class: 'correction-field' }, `${label} `, field) };
}

/** The panel; its log is filled in when the API answers. */
export function correctionsPanel(target: CorrectionsTarget): HTMLElement {
  const { report, cluster, reports } = target;
  const eventId = cluster?.id ?? report.id;
  const message = h('p', { class: 'correction-message', role: 'status' });
  const log = h('ul', { class: 'correction-log' }, h('li', { class: 'muted' }, 'Loading the corrections…'));

  const token = input('token', 'Token', { type: 'password', autocomplete: 'off', placeholder: 'the server’s token' });
  token.field.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const by = input('by', 'Your name', { autocomplete: 'name' });
  by.field.value = localStorage.getItem(BY_KEY) ?? '';
  const reason = input('reason', 'Why', { placeholder: 'kept in the audit log' });
  const scope = h('select', { name: 'scope', 'aria-label': 'Correct' },
    h('option', { value: eventId }, cluster ? `the event (all ${reports.length} report${reports.length === 1 ? '' : 's'})` : 'this report'),
    cluster ? h('option', { value: report.id }, 'this report only') : null);

  const who = (): { token: string; by: string; reason: string } => {
    sessionStorage.setItem(TOKEN_KEY, token.field.value);
    localStorage.setItem(BY_KEY, by.field.value.trim());
    if (by.field.value.trim() === '') throw new Error('give your name: it is kept with the correction');
    return { token: token.field.value, by: by.field.value.trim(), reason: reason.field.value.trim() };
  };
  const send = async (ask: () => CorrectionAsk, rejects: (ask: CorrectionAsk) => boolean = () => false): Promise<void> => {
    try {
      const made = ask();
      const correction = await postCorrection(made, who());
      message.textContent = `Stored: ${correctionLine(correction)}`;
      message.className = 'correction-message ok';
      target.onChange(rejects(made));
    } catch (err) {
      message.textContent = err instanceof Error ? err.message : String(err);
      message.className = 'correction-message error';
    }
  };

  const source = input('source', 'Source', { placeholder: report.source.code });
  const targetCode = input('target', 'Target', { placeholder: report.target?.code ?? 'none' });
  const cameo = input('cameo', 'CAMEO', { placeholder: report.cameo, inputmode: 'numeric' });
  const status = h('select', { name: 'status', 'aria-label': 'Status' }, h('option', { value: '' }, `status: ${report.status ?? 'none'}`),
    ...STATUSES.map((s) => h('option', { value: s }, s)), h('option', { value: 'none' }, 'none'));
  const items = input('items', 'Items', { placeholder: report.items.map((i) => `${i.quantity ?? ''} ${i.kind}`.trim()).join('; ') || '20000 rifle; 3 drone:CH-5' });
  const mergeWith = input('merge-with', 'Merge with event', { placeholder: 'c-…' });
  const checks = reports.length > 1 ? reports.map((r) => {
    const box = h('input', { type: 'checkbox', name: 'split-report', value: r.id });
    return { box, row: h('label', { class: 'split-report' }, box, ` ${r.source.code} → ${r.target?.code ?? '—'} ${r.cameo} · ${r.doc} · “${r.sentence.text.slice(0, 90)}”`) };
  }) : [];

  const button = (label: string, cls: string, onclick: () => void): HTMLButtonElement => h('button', { type: 'button', class: cls, onclick }, label);
  const panel = h('section', { class: 'panel corrections' },
    h('h2', {}, 'Corrections'),
    h('p', { class: 'muted' }, 'Kept apart, in an audit log (who, when, why, before and after): the coded reports are never changed, and every list, count and export shows the corrected events.'),
    log,
    h('div', { class: 'correction-who' }, token.row, by.row, reason.row, h('label', { class: 'correction-field' }, 'Correct ', scope)),
    h('div', { class: 'correction-actions' },
      button('Reject', 'danger reject', () => void send(() => ({ kind: 'reject', id: scope.value }), () => scope.value === eventId || scope.value === report.id))),
    h('fieldset', { class: 'correction-edit' }, h('legend', {}, 'Edit'), source.row, targetCode.row, cameo.row, h('label', { class: 'correction-field' }, 'Status ', status), items.row,
      button('Save the edit', 'save-edit', () => void send(() => ({
        kind: 'edit', id: scope.value, set: editSet({ source: source.field.value, target: targetCode.field.value, cameo: cameo.field.value, status: status.value, items: items.field.value }),
      })))),
    h('fieldset', { class: 'correction-merge' }, h('legend', {}, 'Merge'), mergeWith.row,
      button('Merge', 'merge', () => void send(() => {
        const other = mergeWith.field.value.trim();
        if (!other.startsWith('c-')) throw new Error('give the id of the other event (c-…)');
        return { kind: 'merge', ids: [eventId, other] };
      }))),
    checks.length > 0 ? h('fieldset', { class: 'correction-split' }, h('legend', {}, 'Split: move the checked reports into an event of their own'), ...checks.map((c) => c.row),
      button('Split', 'split', () => void send(() => {
        const moved = checks.filter((c) => c.box.checked).map((c) => c.box.value);
        if (moved.length === 0 || moved.length === checks.length) throw new Error('check some of the reports, not all of them');
        return { kind: 'split', id: eventId, reports: moved };
      }))) : null,
    message);

  void correctionsOf(eventId).then((list) => {
    if (list.length === 0) return replace(log, h('li', { class: 'muted' }, 'No corrections yet.'));
    const undone = new Set(list.filter((c) => c.kind === 'revert').map((c) => c.reverts));
    replace(log, ...list.map((c) => h('li', { class: undone.has(c.id) ? 'undone' : '' }, correctionLine(c), ' ',
      c.kind === 'revert' || undone.has(c.id) ? null : button('Undo', 'link undo', () => void (async () => {
        try {
          await undoCorrection(c.id, who());
          target.onChange(false);
        } catch (err) {
          message.textContent = err instanceof Error ? err.message : String(err);
          message.className = 'correction-message error';
        }
      })()))));
  }).catch((err: unknown) => replace(log, h('li', { class: 'error' }, `Could not load the corrections: ${err instanceof Error ? err.message : String(err)}`)));
  return panel;
}
