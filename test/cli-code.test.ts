// End to end: `dyad code` with Dyad's own lexicon on written examples of each construction, and on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV_COLUMNS, readCsvEvents } from '../src/export/csv.js';
import { readCsv } from '../src/export/read-table.js';
import type { EventRecord } from '../src/types/index.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-code-'));

function dyad(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EXAMPLES = {
  request: 'Iraqi officials have asked China for military help, in particular for the free supply of CH-5 armed drones.',
  pledge: 'Russia promised to deliver four Mi-35 attack helicopters to Mali.',
  delivery: 'China has already handed Iraq 20 thousand assault rifles.',
  refusal: 'Germany refused on Friday to supply Taurus cruise missiles to Ukraine.',
  hedge: 'Washington may also supply Kyiv with long-range missiles.',
  negation: 'Russia did not deliver the helicopters to Mali.',
  passive: 'Somali troops were attacked by al-Shabaab fighters near Balad.',
  quote: 'Russia will supply Iraq with S-400 systems, the agency quoted an official as saying.',
  meeting: 'Chinese Foreign Minister Wang Yi met Iraqi Prime Minister Mohammed Shia al-Sudani in Beijing.',
  attack: 'Boko Haram fighters attacked a Nigerian army base in Borno state.',
  turnedTo: 'Iraq turned to Russia for help with air defence.',
  nounEvent: "Baghdad's appeal for military aid was rejected by Beijing.",
  coordination: 'The United States sent Ukraine tanks, howitzers and Stinger missiles.',
};

test('dyad code codes each construction with the built-in lexicon', () => {
  const records = Object.entries(EXAMPLES).map(([id, text]) => JSON.stringify({ id, text, date: '2023-05-10' })).join('\n');
  const input = join(dir, 'examples.jsonl');
  writeFileSync(input, records + '\n');
  const run = dyad(['code', '--format', 'jsonl', input]);
  assert.equal(run.status, 0, run.stderr);
  const events = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as EventRecord);
  const of = (doc: string): EventRecord[] => events.filter((e) => e.doc === doc);
  const has = (doc: string, source: string, target: string | null, cameo: string): EventRecord => {
    const e = of(doc).find((x) => x.source.code === source && (x.target?.code ?? null) === target && x.cameo === cameo);
    assert.ok(e, `${doc}: expected ${source}→${target} ${cameo}, got ${of(doc).map((x) => `${x.source.code}→${x.target?.code} ${x.cameo}`).join(', ')}`);
    return e;
  };
  const request = has('request', 'IRQGOV', 'CHN', '0232');
  assert.equal(request.terms, 'free');
  assert.deepEqual(request.items.map((i) => i.model), ['CH-5']);
  const pledge = has('pledge', 'RUS', 'MLI', '0332');
  assert.equal(pledge.status, 'pledged');
  assert.deepEqual(pledge.items.map((i) => [i.model, i.quantity]), [['Mi-35', 4]]);
  const delivery = has('delivery', 'CHN', 'IRQ', '072');
  assert.equal(delivery.status, 'delivered');
  assert.deepEqual(delivery.items.map((i) => [i.kind, i.quantity]), [['rifle', 20000]]);
  assert.equal(has('refusal', 'DEU', 'UKR', '1222').status, 'refused');
  assert.equal(has('hedge', 'USAGOV', 'UKRGOV', '072').modality, 'possible');
  const negation = has('negation', 'RUS', 'MLI', '072');
  assert.equal(negation.negated, true);
  has('passive', 'SHABAAB', 'SOMMIL', '190');
  // a coming delivery is coded as the intention to deliver (0332), pledged
  const quote = has('quote', 'RUS', 'IRQ', '0332');
  assert.equal(quote.modality, 'intended');
  assert.equal(quote.status, 'pledged');
  assert.match(quote.attribution?.text ?? '', /agency/);
  const meeting = has('meeting', 'CHNGOV', 'IRQGOV', '040');
  assert.equal(meeting.source.name, 'Wang Yi');
  assert.ok(of('attack').some((e) => e.source.code === 'BOKOHARAM' && e.root === '19'));
  has('turnedTo', 'IRQ', 'RUS', '0232');
  has('nounEvent', 'IRQGOV', null, '0232');
  assert.ok(of('nounEvent').some((e) => e.source.code === 'CHNGOV' && e.root === '12'));
  const coordination = has('coordination', 'USA', 'UKR', '072');
  assert.deepEqual(coordination.items.map((i) => i.kind).sort(), ['artillery', 'manpads', 'tank']);
});

