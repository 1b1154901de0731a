// Roles read from hand-written dependency trees: subject and object, passive with its agent, xcomp frames, control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWordLists } from '../lexicon/load-lexicon.js';
import type { Mention } from './mention.js';
import { sentenceTree, treeRoles } from './tree-roles.js';

/** A tree from "word/head/label" triples (heads 1-based as in CoNLL-U, 0 for the root) and mentions by word index. */
function build(spec: string, actors: Record<number, string>): { words: string[]; mentions: Mention[]; tree: ReturnType<typeof sentenceTree> } {
  const rows = spec.split(' ').map((item) => item.split('/'));
  const words = rows.map((r) => r[0] ?? '');
  const head = Int16Array.from(rows.map((r) => Number(r[1]) - 1));
  const labels = rows.map((r) => r[2] ?? 'dep');
  const mentions: Mention[] = Object.entries(actors).map(([at, code]) => ({
    first: Number(at), last: Number(at) + 1, code, country: code.slice(0, 3), name: code, sector: null, basis: 'country', group: -1, media: false, generic: false,
  }));
  return { words, mentions, tree: sentenceTree(0, head, labels, words, defaultWordLists()) };
}

function roles(spec: string, actors: Record<number, string>, trigger: number, noun = false): { source: string | null; target: string | null; passive: boolean; hasSubject: boolean } {
  const { words, mentions, tree } = build(spec, actors);
  const r = treeRoles(tree, trigger, mentions, words, noun);
  return { source: r.source?.code ?? null, target: r.target?.code ?? null, passive: r.passive, hasSubject: r.hasSubject };
}

test('subject and indirect object: "China handed Iraq rifles"', () => {
  assert.deepEqual(roles('China/2/nsubj handed/0/root Iraq/2/iobj rifles/2/obj ./2/punct', { 0: 'CHN', 2: 'IRQ' }, 1), { source: 'CHN', target: 'IRQ', passive: false, hasSubject: true });
});

test('a passive takes its agent as source and its subject as target', () => {
  assert.deepEqual(roles('Iraq/3/nsubj:pass was/3/aux:pass attacked/0/root by/5/case Iran/3/obl:agent', { 0: 'IRQ', 4: 'IRN' }, 2), { source: 'IRN', target: 'IRQ', passive: true, hasSubject: true });
});

test('an xcomp shares the subject of its verb and an oblique with "to" is the target', () => {
  assert.deepEqual(roles('China/2/nsubj promised/0/root to/4/mark deliver/2/xcomp rifles/4/obj to/7/case Iraq/4/obl', { 0: 'CHN', 6: 'IRQ' }, 3), { source: 'CHN', target: 'IRQ', passive: false, hasSubject: true });
});

test('object control: in "Iraq asked China to supply drones" China supplies', () => {
  const r = roles('Iraq/2/nsubj asked/0/root China/2/obj to/5/mark supply/2/xcomp drones/5/obj', { 0: 'IRQ', 2: 'CHN' }, 4);
  assert.equal(r.source, 'CHN');
});

test('a place after "in" is neither source nor target, and a subject without an actor names none', () => {
  assert.deepEqual(roles('Bombs/2/nsubj killed/0/root children/2/obj in/5/case Baghdad/2/obl', { 4: 'IRQGOV' }, 1), { source: null, target: null, passive: false, hasSubject: true });
});

test('the owner inside an object noun phrase is the target: "attacked a Hamas training camp"', () => {
  const r = roles('Israel/2/nsubj attacked/0/root a/6/det Hamas/6/compound training/6/compound camp/2/obj', { 0: 'ISR', 3: 'HAMAS' }, 1);
  assert.equal(r.target, 'HAMAS');
});

test('an event noun takes its possessor as source and an nmod with "to" as target', () => {
  const r = roles("Iraq/3/nmod:poss 's/1/case request/0/root to/5/case China/3/nmod", { 0: 'IRQ', 4: 'CHN' }, 2, true);
  assert.deepEqual([r.source, r.target], ['IRQ', 'CHN']);
});

test('a content clause on a noun with its own subject is active: "reports that it had sent weapons to Russia"', () => {
  const { words, mentions, tree } = build('China/2/nsubj denied/0/root reports/2/obj that/7/mark it/7/nsubj had/7/aux sent/3/acl weapons/7/obj to/10/case Russia/7/obl', { 0: 'CHN', 9: 'RUS' });
  const r = treeRoles(tree, 6, mentions, words, false);
  assert.deepEqual([r.passive, r.sourcePronoun, r.pronoun, r.antecedent?.code, r.target?.code], [false, true, 4, "CHN", "RUS"]);
});

test('a reduced relative is passive: "drones supplied by Iran"', () => {
  const { words, mentions, tree } = build('drones/0/root supplied/1/acl by/4/case Iran/2/obl:agent', { 3: 'IRN' });
  const r = treeRoles(tree, 1, mentions, words, false);
  assert.deepEqual([r.passive, r.source?.code], [true, 'IRN']);
});

test('a relative clause hung on the verb stands for the actor just before "who"; an object pronoun is marked', () => {
  const { words, mentions, tree } = build('Pakistan/2/nsubj met/0/root Vatican/2/obj ,/3/punct who/6/nsubj urged/2/advcl:relcl him/6/obj', { 0: 'PAK', 2: 'VAT' });
  const r = treeRoles(tree, 5, mentions, words, false);
  assert.deepEqual([r.source?.code, r.targetPronoun], ['VAT', 6]);
});
