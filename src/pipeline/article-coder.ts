// Pipeline: the asynchronous face of coding — Article → Promise of its events within budget, in this thread or in worker threads.
import type { Coder } from '../coder/create-coder.js';
import type { Article } from '../types/index.js';
import { codeWithinBudget, type ArticleBudget, type BudgetedResult } from './code-within-budget.js';

/** Codes articles within their budget, possibly off the calling thread (see workerCoder). */
export interface ArticleCoder {
  /** The article's events within budget, or the problem that stopped it; never rejects for the article's own sake. */
  code(article: Article): Promise<BudgetedResult>;
  /** Stops any threads it started. */
  close(): Promise<void>;
}

/** An ArticleCoder that codes in the calling thread (a test, or a caller with nothing else to serve meanwhile). */
export function inProcessCoder(coder: Coder | Promise<Coder>, budget: Partial<ArticleBudget> = {}): ArticleCoder {
  return {
    code: async (article) => codeWithinBudget(await coder, article, budget),
    close: async () => {},
  };
}
