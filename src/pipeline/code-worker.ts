// Pipeline worker thread: {id, article} messages → {id, result} with the article's events within budget (codeWithinBudget), one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { createCoderSync, type CoderOptions } from '../coder/create-coder.js';
import type { Article } from '../types/index.js';
import { codeWithinBudget, type ArticleBudget } from './code-within-budget.js';

/** What workerCoder hands each worker at start. */
export interface CodeWorkerData {
  coder: CoderOptions;
  budget: Partial<ArticleBudget>;
}

const data = workerData as CodeWorkerData;
const coder = createCoderSync(data.coder);
parentPort?.on('message', (message: { id: number; article: Article }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: codeWithinBudget(coder, message.article, data.budget) });
  } catch (err) {
    parentPort?.postMessage({ id: message.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
parentPort?.postMessage({ ready: true, problems: coder.problems.length });
