// Behaviour of the whole coder on written sentences, against the tiny lexicon in test/fixtures/lexicon-mini.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { createCoderSync } from './create-coder.js';
import type { EventRecord } from '../types/index.js';

const coder = createCoderSync({ builtin: false, lexiconDirs: ['test/fixtures/lexicon-mini'] });
const code = (text: string, date = '2020-05-01'): EventRecord[] => coder.codeArticle({ id: 'doc-1', text, date });
const brief = (e: EventRecord): string => `${e.source.code}>${e.target?.code ?? '-'}:${e.cameo}`;

test('the fixture lexicon loads without problems', () => {
  assert.deepEqual(coder.problems, []);
});

const cases: Array<{ name: string; text: string; expect: string[]; check?: (events: EventRecord[]) => void }> = [
  {
    name: 'a request with items and attribution to a newspaper',
    text: 'Iraqi officials have asked China for military help, in particular for the free supply of armed drones, the Kommersant newspaper reported.',
    expect: ['IRQGOV>CHN:0232'],
    check: ([e]) => {
      assert.equal(e?.status, 'requested');
      assert.equal(e?.modality, 'reported');
      assert.equal(e?.attribution?.text, 'the Kommersant newspaper');
      assert.equal(e?.attribution?.actor, 'RUSMED');
    },
  },
  {
    name: 'a delivery to an indirect object',
    text: 'China has already handed Iraq 20 thousand assault rifles.',
    expect: ['CHN>IRQ:072'],
    check: ([e]) => assert.equal(e?.status, 'delivered'),
  },
  {
    name: 'a capital as metonym and a passive agent, with no target named',
    text: 'The offer was rejected by Beijing.',
    expect: ['CHNGOV>-:120'],
  },
  {
    name: 'a noun event with a possessor, then a passive rejection (of a request for aid: the pattern reads the subject)',
    text: "Baghdad's appeal for help was rejected by Beijing.",
    expect: ['IRQGOV>-:023', 'CHNGOV>IRQGOV:122'],
  },
  {
    name: 'an attack by an armed group',
    text: 'Al-Shabaab militants attacked Somali troops.',
    expect: ['SHABAAB>SOMMIL:190'],
  },
  {
    name: 'a meeting, with a title and a person absent from the lexicon',
    text: 'Iraqi Prime Minister Ali Hassan met with Chinese Foreign Minister Wang Yi.',
    expect: ['IRQGOV>CHNGOV:040'],
    check: ([e]) => {
      assert.equal(e?.source.name, 'Ali Hassan');
      assert.equal(e?.target?.name, 'Wang Yi');
    },
  },
  {
    name: 'a pledge: frame verb + delivery',
    text: 'Russia promised to deliver helicopters to Mali.',
    expect: ['RUS>MLI:0332'],
    check: ([e]) => {
      assert.equal(e?.status, 'pledged');
      assert.equal(e?.modality, 'intended');
    },
  },
  {
    name: 'an appeal frame: the one asked is the target',
    text: 'Iraq urged China to supply weapons to Iraq.',
    expect: ['IRQ>CHN:0232'],
  },
  {
    name: 'a refusal frame',
    text: 'Turkey refused to supply drones to Iraq.',
    expect: ['TUR>IRQ:1222'],
    check: ([e]) => assert.equal(e?.status, 'refused'),
  },
  {
    name: 'a negation keeps the code and says so',
    text: 'Russia did not deliver weapons to Mali.',
    expect: ['RUS>MLI:072'],
    check: ([e]) => {
      assert.equal(e?.negated, true);
      assert.equal(e?.modality, 'negated');
      assert.equal(e?.status, null);
    },
  },
  {
    name: 'a hedged "may"',
    text: 'China may deliver drones to Iraq.',
    expect: ['CHN>IRQ:072'],
    check: ([e]) => assert.equal(e?.modality, 'possible'),
  },
  {
    name: 'a denial',
    text: 'China denied supplying drones to Iraq.',
    expect: ['CHN>IRQ:072'],
    check: ([e]) => assert.equal(e?.modality, 'denied'),
  },
  {
    name: 'coordinated sources share the role word',
    text: 'US and Iraqi officials held talks with Russia.',
    expect: ['USAGOV>RUS:040', 'IRQGOV>RUS:040'],
  },
  {
    name: 'a nationality modifying a thing is no actor',
    text: 'Chinese drones attacked Iraqi troops.',
    expect: [],
  },
  {
    name: 'a capital after "in" is a place',
    text: 'Iraqi officials met with Russian envoys in Beijing.',
    expect: ['IRQGOV>RUSGOV:040'],
  },
  {
    name: 'a pronoun subject takes the previous subject',
    text: 'China met with Iraqi officials. It also handed Iraq weapons.',
    expect: ['CHN>IRQGOV:040', 'CHN>IRQ:072'],
  },
  {
    name: 'a coordinated subject with no other party acts reciprocally',
    text: 'China and Russia held talks on Monday.',
    expect: ['CHN>RUS:040', 'RUS>CHN:040'],
  },
  {
    name: 'an obligation in reported speech is the speaker\'s demand of the one who must act',
    text: 'Russia said Iraq must deliver weapons to Mali.',
    expect: ['RUS>IRQ:1032'],
  },
  {
    name: 'a statement by a party, with no target',
    text: 'Russia said the talks were useful.',
    expect: ['RUS>-:010'],
  },
];

