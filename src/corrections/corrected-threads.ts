// Corrections: the corrected events of a store → its assistance threads built again from them, and a thread filter matched in memory.

import { buildThreads } from '../link/build-threads.js';
import type { Cluster, Thread } from '../link/link-types.js';
import { THREAD_ROOTS } from '../pipeline/mention-linker.js';
import { firstDay, lastDay } from '../store/event-filter.js';
import type { Store, ThreadFilter } from '../store/store.js';
import { threadFilterProblem } from '../store/thread-filter.js';
import { argumentError } from '../store/argument-error.js';
import type { CorrectedView } from './corrected-view.js';

const PAGE = 10_000;
const built = new WeakMap<CorrectedView, Promise<Thread[]>>();

/**
 * The threads of the events `store` answers (a store reading with corrections), built as an ingest builds them, most
 * recent last step first, as the stores list them. Built once per view (a new log or new articles make a new view).
 */
export function correctedThreads(store: Pick<Store, 'clusters'>, view: CorrectedView): Promise<Thread[]> {
  let threads = built.get(view);
  if (threads === undefined) {
    threads = (async () => {
      const clusters: Cluster[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await store.clusters({ root: [...THREAD_ROOTS] }, { sort: 'id', limit: PAGE, offset });
        clusters.push(...page);
        if (page.length < PAGE) break;
      }
      return buildThreads(clusters).sort((a, b) => {
        if (a.lastStep !== b.lastStep) return a.lastStep === null ? 1 : b.lastStep === null ? -1 : a.lastStep > b.lastStep ? -1 : 1;
        return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      });
    })();
    built.set(view, threads);
  }
  return threads;
}

/** True when a thread matches a filter as the stores match it; throws E602 for a malformed filter. */
export function threadMatches(thread: Thread, filter: ThreadFilter): boolean {
  const problem = threadFilterProblem(filter);
  if (problem !== null) throw argumentError('filter', `${problem.field} ${problem.message}`);
  if (filter.party !== undefined) {
    const party = filter.party.toUpperCase();
    if (thread.supplier !== party && thread.recipient !== party) return false;
  }
  if (filter.kind !== undefined && thread.context !== filter.kind && !thread.kinds.includes(filter.kind)) return false;
  if (filter.status !== undefined && thread.status !== filter.status) return false;
  const opened = thread.opened ?? thread.lastStep;
  const last = thread.lastStep ?? thread.opened;
  if (filter.since !== undefined && (last === null || lastDay(last) < firstDay(filter.since))) return false;
  if (filter.until !== undefined && (opened === null || firstDay(opened) > lastDay(filter.until))) return false;
  return true;
}
