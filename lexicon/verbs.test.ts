// Lexicon data check: cameo.yaml + sets.yaml + verbs/*.yaml → the invariants the coder relies on (codes, sets, triggers).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { sharedData } from '../eval/shared-data.js';

const DIR = dirname(fileURLToPath(import.meta.url));
const CAMEO_CSV = sharedData('cameo', 'cameo-codes.csv');

interface CameoRow {
  code: string;
  name: string;
  goldstein: number;
  quad: number;
  plover: { type: string; mode: string | null; context: string | null };
}

interface VerbRow {
  id: string;
  verbs: string[];
  nouns: string[];
  code: string | null;
  patterns: Record<string, string>;
  file: string;
}

const PLOVER_TYPES = new Set([
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
  // CAMEO 01 statements have no PLOVER category
  'STATEMENT',
]);

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

function loadCameo(): CameoRow[] {
  return readYaml(join(DIR, 'cameo.yaml')) as CameoRow[];
}

function loadSets(): Record<string, string[]> {
  return readYaml(join(DIR, 'sets.yaml')) as Record<string, string[]>;
}

function loadVerbs(): VerbRow[] {
  const rows: VerbRow[] = [];
  for (const file of readdirSync(join(DIR, 'verbs')).filter((f) => f.endsWith('.yaml')).sort()) {
    for (const entry of readYaml(join(DIR, 'verbs', file)) as Array<Omit<VerbRow, 'file'>>) rows.push({ ...entry, patterns: entry.patterns ?? {}, file });
  }
  return rows;
}

