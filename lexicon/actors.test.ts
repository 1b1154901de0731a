// Lexicon data sanity: lexicon/actors/*.yaml and lexicon/agents.yaml → invariants (fields, codes, dates, no clashes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { phraseKeys } from '../src/nlp/normalize.js';

const here = dirname(fileURLToPath(import.meta.url));
const actorDir = join(here, 'actors');

const SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'OPP', 'REB', 'INS', 'SPY', 'BUS', 'MED', 'CVL', 'EDU',
  'HLH', 'REF', 'LAB', 'NGO', 'IGO', 'ELI', 'PTY', 'CRM', 'UAF']);
const KINDS = new Set(['igo', 'ngo', 'group', 'person', 'company', 'media', 'other']);
const CODE = /^[A-Z-]{2,12}$/;
const COUNTRY = /^[A-Z]{3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTOR_KEYS = new Set(['name', 'names', 'kind', 'code', 'roles', 'country', 'sector']);
const ROLE_KEYS = new Set(['code', 'title', 'from', 'until']);
const AGENT_KEYS = new Set(['sector', 'words', 'country']);
/** A country (or "---") followed by one sector: RUSGOV, ---MED. */
const COUNTRY_SECTOR = new RegExp(`^([A-Z]{3}|---)(${[...SECTORS].join('|')})$`);

type Row = Record<string, unknown>;
interface Loaded { file: string; index: number; entry: Row }

/** Loads every entry of the YAML lists in `files`, remembering where each came from. */
function load(files: string[]): Loaded[] {
  return files.flatMap((file) => {
    const data: unknown = parse(readFileSync(file, 'utf8'));
    assert.ok(Array.isArray(data), `${file}: top level must be a list`);
    return (data as unknown[]).map((entry, index) => {
      assert.ok(entry !== null && typeof entry === 'object' && !Array.isArray(entry), `${file}#${index + 1}: not a mapping`);
      return { file, index, entry: entry as Row };
    });
  });
}

/** The form a surface string is matched in, as the compiler sees it: short capitals ("UN", "G7") keep their
 * spelling; everything else folds case and diacritics and splits like the analyser ("Élysée" = "elysee"). */
function matchKey(text: string): string {
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && !/\s/.test(text.trim())) return text.trim();
  return phraseKeys(text).join(' ');
}

