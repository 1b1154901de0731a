// A nationality before a thing: the state's forces when the thing is used in force, the owners when it is hit,
// never the maker or backer, and no actor at all otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoderSync } from './create-coder.js';
import type { EventRecord } from '../types/index.js';

const coder = createCoderSync();
const dyads = (text: string): string[] =>
  coder.codeArticle({ id: 'doc-things', text, date: '2021-03-01' }).map((e: EventRecord) => `${e.source.code}>${e.target?.code ?? '-'}:${e.root}`);

const cases: Array<{ name: string; text: string; has?: string[]; none?: RegExp }> = [
  { name: 'weapons named by nationality attack for their state', text: 'Israeli helicopters attacked Lebanon on Tuesday.', has: ['ISRMIL>LBN:19'] },
  { name: 'a model designation between nationality and role word', text: 'A U.S. AC-130 gunship attacked Syria early on Monday.', has: ['USAMIL>SYR:19'] },
  { name: 'property named by nationality is the target of force', text: 'Syria shelled Turkish positions on Monday.', has: ['SYR>TUR:19'] },
  { name: 'the maker of a weapon is no attacker', text: 'Chinese-made drones struck Yemen on Monday.', none: /^CHN/ },
  { name: 'the backer of a militia is no attacker', text: 'Iranian-backed militias attacked Iraq on Monday.', none: /^IRN/ },
  { name: 'a proposal named by nationality: its author is the target of the answer', text: 'Iran rejected a French proposal on Monday.', has: ['IRN>FRA:12'] },
  { name: 'accepting a proposal named by nationality answers its author', text: 'Japan accepted a Chinese proposal on Monday.', has: ['JPN>CHN:03'] },
  { name: 'agreeing to mediation named by nationality answers the mediator', text: 'Israel has agreed to US mediation in the talks.', has: ['ISR>USA:03'] },
  { name: 'towns named by nationality are the target of force', text: 'Iran shelled Iraqi towns on Monday.', has: ['IRN>IRQ:19'] },
  { name: 'goods named by nationality are the target of sanctions', text: 'France imposed import restrictions against German goods on Monday.', has: ['FRA>DEU:16'] },
  { name: 'a verb that is also a proposal noun leaves the country an actor', text: 'China demanded commercial terms from Iraq for the drones.', has: ['CHN>IRQ:10'] },
  { name: 'a proposal named by nationality is no party to other events', text: 'A French proposal reached Iran on Monday.', none: /^FRA/ },
  { name: 'people named by nationality are that country\'s civilians', text: 'Gunmen seized a British man in Iraq on Monday.', has: ['---UAF>GBRCVL:18'] },
  { name: 'weapons delivered name no actor', text: 'Russia delivered Chinese helicopters to Mali on Monday.', none: /CHN/ },
  // a nationality before an event noun is the doer of the event
  { name: 'a nationality before an event noun is its doer', text: 'Israeli air strikes killed ten Palestinians in Gaza on Monday.', has: ['ISR>PSE:19'] },
  { name: 'a country written in capitals before an event noun is its doer', text: 'A US air strike killed 20 civilians in Afghanistan on Monday.', has: ['USA>AFGCVL:19'] },
  { name: 'judging a deed named by nationality is aimed at its doer', text: 'Syria condemned the Israeli raid on Monday.', has: ['SYR>ISR:11'] },
  { name: 'a country name before an event noun is a place, not a doer', text: 'The Iraq war cost billions of dollars.', none: /^IRQ/ },
  { name: 'an event noun modifying a noun is a thing, and names no doer', text: 'Russian attack helicopters landed in Mali on Monday.', none: /^RUS>MLI:19/ },
  { name: "an event noun's object ends at a comma", text: "Peru granted asylum to five Panamanian officers after last month's U.S. invasion, the Peruvian embassy said on Tuesday.", none: /^USA>PER/ },
];

for (const c of cases) {
  test(c.name, () => {
    const found = dyads(c.text);
    for (const want of c.has ?? []) assert.ok(found.includes(want), `expected ${want} in ${JSON.stringify(found)}`);
    if (c.none !== undefined) assert.ok(!found.some((d) => c.none?.test(d)), `unexpected ${JSON.stringify(found)}`);
  });
}