/** The quad class GDELT gives a CAMEO root. */
function quadOf(code: string): number {
  const root = Number(code.slice(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

describe('cameo.yaml', () => {
  const cameo = loadCameo();

  it('holds each code once, as a quoted string of 2-4 digits', () => {
    const seen = new Set<string>();
    for (const row of cameo) {
      assert.equal(typeof row.code, 'string', `code ${String(row.code)} must be quoted`);
      assert.match(row.code, /^\d{2,4}$/);
      assert.ok(!seen.has(row.code), `duplicate code ${row.code}`);
      seen.add(row.code);
    }
  });

  it('has every root 01-20 and every sub-code of CAMEO 1.1b3', (t) => {
    const codes = new Set(cameo.map((r) => r.code));
    for (let root = 1; root <= 20; root++) assert.ok(codes.has(String(root).padStart(2, '0')), `root ${root} missing`);
    if (!existsSync(CAMEO_CSV)) {
      t.skip('the CAMEO code list is not on this machine');
      return;
    }
    const listed = readFileSync(CAMEO_CSV, 'utf8').split('\n').map((l) => l.split(',')[0]?.trim() ?? '').filter((c) => /^\d+$/.test(c));
    assert.deepEqual(listed.filter((c) => !codes.has(c)), [], 'codes of the standard missing from cameo.yaml');
    assert.deepEqual([...codes].filter((c) => !listed.includes(c)), [], 'codes in cameo.yaml that the standard lacks');
  });

  it('gives each code a Goldstein weight in [-10, 10], its root quad class and a PLOVER type', () => {
    for (const row of cameo) {
      assert.ok(row.goldstein >= -10 && row.goldstein <= 10, `${row.code}: goldstein ${row.goldstein}`);
      assert.equal(row.quad, quadOf(row.code), `${row.code}: quad`);
      assert.ok(PLOVER_TYPES.has(row.plover.type), `${row.code}: PLOVER type ${row.plover.type}`);
    }
  });

  it('codes table-driven landmarks as the standard does', () => {
    const byCode = new Map(cameo.map((r) => [r.code, r]));
    const cases: Array<[string, number, string, string | null]> = [
      ['010', 0, 'STATEMENT', null],
      ['0232', 3.4, 'REQUEST', 'military'],
      ['0332', 5.2, 'AGREE', 'military'],
      ['042', 1.9, 'CONSULT', null],
      ['057', 8, 'SUPPORT', null],
      ['072', 8.3, 'AID', 'military'],
      ['0841', 7, 'RETREAT', null],
      ['1222', -4, 'REJECT', 'military'],
      ['163', -8, 'SANCTION', 'economic'],
      ['173', -5, 'COERCE', null],
      ['195', -10, 'ASSAULT', null],
    ];
    for (const [code, goldstein, type, context] of cases) {
      const row = byCode.get(code);
      assert.ok(row, `${code} missing`);
      assert.equal(row.goldstein, goldstein, `${code} goldstein`);
      assert.equal(row.plover.type, type, `${code} type`);
      assert.equal(row.plover.context, context, `${code} context`);
    }
  });
});

describe('sets.yaml', () => {
  it('maps names to non-empty lists of non-empty phrases', () => {
    for (const [name, words] of Object.entries(loadSets())) {
      assert.match(name, /^[a-z][a-z0-9_]*$/, `set name ${name}`);
      assert.ok(Array.isArray(words) && words.length > 0, `set ${name} is empty`);
      for (const w of words) assert.ok(typeof w === 'string' && w.trim() !== '', `set ${name}: bad word ${String(w)}`);
    }
  });

  it('has the sets the brief and the verb files rely on', () => {
    const sets = loadSets();
    for (const name of ['aid', 'military_aid', 'economic_aid', 'humanitarian_aid', 'protection', 'talks', 'sanctions', 'ceasefire', 'agreement', 'cooperation', 'reform', 'release', 'military_units']) {
      assert.ok(name in sets, `@${name} missing`);
    }
  });
});

describe('verbs/*.yaml', () => {
  const verbs = loadVerbs();
  const codes = new Set(loadCameo().map((r) => r.code));
  const sets = new Set(Object.keys(loadSets()));

  it('has one file per CAMEO root', () => {
    const roots = new Set(readdirSync(join(DIR, 'verbs')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, 2)));
    for (let root = 1; root <= 20; root++) assert.ok(roots.has(String(root).padStart(2, '0')), `no verbs file for root ${root}`);
  });

  it('uses only CAMEO codes that cameo.yaml defines', () => {
    for (const v of verbs) {
      if (v.code !== null) assert.ok(codes.has(String(v.code)), `${v.file} ${v.id}: default code ${v.code}`);
      for (const [pattern, code] of Object.entries(v.patterns)) {
        assert.equal(typeof code, 'string', `${v.file} ${v.id}: "${pattern}" code must be quoted`);
        assert.ok(codes.has(code), `${v.file} ${v.id}: "${pattern}" → unknown code ${code}`);
      }
    }
  });

  it('writes every pattern with exactly one trigger, known sets and $S/$T only', () => {
    for (const v of verbs) {
      for (const pattern of Object.keys(v.patterns)) {
        const parts = pattern.split(/\s+/);
        assert.equal(parts.filter((p) => p === '_').length, 1, `${v.file} ${v.id}: "${pattern}" needs one "_"`);
        for (const part of parts) {
          const body = part.length > 1 && part.endsWith('?') ? part.slice(0, -1) : part;
          if (body.startsWith('@')) assert.ok(sets.has(body.slice(1)), `${v.file} ${v.id}: unknown set ${body}`);
          if (body.includes('@')) assert.ok(!body.includes('|'), `${v.file} ${v.id}: "${part}" mixes a set with alternatives`);
          if (body.includes('$')) assert.ok(body === '$S' || body === '$T', `${v.file} ${v.id}: bad actor slot ${part}`);
        }
      }
    }
  });

  it('gives every entry a trigger and either a default code or a pattern', () => {
    for (const v of verbs) {
      assert.ok(v.verbs.length + v.nouns.length > 0, `${v.file} ${v.id}: no trigger`);
      assert.ok(v.code !== null || Object.keys(v.patterns).length > 0, `${v.file} ${v.id}: codes nothing`);
    }
  });

  it('puts each verb lemma and each event noun in one entry only', () => {
    for (const kind of ['verbs', 'nouns'] as const) {
      const owner = new Map<string, string>();
      for (const v of verbs) {
        for (const lemma of v[kind]) {
          const key = lemma.toLowerCase();
          const where = `${v.file} ${v.id} (${v.code ?? 'null'})`;
          assert.ok(!owner.has(key), `${kind} "${lemma}" in ${owner.get(key) ?? ''} and ${where}`);
          owner.set(key, where);
        }
      }
    }
  });

  it('keeps ids unique, for messages', () => {
    const ids = verbs.map((v) => v.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });
});