function isValidDate(text: unknown): text is string {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const actorFiles = readdirSync(actorDir).filter((name) => name.endsWith('.yaml')).sort().map((name) => join(actorDir, name));
const actors = load(actorFiles);
const agents = load([join(here, 'agents.yaml')]);
const where = (row: Loaded): string => `${row.file.slice(here.length + 1)}#${row.index + 1} (${String(row.entry.name ?? row.entry.sector)})`;

test('every actor has the required fields with valid values', () => {
  const problems: string[] = [];
  for (const row of actors) {
    const { entry } = row;
    const at = where(row);
    for (const key of Object.keys(entry)) if (!ACTOR_KEYS.has(key)) problems.push(`${at}: unknown key ${key}`);
    if (typeof entry.name !== 'string' || entry.name === '') problems.push(`${at}: name missing`);
    if (!Array.isArray(entry.names) || entry.names.length === 0) problems.push(`${at}: names missing`);
    else if (entry.names.some((name) => typeof name !== 'string' || name.trim() === '')) problems.push(`${at}: empty name`);
    if (typeof entry.kind !== 'string' || !KINDS.has(entry.kind)) problems.push(`${at}: bad kind ${String(entry.kind)}`);
    if (entry.code !== undefined && (typeof entry.code !== 'string' || !CODE.test(entry.code))) problems.push(`${at}: bad code ${String(entry.code)}`);
    if (entry.country !== undefined && entry.country !== null && (typeof entry.country !== 'string' || !COUNTRY.test(entry.country))) problems.push(`${at}: bad country ${String(entry.country)}`);
    if (entry.sector !== undefined && entry.sector !== null && (typeof entry.sector !== 'string' || !SECTORS.has(entry.sector))) problems.push(`${at}: bad sector ${String(entry.sector)}`);
    if (entry.kind === 'person') {
      if (typeof entry.country !== 'string' && entry.country !== null) problems.push(`${at}: a person needs country`);
      if (entry.code === undefined && entry.roles === undefined) problems.push(`${at}: a person needs code or roles`);
    } else {
      if (entry.code === undefined) problems.push(`${at}: code missing`);
      if (entry.sector === undefined) problems.push(`${at}: sector missing`);
      if (entry.country === undefined) problems.push(`${at}: country missing (null for none)`);
    }
  }
  assert.deepEqual(problems, []);
});

test('roles have valid codes and ISO dates with from <= until, and one person\'s roles never overlap with different codes', () => {
  const problems: string[] = [];
  for (const row of actors) {
    const roles = row.entry.roles;
    if (roles === undefined) continue;
    const at = where(row);
    if (!Array.isArray(roles) || roles.length === 0) { problems.push(`${at}: roles must be a non-empty list`); continue; }
    const spans: { code: string; from: string; until: string }[] = [];
    for (const [i, role] of (roles as Row[]).entries()) {
      for (const key of Object.keys(role)) if (!ROLE_KEYS.has(key)) problems.push(`${at} role ${i + 1}: unknown key ${key} (quote titles holding commas)`);
      if (typeof role.code !== 'string' || !CODE.test(role.code)) problems.push(`${at} role ${i + 1}: bad code ${String(role.code)}`);
      if (role.from !== undefined && !isValidDate(role.from)) problems.push(`${at} role ${i + 1}: bad from ${String(role.from)}`);
      if (role.until !== undefined && !isValidDate(role.until)) problems.push(`${at} role ${i + 1}: bad until ${String(role.until)}`);
      const from = isValidDate(role.from) ? role.from : '0000-01-01';
      const until = isValidDate(role.until) ? role.until : '9999-12-31';
      if (from > until) problems.push(`${at} role ${i + 1}: from ${from} is after until ${until}`);
      if (typeof role.code === 'string') spans.push({ code: role.code, from, until });
    }
    for (const [i, a] of spans.entries()) {
      for (const b of spans.slice(i + 1)) {
        if (a.code !== b.code && a.from <= b.until && b.from <= a.until) problems.push(`${at}: ${a.code} ${a.from}..${a.until} overlaps ${b.code} ${b.from}..${b.until}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('every code a person or role uses is an organisation code or a country + sector code', () => {
  const known = new Set(actors.filter((row) => row.entry.kind !== 'person').map((row) => String(row.entry.code)));
  const problems: string[] = [];
  for (const row of actors) {
    const codes = [row.entry.code, ...((row.entry.roles as Row[] | undefined) ?? []).map((role) => role.code)];
    for (const code of codes) {
      if (typeof code === 'string' && !known.has(code) && !COUNTRY_SECTOR.test(code)) problems.push(`${where(row)}: unknown code ${code}`);
    }
  }
  assert.deepEqual(problems, []);
});

/** Every string the compiler matches for an actor: its display name and its names. */
const surfaces = (row: Loaded): string[] => [String(row.entry.name), ...(row.entry.names as string[])];

test('no surface name belongs to two actors, nor appears twice in one', () => {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const row of actors) {
    const seen = new Set<string>();
    for (const name of (row.entry.names as string[])) {
      const key = matchKey(name);
      if (seen.has(key)) problems.push(`${where(row)}: "${name}" listed twice`);
      seen.add(key);
    }
    for (const name of new Set(surfaces(row).map(matchKey))) {
      const other = owner.get(name);
      if (other === undefined) owner.set(name, where(row));
      else problems.push(`"${name}": ${other} and ${where(row)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('a person with a country holds only codes of that country (else country is null)', () => {
  const orgCountry = new Map(actors.filter((row) => row.entry.kind !== 'person').map((row) => [String(row.entry.code), row.entry.country ?? null]));
  const problems: string[] = [];
  for (const row of actors) {
    const { entry } = row;
    if (entry.kind !== 'person' || typeof entry.country !== 'string') continue;
    const codes = [entry.code, ...((entry.roles as Row[] | undefined) ?? []).map((role) => role.code)].filter((code): code is string => typeof code === 'string');
    for (const code of codes) {
      const country = orgCountry.has(code) ? orgCountry.get(code) : code.slice(0, 3);
      if (country !== entry.country) problems.push(`${where(row)}: ${code} is not a code of ${entry.country}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('agent entries are well formed and no word is in two entries', () => {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const row of agents) {
    const { entry } = row;
    const at = where(row);
    for (const key of Object.keys(entry)) if (!AGENT_KEYS.has(key)) problems.push(`${at}: unknown key ${key}`);
    if (typeof entry.sector !== 'string' || !SECTORS.has(entry.sector)) problems.push(`${at}: bad sector ${String(entry.sector)}`);
    if (entry.country !== undefined && (typeof entry.country !== 'string' || !COUNTRY.test(entry.country))) problems.push(`${at}: bad country ${String(entry.country)}`);
    if (!Array.isArray(entry.words) || entry.words.length === 0) { problems.push(`${at}: words missing`); continue; }
    for (const word of entry.words as unknown[]) {
      if (typeof word !== 'string' || word.trim() === '') { problems.push(`${at}: empty word`); continue; }
      const key = matchKey(word);
      const other = owner.get(key);
      if (other !== undefined) problems.push(`"${word}": ${other} and ${at}`);
      else owner.set(key, at);
    }
  }
  assert.deepEqual(problems, []);
});

test('no agent word is also an actor name', () => {
  const words = new Set(agents.flatMap((row) => (row.entry.words as string[]).map(matchKey)));
  const clashes = actors.flatMap((row) => surfaces(row).filter((name) => words.has(matchKey(name))).map((name) => `"${name}" (${where(row)})`));
  assert.deepEqual(clashes, []);
});
