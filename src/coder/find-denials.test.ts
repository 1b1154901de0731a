// Tests: denials, refusals and negations through the whole coder (Dyad's own lexicon) — never an asserted positive event;
// a denial is the denier's CAMEO 016 beside the denied event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoderSync } from './create-coder.js';
import type { EventRecord, Status } from '../types/index.js';

const coder = createCoderSync();
const code = (text: string): EventRecord[] => coder.codeArticle({ id: 'doc-1', text, date: '2022-10-01' });
/** source>target:code modality, "!" when negated, then the status when there is one. */
const brief = (e: EventRecord): string => `${e.source.code}>${e.target?.code ?? '-'}:${e.cameo} ${e.modality}${e.negated ? '!' : ''}${e.status ? ` ${e.status}` : ''}`;

const cases: Array<{ name: string; text: string; expect: string[] }> = [
  {
    name: 'a denial with a that-clause: the denial is 016, the embedded event is denied, not asserted',
    text: 'The Russian defence ministry denied that it had delivered the tanks to Syria.',
    expect: ['RUSMIL>-:016 asserted', 'RUSMIL>SYR:072 denied!'],
  },
  {
    name: 'a denial with a bare clause',
    text: 'Iran denied it had supplied drones to Russia.',
    expect: ['IRN>-:016 asserted', 'IRN>RUS:072 denied!'],
  },
  {
    name: 'a denial with a perfect gerund',
    text: 'Iran denied having supplied drones to Russia.',
    expect: ['IRN>-:016 asserted', 'IRN>RUS:072 denied!'],
  },
  {
    name: 'a denial with a gerund',
    text: 'Belarus denied sending troops to Ukraine.',
    expect: ['BLR>-:016 asserted', 'BLR>UKR:074 denied!'],
  },
  {
    name: 'a denial of reports that …',
    text: 'China denied reports that it had sent weapons to Russia.',
    expect: ['CHN>-:016 asserted', 'CHN>RUS:072 denied!'],
  },
  {
    name: 'a rejection of claims that … is a denial (016), not a refusal (1222)',
    text: 'Iran rejected claims that it had supplied drones to Russia.',
    expect: ['IRN>-:016 asserted', 'IRN>RUS:072 denied!'],
  },
  {
    name: 'a rejection of allegations that … (simple past in the clause)',
    text: 'Iran rejected allegations that it supplied drones to Russia.',
    expect: ['IRN>-:016 asserted', 'IRN>RUS:072 denied!'],
  },
  {
    name: 'a dismissal of reports that …',
    text: 'China dismissed reports that it had sent weapons to Russia.',
    expect: ['CHN>-:016 asserted', 'CHN>RUS:072 denied!'],
  },
  {
    name: 'the denied clause ends where the sentence goes on to another claim',
    text: 'Russia denied that it had delivered tanks to Syria, but Turkey sent drones to Syria.',
    expect: ['RUS>-:016 asserted', 'RUS>SYR:072 denied!', 'TUR>SYR:072 asserted delivered'],
  },
  {
    name: 'a denial that is itself negated denies nothing',
    text: 'Russia did not deny that it had delivered tanks to Syria.',
    expect: ['RUS>-:016 negated!', 'RUS>SYR:072 asserted delivered'],
  },
  {
    name: 'denying an accusation with no event named is CAMEO 016 (deny responsibility), asserted',
    text: 'Iran denied the accusation.',
    expect: ['IRN>-:016 asserted'],
  },
  {
    name: 'denying an accusation made by someone named: the accuser is the target',
    text: 'Moscow denied the accusations by Kyiv.',
    expect: ['RUSGOV>UKRGOV:016 asserted'],
  },
  {
    name: 'a negated perfect',
    text: 'Russia has not delivered tanks to Syria.',
    expect: ['RUS>SYR:072 negated!'],
  },
  {
    name: '"never"',
    text: 'Russia never sent troops to Libya.',
    expect: ['RUS>LBY:074 negated!'],
  },
  {
    name: '"there was no attack"',
    text: 'There was no attack by Israel on Syria.',
    expect: ['ISR>SYR:190 negated!'],
  },
  {
    name: 'a refusal is an asserted CAMEO 12 event with status refused',
    text: 'Turkey refused to supply drones to Iraq.',
    expect: ['TUR>IRQ:1222 asserted refused'],
  },
  {
    name: 'a negated pledge is no pledge',
    text: 'Russia did not promise to deliver helicopters to Mali.',
    expect: ['RUS>MLI:0332 negated!'],
  },
];

