// Pipeline: stored events → the mentions clustering reads (each event with its article's outlet, date and near-duplicate link).
import type { MentionInput } from '../types/link.js';
import type { Store } from '../store/store.js';
import type { EventRecord } from '../types/index.js';

/** The mentions of stored events, in the order given: each event with its article's outlet, publication date and near-duplicate link. */
export async function storedMentions(store: Store, events: readonly EventRecord[]): Promise<MentionInput[]> {
  const refs = new Map((await store.articleRefs([...new Set(events.map((e) => e.doc))])).map((r) => [r.id, r]));
  return events.map((event) => {
    const ref = refs.get(event.doc);
    return { event, outlet: ref?.source ?? null, published: ref?.date ?? null, nearDuplicateOf: ref?.nearDuplicateOf ?? null };
  });
}