for (const c of cases) {
  test(`codes ${c.name}`, () => {
    const events = code(c.text);
    assert.deepEqual(events.map(brief), c.expect, c.text);
    c.check?.(events);
  });
}

test('the date picks the office a person held', () => {
  const [e2010] = code('Medvedev met with Chinese officials.', '2010-01-01');
  const [e2021] = code('Medvedev met with Chinese officials.', '2021-01-01');
  assert.equal(e2010?.source.code, 'RUSGOV');
  assert.equal(e2021?.source.code, 'RUSLEG');
});

test('evidence offsets point into the article text', () => {
  const text = 'Headline here\n\nIraqi officials have asked China for military help. China has already handed Iraq 20 thousand assault rifles.';
  for (const e of code(text)) {
    assert.equal(text.slice(e.sentence.start, e.sentence.end), e.sentence.text);
    assert.equal(text.slice(e.source.start, e.source.end), e.source.text);
    assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    if (e.target !== null) assert.equal(text.slice(e.target.start, e.target.end), e.target.text);
  }
});

test('ids are stable and distinct', () => {
  const a = code('China has already handed Iraq 20 thousand assault rifles. Russia promised to deliver helicopters to Mali.');
  const b = code('China has already handed Iraq 20 thousand assault rifles. Russia promised to deliver helicopters to Mali.');
  assert.deepEqual(a.map((e) => e.id), b.map((e) => e.id));
  assert.equal(new Set(a.map((e) => e.id)).size, a.length);
});

test('every event validates against the published JSON Schema', () => {
  const schema = JSON.parse(readFileSync('schema/event.schema.json', 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const events = cases.flatMap((c) => code(c.text));
  assert.ok(events.length > 10);
  for (const e of events) assert.ok(validate(e), JSON.stringify(validate.errors));
});

test('hostile and odd text gives no crash', () => {
  for (const text of ['', ' ', '....', '<script>alert(1)</script>', 'a'.repeat(50_000), '\u0000\u0001', 'US US US US', "'s 's"]) {
    assert.ok(Array.isArray(code(text)));
  }
});

test('events carry items, quantities, terms, dates and places', () => {
  const [request] = code('Iraqi officials have asked China for military help, in particular for the free supply of CH-5 armed drones, the Kommersant newspaper reported on Tuesday.', '2020-05-01');
  assert.deepEqual(request?.items.map((i) => [i.kind, i.model, i.quantity]), [['armed-drone', 'CH-5', null]]);
  assert.equal(request?.terms, 'free');
  assert.equal(request?.date, '2020-04-28');
  assert.equal(request?.dateBasis, 'relative');
  const [delivery] = code('China has already handed Iraq 20 thousand assault rifles in Baghdad on March 3, 2019.', '2020-05-01');
  assert.deepEqual(delivery?.items.map((i) => [i.kind, i.quantity]), [['rifle', 20000]]);
  assert.equal(delivery?.date, '2019-03-03');
  assert.equal(delivery?.dateBasis, 'stated');
  assert.equal(delivery?.location?.name, 'Baghdad');
  assert.equal(delivery?.location?.country, 'IRQ');
});

test('an article given no date is dated from its own dateline, and says so; its own date basis is kept', () => {
  const text = 'BAGHDAD, May 14, 2020 (Reuters) - China has already handed Iraq 20 thousand assault rifles. Iraqi officials asked China for drones on Tuesday.';
  const events = coder.codeArticle({ id: 'doc-2', text, date: null });
  const delivery = events.find((e) => e.cameo.startsWith('07'));
  assert.deepEqual([delivery?.date, delivery?.dateBasis], ['2020-05-14', 'dateline']);
  const request = events.find((e) => e.cameo.startsWith('02'));
  // 2020-05-14 is a Thursday: "on Tuesday" counts back from the dateline's day
  assert.deepEqual([request?.date, request?.dateBasis], ['2020-05-12', 'relative']);
  const fromPage = coder.codeArticle({ id: 'doc-3', text: 'China has already handed Iraq 20 thousand assault rifles.', date: '2020-05-14', dateBasis: 'page-metadata' });
  assert.deepEqual([fromPage[0]?.date, fromPage[0]?.dateBasis], ['2020-05-14', 'page-metadata']);
  const yearless = coder.codeArticle({ id: 'doc-4', text: 'BAGHDAD, May 14 (Reuters) - China has already handed Iraq 20 thousand assault rifles.', date: null });
  assert.deepEqual([yearless[0]?.date, yearless[0]?.dateBasis], [null, 'unknown']);
});
