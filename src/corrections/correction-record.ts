// Corrections: the fields of a correction → a checked `Correction` with its id; any JSON value → a Correction or E800.

import { createHash } from 'node:crypto';
import {
  CORRECTION_KINDS, DyadError, type Correction, type CorrectionActor, type CorrectionCode, type CorrectionFields,
  type CorrectionItem, type CorrectionKind, type CorrectionState, type Status,
} from '../types/index.js';

/** Assistance statuses an edit may set (null: none). */
export const CORRECTION_STATUSES = ['requested', 'offered', 'pledged', 'agreed', 'delivered', 'refused', 'suspended', 'conditional'] as const;

/** A correction without its id. */
export type CorrectionBody = Omit<Correction, 'id'>;

/** The id of a correction: `k-` + 16 hex digits of a hash of every other field, in a fixed order. */
export function correctionId(body: CorrectionBody): string {
  const fields = [body.at, body.by, body.reason, body.kind, body.event, body.reports, body.before, body.after, body.reverts];
  return `k-${createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 16)}`;
}

/** A checked correction with its id; throws E800 naming the field for a malformed one. */
export function makeCorrection(body: CorrectionBody): Correction {
  const checked = checkBody(body, 'correction');
  return { id: correctionId(checked), ...checked };
}

function malformed(input: string, message: string, line?: number): DyadError {
  return new DyadError('E800', input, message, line);
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, field: string, input: string, maxLength = 2000): string {
  if (typeof value !== 'string') throw malformed(input, `${field} must be a string`);
  if (value.length > maxLength) throw malformed(input, `${field} is longer than ${maxLength} characters`);
  return value;
}

function textOrNull(value: unknown, field: string, input: string): string | null {
  return value === null || value === undefined ? null : text(value, field, input, 200);
}

function idList(value: unknown, field: string, input: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '' || v.length > 200)) {
    throw malformed(input, `${field} must be a list of ids`);
  }
  if (value.length > 10_000) throw malformed(input, `${field} names more than 10,000 ids`);
  return [...new Set(value as string[])];
}

const ACTOR_CODE = /^[A-Z0-9_-]{1,40}$/;

function actor(value: unknown, field: string, input: string): CorrectionActor {
  if (!isObject(value)) throw malformed(input, `${field} must be an actor {code, country, name, sector}`);
  const code = text(value['code'], `${field}.code`, input, 40);
  if (!ACTOR_CODE.test(code)) throw malformed(input, `${field}.code "${code}" is not an actor code (letters, digits, - and _)`);
  const country = textOrNull(value['country'], `${field}.country`, input);
  if (country !== null && !/^[A-Z]{3}$/.test(country)) throw malformed(input, `${field}.country "${country}" is not a three-letter country code`);
  return { code, country, name: text(value['name'] ?? code, `${field}.name`, input, 200), sector: textOrNull(value['sector'], `${field}.sector`, input) };
}

function code(value: unknown, input: string): CorrectionCode {
  if (!isObject(value)) throw malformed(input, 'code must be {cameo, cameoName, root, quad, goldstein, plover}');
  const cameo = text(value['cameo'], 'code.cameo', input, 4);
  if (!/^\d{2,4}$/.test(cameo)) throw malformed(input, `code.cameo "${cameo}" is not a CAMEO code`);
  const quad = value['quad'];
  if (quad !== 1 && quad !== 2 && quad !== 3 && quad !== 4) throw malformed(input, 'code.quad must be 1, 2, 3 or 4');
  const goldstein = value['goldstein'];
  if (typeof goldstein !== 'number' || !Number.isFinite(goldstein) || Math.abs(goldstein) > 10) throw malformed(input, 'code.goldstein must be a number from -10 to 10');
  const plover = value['plover'];
  if (!isObject(plover)) throw malformed(input, 'code.plover must be {type, mode, context}');
  return {
    cameo, cameoName: text(value['cameoName'], 'code.cameoName', input, 200), root: cameo.slice(0, 2), quad, goldstein,
    plover: { type: text(plover['type'], 'code.plover.type', input, 40), mode: textOrNull(plover['mode'], 'code.plover.mode', input), context: textOrNull(plover['context'], 'code.plover.context', input) },
  };
}

function item(value: unknown, index: number, input: string): CorrectionItem {
  const field = `items[${index}]`;
  if (!isObject(value)) throw malformed(input, `${field} must be an item {text, kind, model, quantity, unit}`);
  const kind = text(value['kind'], `${field}.kind`, input, 80);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(kind)) throw malformed(input, `${field}.kind "${kind}" is not an item kind (lower case, words joined by -)`);
  const quantity = value['quantity'] ?? null;
  if (quantity !== null && (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity < 0)) throw malformed(input, `${field}.quantity must be a number ≥ 0 or null`);
  return {
    text: text(value['text'] ?? kind, `${field}.text`, input, 200), kind, model: textOrNull(value['model'], `${field}.model`, input),
    quantity, unit: textOrNull(value['unit'], `${field}.unit`, input),
  };
}

