// Tests: readInputs end to end on a folder of written inputs — every format, encoding and kind of bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { readInputs, type InputResult, type ReadOptions } from './read-inputs.js';

const FIXTURES = new URL('../../test/fixtures/ingest/', import.meta.url);
const GIB = 1024 * 1024 * 1024;
let dir = '';

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
}

function jsonlRecords(n: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) lines.push(JSON.stringify({ id: `rec-${i}`, text: `Report ${i}: delegation ${(i * 7919) % 1000} met officials ${(i * 104729) % 997} times in city ${i}.` }));
  return `${lines.join('\n')}\n`;
}

async function sparse(path: string, head: string, size: number): Promise<void> {
  await writeFile(path, head);
  const handle = await open(path, 'r+');
  await handle.truncate(size);
  await handle.close();
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dyad-ingest-'));
  const put = (name: string, data: string | Buffer): Promise<void> => writeFile(join(dir, name), data);
  await mkdir(join(dir, 'news'));
  await copyFile(new URL('courier-helicopters.html', FIXTURES), join(dir, 'news/courier.html'));
  await copyFile(new URL('no-body.html', FIXTURES), join(dir, 'news/no-body.html'));
  await copyFile(new URL('world.rss', FIXTURES), join(dir, 'news/world.rss'));
  await put('news/talks.txt', 'Talks resume in Geneva\n\nGENEVA (Reuters) - Armenian and Azerbaijani envoys met on Monday.\n');
  await put('news/.draft.txt', 'A hidden draft that must not be read.');
  await put('latin1.txt', Buffer.from('Accord sign\xe9 \xe0 Orl\xe9ans\n\nLes ministres ont sign\xe9 un accord \x93historique\x94.\n', 'latin1'));
  await put('utf16le.txt', utf16('Talks in Zürich\n\nThe envoys met in Zürich on Friday.\n', false));
  await put('utf16be.txt', utf16('Talks in Zürich\n\nThe envoys met in Zürich on Friday.\n', true));
  await put('records.jsonl', '{"id":"a1","text":"China pledged aid to Tonga.","date":"2023-03-01"}\nnot json at all\n{"id":"a3"}\n{"text":"No id, no date."}\n');
  await put('records.jsonl.gz', gzipSync('{"id":"g1","text":"Compressed record."}\n'));
  await put('story.txt.gz', gzipSync('Compressed story\n\nThe ministers met in Nairobi on Friday.\n'));
  const full = gzipSync(jsonlRecords(3000));
  await put('truncated.jsonl.gz', full.subarray(0, Math.floor(full.length * 0.6)));
  await put('garbage.txt.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03, 0x04, 0xff, 0xfe, 0xfd]));
  await put('bad16.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]));
  const cp1251 = Buffer.concat([
    Buffer.from('<html><head><meta charset="windows-1251"><title>Moscow talks</title></head><body><article><p>'),
    Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]),
    Buffer.from(' - Russian and Chinese envoys met in Moscow on Monday to discuss trade.</p></article></body></html>'),
  ]);
  await put('news/cp1251.html', cp1251);
  await put('binary.dat', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x00]));
  await put('empty.txt', '');
  await put('blank.txt', '  \n\n \t \n');
  await put('report.pdf', '%PDF-1.4 not really');
  await put('cut.rss', '<rss><channel><title>Cut</title><item><title>Whole item one</title><description>First whole item text.</description></item><item><title>Second');
  await put('sniffed', '{"id":"s1","text":"Sniffed as JSON Lines."}\n');
  await sparse(join(dir, 'huge.txt'), 'A headline\n\nA body.\n', 2 * GIB);
});
after(async () => rm(dir, { recursive: true, force: true }));

async function collect(paths: string[], options: ReadOptions = {}): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const result of readInputs(paths, options)) out.push(result);
  return out;
}

const label = (r: InputResult): string =>
  (r.kind === 'article' ? `article ${r.article.id}` : `${r.problem.code} ${r.problem.input}${r.problem.line ? `:${r.problem.line}` : ''}`).replace(dir, 'D');