test('bad inputs get one clear line each, the others are still coded, and the exit code says some failed', () => {
  const good = join(dir, 'good.txt');
  writeFileSync(good, 'Headline\n\nChina has already handed Iraq 20 thousand assault rifles.\n');
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const binary = join(dir, 'binary.txt');
  writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 9]));
  const latin = join(dir, 'invalid-utf8.txt');
  writeFileSync(latin, Buffer.concat([Buffer.from('Headline\n\nChina has handed Iraq rifles in Bras'), Buffer.from([0xed]), Buffer.from('lia.\n')]));
  const jsonl = join(dir, 'records.jsonl');
  writeFileSync(jsonl, '{"id":"ok","text":"China has already handed Iraq 20 thousand assault rifles."}\n{not json\n');
  const huge = join(dir, 'huge.txt');
  writeFileSync(huge, '');
  truncateSync(huge, 50 * 1024 * 1024);
  const run = dyad(['code', '--format', 'jsonl', good, empty, binary, latin, jsonl, huge]);
  assert.equal(run.status, 1);
  assert.doesNotMatch(run.stderr, /\bat .+:\d+:\d+\)?$/m, 'no stack trace');
  assert.match(run.stderr, new RegExp(`E101 ${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.match(run.stderr, /E102 .*binary\.txt/);
  assert.match(run.stderr, /E104 .*records\.jsonl:2/);
  assert.match(run.stderr, /E10[26] .*huge\.txt/);
  const docs = new Set(run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as EventRecord).doc));
  assert.ok(docs.has(good) && docs.has('ok'), [...docs].join(', '));
  assert.ok(docs.has(latin), 'a Latin-1 file is decoded and coded');
});

test('stdin and --date: a dated statement in, the date on the events', () => {
  const run = dyad(['code', '--format', 'jsonl', '--date', '2021-03-04', '-'], 'Russia promised to deliver helicopters to Mali.\n');
  assert.equal(run.status, 0, run.stderr);
  const [event] = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as EventRecord);
  assert.equal(event?.doc, '-');
  assert.equal(event?.date, '2021-03-04');
});

test('usage mistakes exit with 2 and a message', () => {
  const run = dyad(['code', '--date', 'yesterday', '-'], '');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--date must be YYYY-MM-DD/);
});

test('dyad code on a text without --date dates its events from the dateline, and says so', () => {
  const input = join(dir, 'kabul.txt');
  writeFileSync(input, 'Taliban ask China for help\n\nKABUL, March 3, 2020 (Reuters) - China has already handed Iraq 20 thousand assault rifles.\n\nIraqi officials asked China for military help on Monday.\n');
  const run = dyad(['code', '--format', 'jsonl', input]);
  assert.equal(run.status, 0, run.stderr);
  const events = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as EventRecord);
  const delivery = events.find((e) => e.cameo.startsWith('07'));
  assert.deepEqual([delivery?.date, delivery?.dateBasis], ['2020-03-03', 'dateline']);
  // 2020-03-03 is a Tuesday: "on Monday" is the day before
  const request = events.find((e) => e.cameo.startsWith('02'));
  assert.deepEqual([request?.date, request?.dateBasis], ['2020-03-02', 'relative']);
  const given = dyad(['code', '--format', 'jsonl', '--date', '2020-03-05', input]);
  const first = JSON.parse(given.stdout.trim().split('\n')[0] ?? '{}') as EventRecord;
  assert.deepEqual([first.date, first.dateBasis], ['2020-03-05', 'publication'], '--date wins over the dateline');
});

test('--no-parser codes with word-window roles: the bombs are no source, Baghdad as a place is no actor either way', () => {
  const text = 'Three bombs exploded at a celebration in western Baghdad on Monday, killing 35 children.\n';
  for (const flags of [[], ['--no-parser']]) {
    const run = dyad(['code', '--format', 'jsonl', '--date', '2021-03-04', ...flags, '-'], text);
    assert.equal(run.status, 0, run.stderr);
    const events = run.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as EventRecord);
    if (flags.length === 0) assert.ok(!events.some((e) => e.source.code === 'IRQGOV'), run.stdout);
  }
  const plain = dyad(['code', '--format', 'jsonl', '--date', '2021-03-04', '--no-parser', '-'], 'China handed Iraq 20,000 assault rifles.\n');
  assert.ok(plain.stdout.includes('"cameo":"072"'), plain.stdout);
});

test('dyad code --format csv writes the report columns of every CSV export, with the article\'s url and outlet', () => {
  const input = join(dir, 'csv.jsonl');
  writeFileSync(input, `${JSON.stringify({ id: 'csv-1', text: EXAMPLES.delivery, date: '2023-05-10', url: 'https://wire.example/1', source: 'Tigris Wire' })}\n`);
  const csv = dyad(['code', '--format', 'csv', input]);
  const jsonl = dyad(['code', '--format', 'jsonl', input]);
  assert.equal(csv.status, 0, csv.stderr);
  assert.equal(csv.stdout.slice(0, csv.stdout.indexOf('\n')), CSV_COLUMNS.join(','));
  const events = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as EventRecord);
  assert.ok(events.length > 0);
  assert.deepEqual(readCsvEvents(csv.stdout), events);
  assert.ok(readCsv(csv.stdout).every((row) => row.url === 'https://wire.example/1' && row.outlet === 'Tigris Wire'));
});

test('--lexicon takes one folder and may be repeated; the inputs may follow it (the README\'s "dyad code --lexicon my-lexicon/ article.txt")', () => {
  const file = join(dir, 'foo-drones.txt');
  writeFileSync(file, 'Turkey delivered 12 Foo-9 drones to Ukraine on Monday.\n');
  const r = dyad(['code', '--lexicon', 'test/fixtures/lexicon-foo-drone', file, '--format', 'jsonl']);
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as EventRecord);
  assert.ok(events.some((e) => e.items.some((item) => item.kind === 'foo-drone')), r.stdout);
  const twice = dyad(['code', '--lexicon', 'test/fixtures/lexicon-foo-drone', '--lexicon', 'test/fixtures/lexicon-foo-drone', file, '--format', 'jsonl']);
  assert.equal(twice.status, 0, twice.stderr);
});
