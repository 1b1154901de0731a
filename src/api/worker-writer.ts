// API edge: store location + coder options → an ArticleWriter whose reading, coding, storing and linking run in a worker thread, so the request thread only answers.
import type { Worker } from 'node:worker_threads';
import type { CoderOptions } from '../coder/create-coder.js';
import { spawnWorker } from '../pipeline/spawn-worker.js';
import { ApiError } from './api-error.js';
import type { ArticleWriter, PostAnswer } from './post-articles.js';
import type { WriteReply, WriteRequest, WriteWorkerData } from './write-worker.js';

/** An ArticleWriter in a worker thread; `close()` lets the thread finish, close its store and stop. */
export interface WorkerWriter extends ArticleWriter {
  close(): Promise<void>;
}

interface Waiting {
  resolve: (answer: PostAnswer) => void;
  reject: (err: Error) => void;
}

/**
 * Writes posted bodies in one worker thread with its own connection to the store at `db` (a path or a postgres://
 * URL) and its own code worker (`coder`, options that survive a structured clone): the thread that serves reads
 * does none of a write's work — not the HTML cleaning, coding, near-duplicate search, linking or thread rebuilds, nor
 * the store's writes — and never waits for it. The thread starts on the first write; if it dies, the writes in it
 * fail (500) and the next write starts another. What it holds is bounded by the caller's limit on pending writes.
 */
export function workerWriter(db: string, coder: CoderOptions): WorkerWriter {
  let worker: Worker | null = null;
  const waiting = new Map<number, Waiting>();
  let next = 0;
  let closed = false;

  const failAll = (err: Error): void => {
    for (const job of waiting.values()) job.reject(err);
    waiting.clear();
  };

  const start = (): Worker => {
    const data: WriteWorkerData = { db, coder };
    const started = spawnWorker('write-worker', import.meta.url, data);
    started.on('message', (message: WriteReply) => {
      if ('ready' in message) return;
      if ('fatal' in message) {
        failAll(new Error(`the writer thread could not start: ${message.fatal}`));
        return;
      }
      const job = waiting.get(message.id);
      waiting.delete(message.id);
      // an idle writer must not keep the process alive; one with writes in hand does
      if (waiting.size === 0) started.unref();
      if (job === undefined) return;
      if ('answer' in message) job.resolve(message.answer);
      else if (message.error.detail !== null) job.reject(new Error(message.error.detail));
      else job.reject(new ApiError(message.error.status as ApiError['status'], message.error.code, message.error.message));
    });
    started.on('error', (err) => failAll(new Error(`the writer thread stopped: ${err.message}`)));
    started.on('exit', () => {
      failAll(new Error('the writer thread exited'));
      if (worker === started) worker = null;
    });
    started.unref();
    return started;
  };

  return {
    post(body, contentType) {
      return new Promise<PostAnswer>((resolve, reject) => {
        if (closed) {
          reject(new Error('the writer is closed'));
          return;
        }
        worker ??= start();
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.ref();
        const request: WriteRequest = { id, body, contentType };
        worker.postMessage(request);
      });
    },
    async close() {
      closed = true;
      const running = worker;
      if (running === null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.ref();
      const request: WriteRequest = { close: true };
      running.postMessage(request);
      // a thread that does not finish its writes and close its store within 10 s is stopped
      const timer = setTimeout(() => void running.terminate(), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