test('readInputs reads a folder: every format, encoding and bad input, in path order', async () => {
  const results = await collect([dir], { date: '2024-01-01' });
  const labels = results.map(label).filter((l) => !l.startsWith('article rec-'));
  assert.deepEqual(labels, [
    'E103 D/bad16.txt',
    'E102 D/binary.dat',
    'E101 D/blank.txt',
    'article D/cut.rss#1',
    'E108 D/cut.rss',
    'E101 D/empty.txt',
    'E109 D/garbage.txt.gz',
    'E106 D/huge.txt',
    'article D/latin1.txt',
    'article D/news/courier.html',
    'article D/news/cp1251.html',
    'E107 D/news/no-body.html',
    'article D/news/talks.txt',
    'article D/news/world.rss#1',
    'article D/news/world.rss#2',
    'article D/news/world.rss#3',
    'article a1',
    'E104 D/records.jsonl:2',
    'E105 D/records.jsonl:3',
    'article D/records.jsonl#4',
    'article g1',
    'E110 D/report.pdf',
    'article s1',
    'article D/story.txt.gz',
    'E109 D/truncated.jsonl.gz',
    'article D/utf16be.txt',
    'article D/utf16le.txt',
  ]);
  const byId = new Map(results.flatMap((r) => (r.kind === 'article' ? [[r.article.id.replace(dir, 'D'), r.article] as const] : [])));
  assert.equal(byId.get('D/latin1.txt')?.text, 'Les ministres ont signé un accord “historique”.');
  assert.equal(byId.get('D/latin1.txt')?.title, 'Accord signé à Orléans');
  assert.match(byId.get('D/news/cp1251.html')?.text ?? '', /^Москва - Russian and Chinese envoys/);
  assert.equal(byId.get('D/utf16le.txt')?.text, 'The envoys met in Zürich on Friday.');
  assert.equal(byId.get('D/utf16be.txt')?.text, 'The envoys met in Zürich on Friday.');
  assert.equal(byId.get('D/story.txt.gz')?.text, 'The ministers met in Nairobi on Friday.');
  assert.equal(byId.get('a1')?.date, '2023-03-01', 'a date in the input wins over --date');
  assert.equal(byId.get('D/records.jsonl#4')?.date, '2024-01-01', '--date fills a missing date');
  assert.equal(byId.get('D/news/courier.html')?.date, '2024-05-14T09:12:00+03:00');
  const kept = results.filter((r) => r.kind === 'article' && r.article.id.startsWith('rec-')).length;
  assert.ok(kept > 100 && kept < 3000, `articles before the gzip damage are kept (${kept})`);
  for (const r of results) {
    if (r.kind !== 'problem') continue;
    assert.ok(r.problem.message.startsWith(r.problem.input), `message names the input: ${r.problem.message}`);
    assert.ok(!/\n\s+at /.test(r.problem.message), `no stack trace: ${r.problem.message}`);
    assert.equal(r.problem.stage, 'ingest');
  }
});

test('readInputs sniffs the format of standard input', async () => {
  const cases: Array<{ input: string; want: string[] }> = [
    { input: '{"id":"x1","text":"From a pipe."}\n{"id":"x2","text":"Second."}\n', want: ['article x1', 'article x2'] },
    { input: '<html><body><article><p>Kenya sent 200 police officers to Haiti on Tuesday.</p></article></body></html>', want: ['article -'] },
    { input: 'A headline\n\nA body from a pipe.\n', want: ['article -'] },
    { input: '<?xml version="1.0"?><rss><channel><item><title>Piped item</title></item></channel></rss>', want: ['article -#1'] },
    { input: '', want: ['E101 -'] },
  ];
  for (const { input, want } of cases) {
    const results = await collect(['-'], { stdin: Readable.from([Buffer.from(input)]) });
    assert.deepEqual(results.map(label), want, input);
  }
  const gz = await collect(['-'], { stdin: Readable.from([gzipSync('{"id":"z","text":"Gzip through a pipe."}\n')]) });
  assert.deepEqual(gz.map(label), ['article z']);
});

