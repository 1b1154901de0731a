// Pipeline: coder options → an ArticleCoder that codes in worker threads, a few articles at a time, each stopped hard past its time budget.
import type { Worker } from 'node:worker_threads';
import type { CoderOptions } from '../coder/create-coder.js';
import { loadEquipment } from '../lexicon/load-lexicon.js';
import { addedKinds } from '../link/lexicon-kinds.js';
import type { Article } from '../types/index.js';
import type { ArticleCoder } from './article-coder.js';
import { ARTICLE_BUDGET, type ArticleBudget, type BudgetedResult } from './code-within-budget.js';
import type { CodeWorkerData } from './code-worker.js';
import { spawnWorker } from './spawn-worker.js';

export interface WorkerCoderOptions {
  /** Worker threads, each with its own coder (about 150 MB): the most articles coded at once (default 1). */
  workers?: number;
  budget?: Partial<ArticleBudget>;
  /** Extra time past the article's time budget before its worker is stopped (default 2 s; the worker checks the budget itself first). */
  graceMs?: number;
}

interface Job {
  article: Article;
  resolve: (result: BudgetedResult) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Resolves once the worker has loaded its lexicon. */
  ready: Promise<void>;
  busy: Job | null;
}

/**
 * Codes articles in worker threads, so that the thread that called (an HTTP server) goes on answering meanwhile.
 * At most `workers` articles are coded at once; the rest wait in order. Each worker loads its own lexicon on start.
 * An article still being coded `graceMs` past its time budget has its worker stopped (and replaced): it becomes E401,
 * so no article can hold a worker longer than that. A worker that dies fails only the article it was coding (E400).
 * `coder` must survive a structured clone: no `parser` object (left out, each worker loads Dyad's own parser).
 */
export function workerCoder(coder: CoderOptions, options: WorkerCoderOptions = {}): ArticleCoder {
  // options cross to the worker by structured clone: a parser object (functions) cannot; each worker loads the shipped one
  if (coder.parser !== undefined && coder.parser !== null) throw new TypeError('workerCoder: leave `parser` out (the shipped parser) or null; a parser object cannot cross to a worker');
  const size = Math.max(1, options.workers ?? 1);
  const budget = options.budget ?? {};
  const hardMs = (budget.maxMs ?? ARTICLE_BUDGET.maxMs) + (options.graceMs ?? 2_000);
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const start = (): Slot => {
    const data: CodeWorkerData = { coder, budget };
    const worker = spawnWorker('code-worker', import.meta.url, data);
    let markReady: () => void = () => {};
    const slot: Slot = { worker, ready: new Promise((resolve) => { markReady = resolve; }), busy: null };
    worker.on('message', (message: { ready?: boolean; id?: number; result?: BudgetedResult; error?: string }) => {
      if (message.ready) {
        markReady();
        return;
      }
      const job = slot.busy;
      slot.busy = null;
      worker.unref();
      if (job !== null) {
        if (message.result !== undefined) job.resolve(message.result);
        else job.resolve(problem(job.article, 'E400', `coding failed: ${message.error ?? 'unknown error'}`));
      }
      pump();
    });
    worker.on('error', (err) => fail(slot, problemFor => problemFor('E400', `coding failed: the worker stopped: ${err.message}`)));
    worker.on('exit', () => fail(slot, (problemFor) => problemFor('E400', 'coding failed: the worker exited')));
    // an idle worker must not keep the process alive; a busy one does (see pump)
    worker.unref();
    return slot;
  };

  /** Ends the slot's job (if any) with a problem, replaces its worker, and moves the queue on. */
  const fail = (slot: Slot, make: (problemFor: (code: 'E400' | 'E401', message: string) => BudgetedResult) => BudgetedResult): void => {
    const index = slots.indexOf(slot);
    if (index === -1) return;
    slots.splice(index, 1);
    const job = slot.busy;
    slot.busy = null;
    void slot.worker.terminate();
    if (job !== null) job.resolve(make((code, message) => problem(job.article, code, message)));
    if (!closed) pump();
  };

  const pump = (): void => {
    while (queue.length > 0 && !closed) {
      let slot = slots.find((s) => s.busy === null);
      if (slot === undefined && slots.length < size) {
        slot = start();
        slots.push(slot);
      }
      if (slot === undefined) return;
      const job = queue.shift() as Job;
      slot.busy = job;
      slot.worker.ref();
      const chosen = slot;
      const id = nextId++;
      void chosen.ready.then(() => {
        if (chosen.busy !== job) return;
        const timer = setTimeout(() => {
          if (chosen.busy === job) {
            fail(chosen, (problemFor) => problemFor('E401', `coding took longer than ${hardMs / 1000} s (the time budget for one article); stopped`));
          }
        }, hardMs);
        timer.unref();
        chosen.worker.postMessage({ id, article: job.article });
      });
    }
  };

  // the kinds the workers code with, read here from the lexicon folders' equipment.yaml alone (no lexicon is loaded in this thread)
  const lexiconKinds = addedKinds({ equipment: loadEquipment(coder.lexiconDirs ?? []) });
  return {
    lexiconKinds,
    code: (article) => new Promise<BudgetedResult>((resolve, reject) => {
      if (closed) {
        reject(new Error('the worker coder is closed'));
        return;
      }
      queue.push({ article, resolve, reject });
      pump();
    }),
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the worker coder is closed'));
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}

function problem(article: Article, code: 'E400' | 'E401', message: string): BudgetedResult {
  return { kind: 'problem', problem: { code, input: article.id, message, stage: 'coder' } };
}