for (const c of cases) {
  test(`denials: ${c.name}`, () => assert.deepEqual(code(c.text).map(brief), c.expect, c.text));
}

const POSITIVE: ReadonlySet<Status> = new Set<Status>(['delivered', 'pledged', 'offered', 'agreed', 'requested', 'conditional']);

test('a denied or negated event is negated and never has a positive status', () => {
  const events = cases.flatMap((c) => code(c.text));
  for (const e of events) {
    if (e.modality === 'denied' || e.modality === 'negated') {
      assert.equal(e.negated, true, brief(e));
      assert.ok(!POSITIVE.has(e.status), brief(e));
    }
    if (e.negated) assert.ok(e.modality === 'denied' || e.modality === 'negated', brief(e));
  }
});

const more: Array<{ name: string; text: string; expect: string[] }> = [
  {
    name: 'the claim noun between the verb and its clause is no accusation of the denier',
    text: 'Iran strongly denied the charges that it had sent drones to Russia.',
    expect: ['IRN>-:016 asserted', 'IRN>RUS:072 denied!'],
  },
  {
    name: 'a denial whose clause codes nothing is the denial itself (016)',
    text: 'Russia denied reports that the talks with Ukraine had failed.',
    expect: ['RUS>-:016 asserted'],
  },
];

for (const c of more) {
  test(`denials: ${c.name}`, () => assert.deepEqual(code(c.text).map(brief), c.expect, c.text));
}

test('the denier is the attribution of a denied event that someone else would have done', () => {
  const e = code('The Kremlin denied that Wagner fighters had attacked the convoy.').find((x) => x.modality === 'denied');
  assert.equal(e?.modality, 'denied');
  assert.equal(e?.source.code, 'WAGNER');
  assert.equal(e?.attribution?.text, 'The Kremlin');
  assert.equal(e?.attribution?.actor, 'RUSGOV');
});

test('the published JSON Schema holds a denied or negated event to negated: true and no status', async () => {
  const { readFileSync } = await import('node:fs');
  const { Ajv } = await import('ajv');
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync('schema/event.schema.json', 'utf8')) as object);
  const events = [...cases, ...more].flatMap((c) => code(c.text));
  assert.ok(events.some((e) => e.modality === 'denied') && events.some((e) => e.modality === 'negated'));
  for (const e of events) assert.ok(validate(e), JSON.stringify(validate.errors));
  const [denied] = events.filter((e) => e.modality === 'denied');
  assert.equal(validate({ ...denied, status: 'delivered' }), false, 'a denied delivery is refused');
  assert.equal(validate({ ...denied, negated: false }), false, 'a denied event not negated is refused');
});

test('a negator inside a name is no negation: "Reporters Without Borders has labeled …", "Doctors Without Borders sent …"', () => {
  for (const text of ['Reporters Without Borders has labeled North Korea the worst country for journalists.', 'Doctors Without Borders sent doctors to Haiti on Monday.']) {
    const events = code(text);
    assert.ok(events.length > 0, text);
    assert.ok(events.every((e) => !e.negated && e.modality === 'asserted'), `${text}: ${JSON.stringify(events.map(brief))}`);
  }
});

test('a verb joined by "or" to a negated one is negated too, a coming one a refusal', () => {
  assert.deepEqual(code('Iraq did not attack Kuwait or threaten Saudi Arabia.').map(brief), ['IRQ>KWT:190 negated!', 'IRQ>SAU:130 negated!']);
  assert.ok(code('North Korea will not dismantle its nuclear programs or improve ties with South Korea.').map(brief).includes('PRK>KOR:120 asserted refused'));
});
