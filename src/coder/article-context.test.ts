// Actors resolved across an article: the dateline's country, an earlier mention of the same kind, people by surname.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoderSync } from './create-coder.js';
import type { EventRecord } from '../types/index.js';

const coder = createCoderSync();
const code = (text: string): EventRecord[] => coder.codeArticle({ id: 'doc-ctx', text, date: '2021-03-01' });
const dyads = (events: EventRecord[]): string[] => events.filter((e) => e.target !== null).map((e) => `${e.source.code}>${e.target?.code ?? '-'}:${e.root}`);

const cases: Array<{ name: string; text: string; has?: string[]; hasNot?: RegExp }> = [
  {
    name: 'a headline\'s title and surname are the person the lead introduces in full',
    text: 'Minister Okonkwo meets Ghana leaders.\nNigerian Foreign Minister Chidi Okonkwo arrived in Accra on Monday for talks with Ghana.',
    has: ['NGAGOV>GHAGOV:04'],
  },
  {
    name: 'a title and the first word of a name that puts the family name first',
    text: 'President Hu congratulates Sihamoni on becoming king of Cambodia. Chinese President Hu Jintao sent a message to Norodom Sihamoni on Thursday.',
    has: ['CHNGOV>KHMGOV:05'],
  },
  {
    name: 'a first name alone is no one introduced',
    text: 'Nigerian Foreign Minister Chidi Okonkwo arrived in Accra on Monday. Chidi Adeyemi criticised Ghana on Tuesday.',
    hasNot: /^NGAGOV>GHA:11/,
  },
  {
    name: 'a generic agent takes the country of the dateline',
    text: 'Gunship hits rebels.\nNAJAF, Iraq (Reuters) - U.S. troops attacked militia positions on Monday.',
    has: ['USAMIL>IRQREB:19'],
  },
  {
    name: 'a generic agent takes the country an earlier mention of its kind named',
    text: 'Turkish troops crossed the border on Monday. The troops attacked Syria on Tuesday.',
    has: ['TURMIL>SYR:19'],
  },
  {
    name: 'with neither, a generic agent keeps no country',
    text: 'Soldiers attacked Syria on Tuesday.',
    has: ['---MIL>SYR:19'],
  },
  {
    name: 'a person introduced with a country and a title keeps both when named by surname alone',
    text: 'Iraqi Foreign Minister Karim Sadoun arrived in Ankara on Monday. Sadoun met Turkish officials on Tuesday.',
    has: ['IRQGOV>TURGOV:04'],
  },
  {
    name: 'a country after "in" is the target where a verb pattern takes it ("arrived in Kuwait")',
    text: 'Iraqi President Ghazi al-Yawar arrived in Kuwait on Saturday for a two-day official visit.',
    has: ['IRQGOV>KWT:04'],
  },
  {
    name: 'a city visited stands for its country',
    text: 'Taiwan President Chen Shui-bian visited Seattle under tight security.',
    has: ['TWNGOV>USA:04'],
  },
  {
    name: 'a place of fighting is no target where the other side is named',
    text: 'Syrian troops attacked Israeli soldiers in Lebanon on Monday.',
    hasNot: /LBN/,
  },
  {
    name: 'an outlet tag in brackets is no party',
    text: 'Japan to Deport Chess Champion to Iceland (Reuters). Japan will deport him, officials said.',
    hasNot: /MED/,
  },
  {
    name: 'a state and its own government named twice are no dyad',
    text: 'Iran on Monday praised Tehran for its restraint.',
    hasNot: /^IRN>IRNGOV/,
  },
];

for (const c of cases) {
  test(c.name, () => {
    const found = dyads(code(c.text));
    for (const want of c.has ?? []) assert.ok(found.includes(want), `expected ${want} in ${JSON.stringify(found)}`);
    if (c.hasNot !== undefined) assert.ok(!found.some((d) => c.hasNot?.test(d)), `unexpected ${JSON.stringify(found)}`);
  });
}

test('an unnamed role no sentence or dateline gives a country is no target; a named party wins over it', () => {
  const dyadic = code('Soldiers killed three civilians on Monday.').filter((e) => e.target !== null);
  assert.deepEqual(dyadic.map((e) => e.target?.code), []);
  const sent = code('Poland sent 2,500 troops to Iraq on Monday.').filter((e) => e.target !== null).map((e) => e.target?.code);
  assert.ok(sent.includes('IRQ'), JSON.stringify(sent));
});
