// Lexicon data check: lexicon/countries.yaml → invariants (shape, unique codes, no phrase under two countries).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { phraseKeys } from '../src/nlp/normalize.js';

interface Entry {
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
  from?: string;
  until?: string;
}

const FIELDS = new Set(['code', 'name', 'names', 'demonyms', 'capitals', 'from', 'until']);

/** The 193 member states of the United Nations. */
const UN_MEMBERS = `AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA
  BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST
  SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR
  KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ
  MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT
  WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR
  TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE`.split(/\s+/).filter((c) => c !== '');

/** Entries with no demonym in use, or whose only one is listed elsewhere on purpose (see the YAML comments). */
const NO_DEMONYM = new Set(['CAF', 'COG', 'DMA', 'VAT', 'VIR', 'MNP', 'WLF', 'SPM', 'VGB', 'TCA', 'GGY', 'SXM', 'SCG']);

/** The historical states, which must carry dates; nothing else may. */
const HISTORICAL = new Set(['SUN', 'YUG', 'SCG', 'CSK', 'DDR', 'VDR', 'RVN', 'YAR', 'YMD', 'RHO']);

/** Strings that must not be a name, demonym or capital of any country (see the YAML header for why). */
const FORBIDDEN = ['Arab', 'Arabs', 'Kurdish', 'Kurd', 'Persian', 'Latin', 'Malay', 'Korea', 'Korean', 'Koreans', 'Serb', 'Serbs',
  'Croat', 'Croats', 'Turkmen', 'Bosniak', 'English', 'Pentagon', 'Capitol Hill', 'Victoria', 'Kingston', 'Hamilton', 'Georgetown',
  'Santiago', 'Brussels', 'Male', 'Reunion', 'Pole', 'Kiwi', 'GB', 'Jersey', 'Wales', 'England', 'Scotland', 'Aden', 'Hague'];

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function toEntry(raw: unknown, i: number): Entry {
  assert.ok(raw !== null && typeof raw === 'object' && !Array.isArray(raw), `entry ${i} is not a mapping`);
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) assert.ok(FIELDS.has(key), `entry ${i}: unknown field ${key}`);
  assert.equal(typeof o.code, 'string', `entry ${i}: code`);
  assert.equal(typeof o.name, 'string', `entry ${i}: name`);
  for (const f of ['names', 'demonyms', 'capitals']) assert.ok(isStringList(o[f]), `entry ${i} (${String(o.code)}): ${f} is not a list of strings`);
  for (const f of ['from', 'until']) assert.ok(o[f] === undefined || typeof o[f] === 'string', `entry ${i} (${String(o.code)}): ${f} must be a quoted date`);
  return o as unknown as Entry;
}

const entries: Entry[] = (() => {
  const doc: unknown = parse(readFileSync(new URL('./countries.yaml', import.meta.url), 'utf8'));
  assert.ok(Array.isArray(doc), 'countries.yaml is not a list');
  return doc.map(toEntry);
})();

/** The key a phrase is matched under: short all-caps forms exactly, the rest folded (as src/lexicon compiles them). */
function matchKey(phrase: string): string {
  const letters = phrase.replace(/[^A-Za-z]/g, '');
  const exact = letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase() && !/\s/.test(phrase.trim());
  return exact ? `=${phrase.trim()}` : phraseKeys(phrase).join(' ');
}

function phrasesOf(e: Entry): Array<{ phrase: string; kind: string }> {
  return [
    ...e.names.map((phrase) => ({ phrase, kind: 'name' })),
    ...e.demonyms.map((phrase) => ({ phrase, kind: 'demonym' })),
    ...e.capitals.map((phrase) => ({ phrase, kind: 'capital' })),
  ];
}

test('every entry has a well-formed code, a name among its names, and tidy strings', () => {
  for (const e of entries) {
    assert.match(e.code, /^[A-Z]{3}$/, `${e.code}: code`);
    assert.ok(e.names.length > 0, `${e.code}: no names`);
    assert.ok(e.names.includes(e.name), `${e.code}: name "${e.name}" is not among its names`);
    for (const { phrase } of phrasesOf(e)) {
      assert.equal(phrase, phrase.trim().replace(/\s+/g, ' '), `${e.code}: stray spaces in "${phrase}"`);
      assert.ok(!/[\u2018\u2019\u201c\u201d]/.test(phrase), `${e.code}: curly quote in "${phrase}"`);
    }
  }
});