test('readInputs refuses a 2 GiB single-article file at once, and streams a 2 GiB JSON Lines file', async () => {
  const started = performance.now();
  assert.deepEqual((await collect([join(dir, 'huge.txt')])).map(label), ['E106 D/huge.txt']);
  const big = join(dir, 'big.jsonl');
  await sparse(big, jsonlRecords(200), 2 * GIB);
  assert.deepEqual((await collect([big])).map(label), ['E106 D/big.jsonl'], 'past the 1 GiB default it is refused');
  const first: string[] = [];
  for await (const result of readInputs([big], { maxFileBytes: 4 * GIB })) {
    first.push(label(result));
    if (first.length === 3) break;
  }
  assert.deepEqual(first, ['article rec-1', 'article rec-2', 'article rec-3']);
  assert.ok(performance.now() - started < 5000, 'neither file was read whole');
  await rm(big);
});

test('readInputs applies the article size limit to text, HTML and decompressed data', async () => {
  const small: ReadOptions = { maxArticleBytes: 40 };
  const story = join(dir, 'story.txt.gz');
  const talks = join(dir, 'news/talks.txt');
  assert.deepEqual((await collect([talks, story], small)).map(label), ['E106 D/news/talks.txt', 'E106 D/story.txt.gz']);
});

test('readInputs reports missing paths and unmatched globs and carries on', async () => {
  const results = await collect([join(dir, 'nope.txt'), join(dir, '*.nothing'), join(dir, 'news/*.txt')]);
  assert.deepEqual(results.map(label), ['E100 D/nope.txt', 'E100 D/*.nothing', 'article D/news/talks.txt']);
});

test('readInputs: --date wins over a date read from the text, and a text without one keeps its dateline date', async () => {
  const text = 'Envoys meet\n\nKABUL, March 3, 2020 (Reuters) - Envoys met the Taliban.\n';
  const read = async (date: string | null): Promise<[string | null | undefined, string | null | undefined]> => {
    const results = await collect(['-'], { date, stdin: Readable.from([Buffer.from(text)]) });
    const article = results[0]?.kind === 'article' ? results[0].article : null;
    return [article?.date, article?.dateBasis];
  };
  assert.deepEqual(await read(null), ['2020-03-03', 'dateline']);
  assert.deepEqual(await read('2020-03-05'), ['2020-03-05', 'publication']);
});

test('readInputs reads UTF-16 without a byte-order mark (was: "looks binary")', async () => {
  const text = 'Talks in Zürich\n\nThe envoys met in Zürich on Friday.\n';
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  await writeFile(join(dir, 'nobom-le.txt'), le);
  await writeFile(join(dir, 'nobom-be.txt'), be);
  const results = await collect([join(dir, 'nobom-le.txt'), join(dir, 'nobom-be.txt')]);
  assert.deepEqual(results.map((r) => (r.kind === 'article' ? r.article.text : r.problem.message)), [
    'The envoys met in Zürich on Friday.', 'The envoys met in Zürich on Friday.',
  ]);
});

