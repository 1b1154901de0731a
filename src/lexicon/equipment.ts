// Lexicon: equipment.yaml (kinds, words, models) → a compiled index of kind phrases by first token and models by key.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { DyadError } from '../types/index.js';
import { pluralize } from './plural.js';
import { tokenize } from './tokens.js';

/** One kind of equipment or aid, as written in equipment.yaml. */
export interface EquipmentKind {
  kind: string;
  parent: string | null;
  military: boolean;
  /** Uncountable (money, fuel): a bare small number before it is not a count. */
  mass: boolean;
  /** Serves a weapon rather than is one (ammunition, spare parts, training): wins over a model's kind. */
  support: boolean;
  /** Civilian help that is economic rather than humanitarian relief (money, fuel, reconstruction): a thread's context. */
  economic: boolean;
  words: string[];
}

/** One model designation or name, as written in equipment.yaml. */
export interface EquipmentModel {
  model: string;
  kind: string;
  names: string[];
  ambiguous: boolean;
}

/** The content of one equipment.yaml. */
export interface EquipmentSource {
  kinds: EquipmentKind[];
  models: EquipmentModel[];
  /** Pairs of spellings a kind word may be written in either way ("defence", "defense"): every word is indexed in both. */
  spellings?: Array<[string, string]>;
}

/** A kind phrase as lower-case tokens. */
export interface KindPhrase {
  tokens: string[];
  kind: string;
}

/** A model name under its key (upper case, letters and digits only: "Mi-35" → `MI35`). */
export interface ModelName {
  entry: EquipmentModel;
  key: string;
  /** Needs context: a name with no digit that is not all capitals, or any name of an ambiguous entry. */
  soft: boolean;
  /** All capitals with no digit ("NASAMS", "TOW"): must be written in capitals. */
  caps: boolean;
}

/** The compiled equipment lexicon. */
export interface Equipment {
  kinds: Map<string, EquipmentKind>;
  /** Kind phrases by their first token, longest first. */
  phrases: Map<string, KindPhrase[]>;
  models: Map<string, ModelName>;
  /** Most tokens in one model name. */
  maxModelTokens: number;
  /** Every prefix of every model key: a word whose key is none of them (nor is, less a plural s) starts no model name. */
  keyPrefixes: Set<string>;
}

/** Keys of words already seen (words repeat across sentences; the map is emptied when it grows large). */
const KEYS = new Map<string, string>();

/** Upper-case letters and digits only, diacritics dropped: the key models are indexed and looked up by. */
export function modelKey(text: string): string {
  let key = KEYS.get(text);
  if (key === undefined) {
    if (KEYS.size >= 100_000) KEYS.clear();
    key = computeModelKey(text);
    KEYS.set(text, key);
  }
  return key;
}

function computeModelKey(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Every written form of a kind word: its spellings (each pair of `spellings` both ways: "defence" ↔ "defense"), spaces
 * or hyphens between its parts, singular and plural.
 */
function variants(phrase: string, spellings: ReadonlyArray<readonly [string, string]>): string[] {
  const spelled = new Set([phrase.toLowerCase()]);
  for (const [one, other] of spellings) {
    for (const s of [...spelled]) spelled.add(s.replaceAll(one, other));
    for (const s of [...spelled]) spelled.add(s.replaceAll(other, one));
  }
  const out = new Set<string>();
  for (const s of spelled) {
    const atoms = s.split(/[ -]/);
    const seps = s.match(/[ -]/g) ?? [];
    const gaps = Math.min(atoms.length - 1, 4);
    for (let mask = 0; mask < 1 << gaps; mask++) {
      let v = atoms[0] ?? '';
      for (let k = 1; k < atoms.length; k++) {
        const sep = k - 1 < gaps ? ((mask >> (k - 1)) & 1 ? '-' : ' ') : (seps[k - 1] ?? ' ');
        v += sep + (atoms[k] ?? '');
      }
      out.add(v);
      out.add(pluralize(v));
    }
  }
  return [...out];
}

function fail(file: string, entry: number, message: string): never {
  throw new DyadError('E301', file, `entry ${entry}: ${message}`);
}

/** Validates parsed YAML as an equipment source; throws E301 naming the file and entry. */
export function checkEquipment(data: unknown, file: string): EquipmentSource {
  if (data === null || typeof data !== 'object') throw new DyadError('E301', file, 'expected a map with `kinds` and `models`');
  const raw = data as { kinds?: unknown; models?: unknown; spellings?: unknown };
  const kinds: EquipmentKind[] = [];
  const models: EquipmentModel[] = [];
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);
  (Array.isArray(raw.kinds) ? raw.kinds : []).forEach((k: unknown, i: number) => {
    const e = (k ?? {}) as Record<string, unknown>;
    if (typeof e.kind !== 'string' || !/^[a-z0-9-]+$/.test(e.kind)) fail(file, i + 1, 'kind must be a kebab-case id');
    if (!strings(e.words)) fail(file, i + 1, `kind ${e.kind}: words must be a list of phrases`);
    if (typeof e.military !== 'boolean') fail(file, i + 1, `kind ${e.kind}: military must be true or false`);
    kinds.push({ kind: e.kind, parent: typeof e.parent === 'string' ? e.parent : null, military: e.military, mass: e.mass === true, support: e.support === true, economic: e.economic === true, words: e.words });
  });
  (Array.isArray(raw.models) ? raw.models : []).forEach((m: unknown, i: number) => {
    const e = (m ?? {}) as Record<string, unknown>;
    if (typeof e.model !== 'string' || e.model === '') fail(file, i + 1, 'model must be a name');
    if (typeof e.kind !== 'string') fail(file, i + 1, `model ${e.model}: kind is missing`);
    if (e.names !== undefined && !strings(e.names)) fail(file, i + 1, `model ${e.model}: names must be a list`);
    models.push({ model: e.model, kind: e.kind, names: (e.names as string[] | undefined) ?? [e.model], ambiguous: e.ambiguous === true });
  });
  const spellings: Array<[string, string]> = [];
  (Array.isArray(raw.spellings) ? raw.spellings : []).forEach((pair: unknown, i: number) => {
    if (!strings(pair) || pair.length !== 2) fail(file, i + 1, 'a spelling must be a pair of spellings: [defence, defense]');
    spellings.push([(pair[0] ?? '').toLowerCase(), (pair[1] ?? '').toLowerCase()]);
  });
  return { kinds, models, spellings };
}

