// Pipeline stage: read inputs (articles and problems, in order) → what to store for each, in the same order: duplicates skipped, syndicated copies linked, the rest coded — several at once when the coder has threads.
import type { Coder } from '../coder/create-coder.js';
import { contentHash } from '../ingest/content-hash.js';
import type { InputResult } from '../ingest/read-inputs.js';
import { signature } from '../ingest/near-duplicate.js';
import type { ArticleEntry, Store } from '../store/store.js';
import type { Article, Problem } from '../types/index.js';
import type { ArticleCoder } from './article-coder.js';
import { codeWithinBudget, type BudgetedResult } from './code-within-budget.js';
import type { NearDuplicateIndex } from './near-duplicate-index.js';

/** What became of one input, in input order. */
export type Decided =
  /** An input that could not be read (`coded: false`), or an article past its budget (`coded: true`): not stored. */
  | { kind: 'problem'; problem: Problem; coded: boolean }
  /** Content already stored, or earlier in this run: not stored again. */
  | { kind: 'duplicate'; article: Article }
  /** Stored as `entry`; `warnings` say what coding dropped (events past the budget). */
  | { kind: 'entry'; entry: ArticleEntry; warnings: readonly string[]; inputWarnings: readonly string[] };

export interface DecideOptions {
  store: Store;
  /** The index of every article stored before, and of those this run decided to store; added to in input order. */
  nearIndex: NearDuplicateIndex;
  /** Codes in this thread (one article at a time), or an ArticleCoder (with threads: several at once). */
  coder: Coder | ArticleCoder;
  /** Hashes decided for storing but perhaps not stored yet (the caller's batch): duplicates of them are skipped. */
  unstored: ReadonlySet<string>;
  /** Articles being coded at once, at most (default 1). */
  inFlight?: number;
}

/** One article read, with what was decided for it so far. */
interface Pending {
  input: Extract<InputResult, { kind: 'article' }>;
  hash: string;
  sig: Uint32Array;
  duplicate: boolean;
  nearDuplicateOf: string | null;
  /** The coding of an original; kept when the article is decided again (coding is deterministic). */
  coded: Promise<BudgetedResult> | null;
}

/**
 * Decides, in input order, what to store for each article — the decisions `dyad ingest` takes one by one — while
 * up to `inFlight` originals are coded at once. A decision depends on the articles before it (a copy of an earlier
 * one is linked, not coded), and those are taken as read, before their coding ends; when an earlier article's
 * coding then fails (a problem: it is not stored), every later decision in flight is taken again without it. So
 * the output is exactly that of coding one article at a time, whatever `inFlight`.
 */
export async function* decideEntries(inputs: AsyncIterable<InputResult>, options: DecideOptions): AsyncGenerator<Decided> {
  const { store, nearIndex, coder, unstored } = options;
  const inFlight = Math.max(1, options.inFlight ?? 1);
  const code = (article: Article): Promise<BudgetedResult> =>
    'code' in coder ? coder.code(article) : Promise.resolve(codeWithinBudget(coder, article));
  /** Inputs read and not yet given out, in order: problems of reading, and articles. */
  const window: Array<Pending | { problem: Problem }> = [];
  /** Hashes of the window's articles decided for storing. */
  const windowHashes = new Map<string, number>();
  /** Originals of the window being coded (a few: counted when needed, so a decision taken again cannot skew it). */
  const coding = (): number => window.reduce((n, item) => n + (isCodingAt(item) ? 1 : 0), 0);

  const decide = async (item: Pending): Promise<void> => {
    item.duplicate = windowHashes.has(item.hash) || unstored.has(item.hash) || (await store.hasArticle(item.hash));
    if (item.duplicate) return;
    windowHashes.set(item.hash, (windowHashes.get(item.hash) ?? 0) + 1);
    item.nearDuplicateOf = await nearIndex.find(item.sig);
    if (item.nearDuplicateOf === null && item.coded === null) {
      item.coded = code(item.input.article);
    }
    nearIndex.add(item.input.article.id, item.sig);
  };
  const undo = (item: Pending): void => {
    if (item.duplicate) return;
    const left = (windowHashes.get(item.hash) ?? 1) - 1;
    if (left === 0) windowHashes.delete(item.hash);
    else windowHashes.set(item.hash, left);
    nearIndex.removeLast(item.input.article.id);
  };

  /** Gives out the head of the window. */
  async function* next(): AsyncGenerator<Decided> {
    const head = window.shift() as Pending | { problem: Problem };
    if ('problem' in head) {
      yield { kind: 'problem', problem: head.problem, coded: false };
      return;
    }
    if (head.duplicate) {
      yield { kind: 'duplicate', article: head.input.article };
      return;
    }
    const { article } = head.input;
    let events: ArticleEntry['events'] = [];
    let warnings: readonly string[] = [];
    if (head.nearDuplicateOf === null) {
      const outcome = await (head.coded as Promise<BudgetedResult>);
      if (outcome.kind === 'problem') {
        // not stored: the later decisions were taken with it indexed; take them again without it, newest first out
        const later = window.filter((item): item is Pending => !('problem' in item));
        for (const item of [...later].reverse()) undo(item);
        undo(head);
        for (const item of later) await decide(item);
        yield { kind: 'problem', problem: outcome.problem, coded: true };
        return;
      }
      events = outcome.events;
      warnings = outcome.warnings;
    }
    const left = (windowHashes.get(head.hash) ?? 1) - 1;
    if (left === 0) windowHashes.delete(head.hash);
    else windowHashes.set(head.hash, left);
    yield { kind: 'entry', entry: { article, meta: { hash: head.hash, nearDuplicateOf: head.nearDuplicateOf, signature: head.sig }, events }, warnings, inputWarnings: head.input.warnings ?? [] };
  }

  for await (const input of inputs) {
    if (input.kind === 'problem') window.push({ problem: input.problem });
    else {
      const item: Pending = { input, hash: contentHash(input.article.text), sig: signature(input.article.text), duplicate: false, nearDuplicateOf: null, coded: null };
      await decide(item);
      window.push(item);
    }
    // give out what is ready at the head, and wait for the head once enough is being coded
    while (window.length > 0 && (coding() >= inFlight || !isCodingAt(window[0] as Pending | { problem: Problem }))) yield* next();
  }
  while (window.length > 0) yield* next();
}

/** True when the item is an original whose coding is under way. */
function isCodingAt(item: Pending | { problem: Problem }): boolean {
  return 'input' in item && !item.duplicate && item.nearDuplicateOf === null;
}