test('codes are unique', () => {
  const seen = new Set<string>();
  for (const e of entries) {
    assert.ok(!seen.has(e.code), `duplicate code ${e.code}`);
    seen.add(e.code);
  }
});

test('every UN member state is present', () => {
  assert.equal(new Set(UN_MEMBERS).size, 193);
  const codes = new Set(entries.map((e) => e.code));
  const missing = UN_MEMBERS.filter((c) => !codes.has(c));
  assert.deepEqual(missing, []);
  for (const c of ['VAT', 'PSE', 'TWN', 'XKX', 'ESH', 'HKG', 'MAC', 'GRL', 'PRI', 'SUN', 'YUG', 'CSK', 'DDR', 'SCG']) assert.ok(codes.has(c), `${c} missing`);
});

test('no phrase belongs to two entries, or twice to one', () => {
  const owner = new Map<string, string>();
  const collisions: string[] = [];
  for (const e of entries) {
    for (const { phrase, kind } of phrasesOf(e)) {
      const key = matchKey(phrase);
      const where = `${e.code} ${kind} "${phrase}"`;
      const before = owner.get(key);
      if (before !== undefined) collisions.push(`${before} = ${where}`);
      else owner.set(key, where);
    }
  }
  assert.deepEqual(collisions, []);
});

test('every entry has a demonym unless it is known to have none', () => {
  for (const e of entries) {
    if (NO_DEMONYM.has(e.code)) assert.equal(e.demonyms.length, 0, `${e.code} has demonyms now: drop it from NO_DEMONYM`);
    else assert.ok(e.demonyms.length > 0, `${e.code}: no demonyms`);
  }
});

test('historical states, and only they, carry ISO dates in order', () => {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  for (const e of entries) {
    if (!HISTORICAL.has(e.code)) {
      assert.ok(e.from === undefined && e.until === undefined, `${e.code}: dated but not historical`);
      continue;
    }
    assert.match(e.from ?? '', iso, `${e.code}: from`);
    assert.match(e.until ?? '', iso, `${e.code}: until`);
    assert.ok((e.from ?? '') < (e.until ?? ''), `${e.code}: from is not before until`);
    assert.ok(!Number.isNaN(Date.parse(e.from ?? '')) && !Number.isNaN(Date.parse(e.until ?? '')), `${e.code}: not a real date`);
  }
});

test('words that would make false actors are absent', () => {
  const all = new Set(entries.flatMap((e) => phrasesOf(e).map((p) => matchKey(p.phrase))));
  for (const word of FORBIDDEN) assert.ok(!all.has(matchKey(word)), `"${word}" must not be listed`);
  for (const e of entries) for (const n of [e.name]) assert.ok(!FORBIDDEN.includes(n), `${e.code}: name "${n}" is forbidden`);
});

test('key forms from the format doc code as expected', () => {
  const table: Array<[string, string]> = [
    ['US', 'USA'], ['U.S.', 'USA'], ['America', 'USA'], ['UK', 'GBR'], ['Britain', 'GBR'], ['Briton', 'GBR'], ['Northern Ireland', 'GBR'],
    ['Russian Federation', 'RUS'], ['Kremlin', 'RUS'], ['DRC', 'COD'], ['Congo-Kinshasa', 'COD'], ['Zaire', 'COD'], ['Congo', 'COG'],
    ['DPRK', 'PRK'], ['Ivory Coast', 'CIV'], ['Cote d\'Ivoire', 'CIV'], ['Turkey', 'TUR'], ['Turkiye', 'TUR'], ['Holland', 'NLD'],
    ['UAE', 'ARE'], ['Emirati', 'ARE'], ['Czech Republic', 'CZE'], ['Filipino', 'PHL'], ['Philippine', 'PHL'], ['Guinea', 'GIN'],
    ['Georgia', 'GEO'], ['Jordan', 'JOR'], ['Niger', 'NER'], ['Dominican', 'DOM'], ['Burma', 'MMR'], ['Swaziland', 'SWZ'],
    ['West Germany', 'DEU'], ['East Germany', 'DDR'], ['Soviet', 'SUN'], ['Elysee', 'FRA'], ['Zhongnanhai', 'CHN'], ['Washington', 'USA'],
  ];
  const byKey = new Map<string, string>();
  for (const e of entries) for (const { phrase } of phrasesOf(e)) byKey.set(matchKey(phrase), e.code);
  for (const [phrase, code] of table) assert.equal(byKey.get(matchKey(phrase)), code, phrase);
});