function status(value: unknown, input: string): Status {
  if (value === null) return null;
  if (typeof value !== 'string' || !(CORRECTION_STATUSES as readonly string[]).includes(value)) {
    throw malformed(input, `status must be one of ${CORRECTION_STATUSES.join(', ')} or null`);
  }
  return value as Status;
}

/** The coded fields of a state, checked (absent fields stay absent). */
function fields(value: Json, input: string): CorrectionFields {
  const out: CorrectionFields = {};
  if (value['source'] !== undefined) out.source = actor(value['source'], 'source', input);
  if (value['target'] !== undefined) out.target = value['target'] === null ? null : actor(value['target'], 'target', input);
  if (value['code'] !== undefined) out.code = code(value['code'], input);
  if (value['status'] !== undefined) out.status = status(value['status'], input);
  if (value['items'] !== undefined) {
    const items = value['items'];
    if (!Array.isArray(items) || items.length > 100) throw malformed(input, 'items must be a list of at most 100 items');
    out.items = items.map((v, i) => item(v, i, input));
  }
  return out;
}

function state(value: unknown, field: string, input: string): CorrectionState | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) throw malformed(input, `${field} must be an object or null`);
  const out: CorrectionState = fields(value, input);
  if (value['events'] !== undefined) out.events = idList(value['events'], `${field}.events`, input);
  if (value['reports'] !== undefined) out.reports = idList(value['reports'], `${field}.reports`, input);
  return out;
}

const hasFields = (s: CorrectionState | null): boolean =>
  s !== null && (s.source !== undefined || s.target !== undefined || s.code !== undefined || s.status !== undefined || s.items !== undefined);

/** Checks every field of a correction body and what its kind needs. */
function checkBody(body: Json | CorrectionBody, input: string): CorrectionBody {
  const value = body as Json;
  const kind = value['kind'];
  if (typeof kind !== 'string' || !(CORRECTION_KINDS as readonly string[]).includes(kind)) {
    throw malformed(input, `kind must be one of ${CORRECTION_KINDS.join(', ')}`);
  }
  const at = text(value['at'], 'at', input, 40);
  if (Number.isNaN(Date.parse(at)) || !/^\d{4}-\d{2}-\d{2}T/.test(at)) throw malformed(input, `at "${at}" is not an ISO 8601 timestamp`);
  const by = text(value['by'], 'by', input, 200).trim();
  if (by === '') throw malformed(input, 'by (who made the correction) is empty');
  const out: CorrectionBody = {
    at, by, reason: text(value['reason'] ?? '', 'reason', input), kind: kind as CorrectionKind,
    event: textOrNull(value['event'], 'event', input), reports: idList(value['reports'] ?? [], 'reports', input),
    before: state(value['before'], 'before', input), after: state(value['after'], 'after', input),
    reverts: textOrNull(value['reverts'], 'reverts', input),
  };
  if (out.kind === 'revert') {
    if (out.reverts === null || !out.reverts.startsWith('k-')) throw malformed(input, 'a revert names the correction it undoes in reverts (k-…)');
  } else if (out.reports.length === 0) {
    throw malformed(input, `a ${out.kind} names the reports it applies to`);
  }
  if (out.kind === 'edit' && !hasFields(out.after)) throw malformed(input, 'an edit sets at least one of source, target, code, status, items in after');
  if (out.kind === 'split' && (out.before?.reports ?? []).length > 0 && out.reports.length >= (out.before?.reports ?? []).length) {
    throw malformed(input, 'a split moves some of the event\'s reports out, not all of them');
  }
  return out;
}

/**
 * A correction from parsed JSON (a line of a corrections file, a stored row): every field checked, and its id checked
 * against its fields, so that a file edited by hand cannot pass one correction off under another's id. Throws E800
 * naming `input` (and `line`).
 */
export function parseCorrection(value: unknown, input: string, line?: number): Correction {
  try {
    if (!isObject(value)) throw malformed(input, 'a correction is a JSON object');
    const body = checkBody(value, input);
    const id = correctionId(body);
    if (value['id'] !== undefined && value['id'] !== id) throw malformed(input, `id "${String(value['id'])}" does not match the correction's fields (expected ${id})`);
    return { id, ...body };
  } catch (err) {
    if (err instanceof DyadError && line !== undefined) throw malformed(input, err.message.replace(/^E800 [^:]*: /, ''), line);
    throw err;
  }
}