/** Reads and validates one equipment.yaml. */
export function readEquipment(file: string): EquipmentSource {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DyadError('E300', file, `cannot read equipment lexicon: ${(err as Error).message.split('\n')[0]}`);
  }
  return checkEquipment(data, file);
}

/** Merges sources (later wins on the same kind or model) and builds the indexes. Throws E301 for a model of an unknown kind. */
export function compileEquipment(sources: EquipmentSource[]): Equipment {
  const kinds = new Map<string, EquipmentKind>();
  const byModel = new Map<string, EquipmentModel>();
  const spellings: Array<[string, string]> = [];
  for (const s of sources) {
    for (const k of s.kinds) kinds.set(k.kind, k);
    for (const m of s.models) byModel.set(m.model, m);
    for (const pair of s.spellings ?? []) if (!spellings.some(([a, b]) => a === pair[0] && b === pair[1])) spellings.push(pair);
  }
  const phrases = new Map<string, KindPhrase[]>();
  for (const k of kinds.values()) {
    for (const word of k.words) {
      for (const v of variants(word, spellings)) {
        const tokens = tokenize(v).lower;
        const first = tokens[0];
        if (first === undefined) continue;
        const list = phrases.get(first) ?? [];
        if (!list.some((p) => p.tokens.join(' ') === tokens.join(' '))) list.push({ tokens, kind: k.kind });
        phrases.set(first, list);
      }
    }
  }
  for (const list of phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const models = new Map<string, ModelName>();
  let maxModelTokens = 1;
  for (const entry of byModel.values()) {
    if (!kinds.has(entry.kind)) throw new DyadError('E301', 'equipment', `model ${entry.model}: unknown kind ${entry.kind}`);
    for (const name of new Set([entry.model, ...entry.names])) {
      const digit = /\d/.test(name);
      const caps = !digit && name === name.toUpperCase();
      const had = models.get(modelKey(name));
      const both = had !== undefined && had.entry === entry;
      // "Caesar" and "CAESAR" share a key: the name then needs no capitals, only what the lenient one needs
      models.set(modelKey(name), { entry, key: modelKey(name), soft: entry.ambiguous || (!digit && !caps) || (both && had.soft), caps: caps && (!both || had.caps) });
      maxModelTokens = Math.max(maxModelTokens, tokenize(name).words.length + (digit ? 1 : 0));
    }
  }
  const keyPrefixes = new Set<string>();
  for (const key of models.keys()) for (let n = 1; n <= key.length; n++) keyPrefixes.add(key.slice(0, n));
  return { kinds, phrases, models, maxModelTokens, keyPrefixes };
}

/** True when `kind` is `than` or lies under it ("attack-helicopter" under "helicopter"). */
export function isUnder(equipment: Equipment, kind: string, than: string): boolean {
  for (let k: string | null = kind, n = 0; k !== null && n < 10; n++) {
    if (k === than) return true;
    k = equipment.kinds.get(k)?.parent ?? null;
  }
  return false;
}

/** Dyad's own lexicon/equipment.yaml. */
export const EQUIPMENT_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lexicon', 'equipment.yaml');

let bundled: Equipment | null = null;

/** The bundled equipment lexicon, read and compiled on first use. */
export function defaultEquipment(): Equipment {
  bundled ??= compileEquipment([readEquipment(EQUIPMENT_FILE)]);
  return bundled;
}
