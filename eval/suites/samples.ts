// Eval suite samples: the bundled sample articles run through `dyad code` + samples/expected.jsonl → golden-check figures.
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { EventRecord } from '../../src/types/index.js';
import { addSetMatch, prfCounts, prf, ratio, type SuiteResult } from '../score.js';

/** An item a careful human coder would record for an event. */
export interface ExpectedItem {
  kind: string;
  text: string;
  model?: string;
  quantity?: number;
  unit?: string;
}

/** One line of samples/expected.jsonl: an event a careful human coder would code. Optional fields are scored only when present. */
export interface ExpectedEvent {
  doc: string;
  source: string;
  target: string | null;
  cameo: string;
  trigger?: string;
  status?: string;
  terms?: string;
  modality?: string;
  negated?: boolean;
  attribution?: string;
  items?: ExpectedItem[];
  note?: string;
}

/** Parses expected.jsonl (one JSON object per non-empty line). */
export function parseExpected(jsonl: string): ExpectedEvent[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ExpectedEvent);
}

const cameoRoot = (cameo: string): string => cameo.slice(0, 2);
/** The primary actor: CAMEO's first three letters of a code (country or organisation), sector dropped. */
const primary = (code: string | null): string => (code === null ? '-' : code.slice(0, 3));

function tripleKey(doc: string, source: string, target: string | null, cameo: string): string {
  return [doc, source, target ?? '-', cameo].join('|');
}

const eventKey = (event: EventRecord): string => tripleKey(event.doc, event.source.code, event.target?.code ?? null, event.cameo);
const expectedKey = (expected: ExpectedEvent): string => tripleKey(expected.doc, expected.source, expected.target, expected.cameo);

const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

function itemFound(expected: ExpectedItem, event: EventRecord): boolean {
  return event.items.some((item) => {
    const sameThing = item.kind === expected.kind || normalise(item.text).includes(normalise(expected.text)) || normalise(expected.text).includes(normalise(item.text));
    const sameCount = expected.quantity === undefined || item.quantity === expected.quantity;
    return sameThing && sameCount;
  });
}

/**
 * Scores coded events of the sample articles against the expected events.
 * - `triple`: set P/R/F1 of (doc, source code, target code, CAMEO code); `root`: the same with the two-digit root;
 *   `actor-root`: root with each actor cut to its primary code (first three letters: `IRQGOV` → `IRQ`).
 * - On expected events whose triple was found (the first predicted event with that key): `negated` and `modality`
 *   and `status` accuracy where the expectation states them, `items` recall (an item matches by kind or text, and by
 *   quantity when one is expected), `attribution` recall (predicted attribution text overlaps the expected one).
 */
export function scoreSamples(expected: ExpectedEvent[], events: EventRecord[]): SuiteResult {
  const triple = prfCounts();
  const root = prfCounts();
  const actorRoot = prfCounts();
  addSetMatch(triple, events.map(eventKey), expected.map(expectedKey));
  addSetMatch(
    root,
    events.map((e) => tripleKey(e.doc, e.source.code, e.target?.code ?? null, e.root)),
    expected.map((x) => tripleKey(x.doc, x.source, x.target, cameoRoot(x.cameo))),
  );
  addSetMatch(
    actorRoot,
    events.map((e) => tripleKey(e.doc, primary(e.source.code), e.target ? primary(e.target.code) : null, e.root)),
    expected.map((x) => tripleKey(x.doc, primary(x.source), x.target === null ? null : primary(x.target), cameoRoot(x.cameo))),
  );

  const byKey = new Map<string, EventRecord>();
  for (const event of events) if (!byKey.has(eventKey(event))) byKey.set(eventKey(event), event);
  const names = ['negated', 'modality', 'status', 'items', 'attribution'] as const;
  const tally = Object.fromEntries(names.map((name) => [name, { right: 0, total: 0 }])) as Record<(typeof names)[number], { right: number; total: number }>;
  const count = (name: (typeof names)[number], right: boolean): void => {
    tally[name].right += right ? 1 : 0;
    tally[name].total += 1;
  };
  for (const want of expected) {
    const got = byKey.get(expectedKey(want));
    if (!got) continue;
    count('negated', got.negated === (want.negated ?? false));
    if (want.modality !== undefined) count('modality', got.modality === want.modality);
    if (want.status !== undefined) count('status', got.status === want.status);
    for (const item of want.items ?? []) count('items', itemFound(item, got));
    if (want.attribution !== undefined) {
      const said = normalise(got.attribution?.text ?? '');
      const wanted = normalise(want.attribution);
      count('attribution', said !== '' && (said.includes(wanted) || wanted.includes(said)));
    }
  }
  const share = (name: (typeof names)[number]): number => ratio(tally[name].right, tally[name].total);
  return {
    'n-expected': expected.length,
    'n-predicted': events.length,
    triple: prf(triple),
    root: prf(root),
    'actor-root': prf(actorRoot),
    'negated-accuracy': share('negated'),
    'modality-accuracy': share('modality'),
    'status-accuracy': share('status'),
    'items-recall': share('items'),
    'attribution-recall': share('attribution'),
  };
}

/** The sample inputs, as paths relative to the repository root (so event `doc`s read `samples/articles/…`). */
export function sampleInputs(root: string): string[] {
  return readdirSync(join(root, 'samples', 'articles'))
    .filter((name) => /\.(txt|html|jsonl)$/.test(name))
    .sort()
    .map((name) => `samples/articles/${name}`);
}

/** JS run by `node --import tsx -e`: the CLI from source, so the suite needs no build. */
const RUN_CLI_FROM_SOURCE = "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv.slice(1));";

/**
 * Runs `dyad code --format jsonl` on the samples from source (through tsx, from `root`) and parses its events.
 * Throws with the CLI's stderr when it prints no events at all.
 */
export function codeSamplesWithCli(root: string): EventRecord[] {
  const args = ['--import', 'tsx', '--input-type=module', '-e', RUN_CLI_FROM_SOURCE, 'code', '--format', 'jsonl', ...sampleInputs(root)];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const events = run.stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as EventRecord);
  if (events.length === 0 && run.status !== 0) throw new Error(`dyad code failed on the samples (exit ${run.status}): ${run.stderr.trim()}`);
  return events;
}

/** Codes the samples with the CLI and scores them against samples/expected.jsonl. */
export function runSamplesSuite(root: string): SuiteResult {
  const expected = parseExpected(readFileSync(join(root, 'samples', 'expected.jsonl'), 'utf8'));
  return scoreSamples(expected, codeSamplesWithCli(root));
}