test('readInputs: a JSON Lines date that is not a calendar date is dropped with a warning naming the record', async () => {
  const records = [
    { id: 'w1', text: 'Envoys met.', date: 'yesterday' },
    { id: 'w2', text: 'Envoys met.', date: 12345 },
    { id: 'w3', text: 'Envoys met.', date: '2020-13-45' },
    { id: 'w4', text: 'Envoys met.', date: '2024-02-30' },
    { id: 'w5', text: 'Envoys met.', date: '2024-02-29' },
    { text: 'Envoys met.', date: 'soon' },
  ];
  const path = join(dir, 'dates.jsonl');
  await writeFile(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const results = await collect([path]);
  const warnings = results.flatMap((r) => (r.kind === 'article' ? (r.warnings ?? []) : [])).map((w) => w.replace(dir, 'D'));
  assert.deepEqual(warnings, [
    'D/dates.jsonl:1: record "w1": "date" "yesterday" is not a calendar date; dropped (the date comes from the text or --date)',
    'D/dates.jsonl:2: record "w2": "date" 12345 is not a calendar date; dropped (the date comes from the text or --date)',
    'D/dates.jsonl:3: record "w3": "date" "2020-13-45" is not a calendar date; dropped (the date comes from the text or --date)',
    'D/dates.jsonl:4: record "w4": "date" "2024-02-30" is not a calendar date; dropped (the date comes from the text or --date)',
    'D/dates.jsonl:6: record: "date" "soon" is not a calendar date; dropped (the date comes from the text or --date)',
  ]);
  const dates = results.map((r) => (r.kind === 'article' ? r.article.date : 'problem'));
  assert.deepEqual(dates, [null, null, null, null, '2024-02-29', null]);
});

test('readInputs: a record whose "text" is not a string says what it is, in plain words', async () => {
  const path = join(dir, 'texts.jsonl');
  await writeFile(path, '{"id":"w1","text":42}\n{"id":"w2"}\n{"id":"w3","text":" "}\n{"id":"w4","text":["a"]}\n');
  const messages = (await collect([path])).map((r) => (r.kind === 'problem' ? r.problem.message.replace(dir, 'D') : 'article'));
  assert.deepEqual(messages, [
    'D/texts.jsonl:1: record "w1" has a "text" that is a number, not a string',
    'D/texts.jsonl:2: record "w2" has no "text" field',
    'D/texts.jsonl:3: record "w3" has an empty "text"',
    'D/texts.jsonl:4: record "w4" has a "text" that is an array, not a string',
  ]);
});

test('readInputs gives every size in MiB', async () => {
  const path = join(dir, 'sizes.jsonl');
  await writeFile(path, `${JSON.stringify({ id: 'big', text: 'x'.repeat(3000) })}\n`);
  const [jsonl] = await collect([path], { maxArticleBytes: 1024 });
  assert.equal(jsonl?.kind === 'problem' && jsonl.problem.message.replace(dir, 'D'), 'D/sizes.jsonl:1: record is larger than 0.0009766 MiB (the limit for one article)');
  const [text] = await collect([join(dir, 'news/talks.txt')], { maxArticleBytes: 64 });
  assert.equal(text?.kind === 'problem' && text.problem.message.replace(dir, 'D'), 'D/news/talks.txt: file is 0.00008583 MiB, larger than 0.00006104 MiB (the limit for one article)');
  const [huge] = await collect([join(dir, 'huge.txt')]);
  assert.equal(huge?.kind === 'problem' && huge.problem.message.replace(dir, 'D'), 'D/huge.txt: file is 2048 MiB, larger than 5 MiB (the limit for one article)');
});

test('readInputs stops a gzip bomb of JSON Lines records past 64 MiB (E109), keeping the records before it', async () => {
  const record = `${JSON.stringify({ id: 'same', text: `Envoys met in Geneva. ${'The talks went on. '.repeat(500)}` })}\n`;
  const path = join(dir, 'bomb.jsonl.gz');
  await writeFile(path, gzipSync(Buffer.from(record.repeat(Math.ceil((70 * 1024 * 1024) / record.length))), { level: 9 }));
  let articles = 0;
  const problems: string[] = [];
  for await (const result of readInputs([path])) {
    if (result.kind === 'article') articles++;
    else problems.push(`${result.problem.code} ${result.problem.message.replace(dir, 'D')}`);
  }
  assert.deepEqual(problems, ['E109 D/bomb.jsonl.gz: inflates more than 200 to 1 (past 64 MiB): a gzip bomb, not news']);
  assert.ok(articles > 1000, `${articles} records before the bomb was seen`);
});
