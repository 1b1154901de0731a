// Web UI: the corrections API — the log of an event, a correction posted, one undone (writes carry the server's token) — and the panel's form values → a request.
import type { Correction, CorrectionItem } from '../../src/types/api.js';
import { ApiFailure } from './api.js';

export type { Correction };

/** The statuses an edit may set. */
export const STATUSES = ['requested', 'offered', 'pledged', 'agreed', 'delivered', 'refused', 'suspended', 'conditional'] as const;

/** A correction as POST /api/corrections takes it, without who and why. */
export type CorrectionAsk =
  | { kind: 'reject'; id: string }
  | { kind: 'edit'; id: string; set: EditSet }
  | { kind: 'merge'; ids: string[] }
  | { kind: 'split'; id: string; reports: string[] };

export interface EditSet {
  source?: { code: string };
  target?: { code: string } | null;
  cameo?: string;
  status?: string | null;
  items?: Array<Omit<CorrectionItem, 'model' | 'unit'> & { model: string | null }> | null;
}

/** The edit form as typed: empty fields leave a value as it is; `none` clears a target, status or items. */
export interface EditForm { source: string; target: string; cameo: string; status: string; items: string }

const ITEM = /^(?:(\d[\d,]*)\s+)?([a-z0-9][a-z0-9-]*)(?::(.+))?$/;

/** The fields an edit form sets; throws an Error naming the field for a value that cannot be right. */
export function editSet(form: EditForm): EditSet {
  const set: EditSet = {};
  const code = (value: string, field: string): string => {
    const upper = value.trim().toUpperCase();
    if (!/^[A-Z0-9_-]{1,40}$/.test(upper)) throw new Error(`${field}: "${value}" is not an actor code (TUR, CHNGOV, NATO)`);
    return upper;
  };
  if (form.source.trim() !== '') set.source = { code: code(form.source, 'source') };
  if (form.target.trim().toLowerCase() === 'none') set.target = null;
  else if (form.target.trim() !== '') set.target = { code: code(form.target, 'target') };
  if (form.cameo.trim() !== '') {
    if (!/^\d{2,4}$/.test(form.cameo.trim())) throw new Error(`CAMEO code: "${form.cameo}" is not a code such as 072 or 0231`);
    set.cameo = form.cameo.trim();
  }
  if (form.status !== '') set.status = form.status === 'none' ? null : form.status;
  const items = form.items.trim();
  if (items.toLowerCase() === 'none') set.items = [];
  else if (items !== '') {
    set.items = items.split(';').map((part) => part.trim()).filter((part) => part !== '').map((part) => {
      const m = ITEM.exec(part);
      if (m === null) throw new Error(`items: "${part}" is not QUANTITY KIND[:MODEL] (20000 rifle; 3 armed-drone:CH-5)`);
      return { text: part, kind: m[2] as string, model: m[3]?.trim() ?? null, quantity: m[1] === undefined ? null : Number(m[1].replaceAll(',', '')) };
    });
  }
  if (Object.keys(set).length === 0) throw new Error('fill in what to change: source, target, CAMEO code, status or items');
  return set;
}

/** One line saying what a correction did, for the log. */
export function correctionLine(c: Correction): string {
  const when = c.at.slice(0, 16).replace('T', ' ');
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return 'none';
    if (Array.isArray(v)) return v.length === 0 ? 'none' : v.map((i: CorrectionItem) => i.text).join('; ');
    if (typeof v === 'object') return 'cameo' in v ? String((v as { cameo: string }).cameo) : String((v as { code: string }).code);
    return String(v);
  };
  const fields = (['source', 'target', 'code', 'status', 'items'] as const).filter((k) => c.after !== null && k in c.after)
    .map((k) => `${k} ${show(c.before?.[k])} → ${show(c.after?.[k])}`).join(', ');
  const what = c.kind === 'edit' ? `edited ${fields}`
    : c.kind === 'reject' ? `rejected ${c.reports.length === 1 ? 'a report' : `${c.reports.length} reports`}`
      : c.kind === 'merge' ? `merged ${(c.before?.events ?? []).join(' + ')}`
        : c.kind === 'split' ? `split ${c.reports.length} report${c.reports.length === 1 ? '' : 's'} out`
          : `undid ${c.reverts ?? ''}`;
  return `${when} · ${c.by}: ${what}${c.reason ? ` — “${c.reason}”` : ''}`;
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw new ApiFailure(res.status, (body as { error?: { message?: string } } | null)?.error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

/** The corrections naming an event (`c-…`) or a report. */
export async function correctionsOf(id: string): Promise<Correction[]> {
  const params = new URLSearchParams(id.startsWith('c-') ? { event: id } : { report: id });
  return (await answer<{ corrections: Correction[] }>(await fetch(`/api/corrections?${params.toString()}`, { headers: { Accept: 'application/json' } }))).corrections;
}

/** Posts a correction; the token is the server's (`dyad serve --token`). */
export async function postCorrection(ask: CorrectionAsk, who: { token: string; by: string; reason: string }): Promise<Correction> {
  const res = await fetch('/api/corrections', {
    method: 'POST',
    headers: { Authorization: `Bearer ${who.token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ ...ask, by: who.by, ...(who.reason === '' ? {} : { reason: who.reason }) }),
  });
  return (await answer<{ correction: Correction }>(res)).correction;
}

/** Undoes a correction (the log keeps both). */
export async function undoCorrection(id: string, who: { token: string; by: string; reason: string }): Promise<Correction> {
  const params = new URLSearchParams({ by: who.by, ...(who.reason === '' ? {} : { reason: who.reason }) });
  const res = await fetch(`/api/corrections/${encodeURIComponent(id)}?${params.toString()}`, {
    method: 'DELETE', headers: { Authorization: `Bearer ${who.token}`, Accept: 'application/json' },
  });
  return (await answer<{ correction: Correction }>(res)).correction;
}
