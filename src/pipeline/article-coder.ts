// Pipeline: the asynchronous face of coding — Article → Promise of its events within budget, in this thread or in worker threads.
import type { Coder } from '../coder/create-coder.js';
import { addedKinds } from '../link/lexicon-kinds.js';
import type { Article, ItemKind } from '../types/index.js';
import { codeWithinBudget, type ArticleBudget, type BudgetedResult } from './code-within-budget.js';

/** Codes articles within their budget, possibly off the calling thread (see workerCoder). */
export interface ArticleCoder {
  /** The article's events within budget, or the problem that stopped it; never rejects for the article's own sake. */
  code(article: Article): Promise<BudgetedResult>;
  /** Stops any threads it started. */
  close(): Promise<void>;
  /** The item kinds its lexicon adds to Dyad's own (`addedKinds`): what a store it codes into records. */
  readonly lexiconKinds: readonly ItemKind[];
}

/** The item kinds a coder's lexicon adds to Dyad's own, whether it codes in this thread or in worker threads. */
export function coderKinds(coder: Coder | ArticleCoder): readonly ItemKind[] {
  return 'lexicon' in coder ? addedKinds(coder.lexicon) : coder.lexiconKinds;
}

/** An ArticleCoder that codes in the calling thread (a test, or a caller with nothing else to serve meanwhile). */
export function inProcessCoder(coder: Coder, budget: Partial<ArticleBudget> = {}): ArticleCoder {
  return {
    code: async (article) => codeWithinBudget(coder, article, budget),
    close: async () => {},
    lexiconKinds: addedKinds(coder.lexicon),
  };
}
