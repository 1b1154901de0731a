// Corrections: a Store + a callback → the same Store, calling back after every call that writes (so a corrected view built over it is read again).
import type { Store } from '../store/store.js';

/** The Store methods that change what queries answer. */
const WRITES: ReadonlySet<string> = new Set<keyof Store>([
  'putArticle', 'putArticles', 'putEvents', 'transaction', 'applyClusterChange', 'putThreads', 'appendCorrections',
]);

/**
 * `store`, with `onWrite` called after each writing call settles (whether it succeeded or not). A server links posted
 * articles through the store itself (its linker must see the reports as coded) while its routes read through a
 * corrected view: the view is told to read again, as it could not learn it from `changeMark` (which marks only what
 * other processes write).
 */
export function watchWrites(store: Store, onWrite: () => void): Store {
  return new Proxy(store, {
    get(target, key): unknown {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (typeof key !== 'string' || !WRITES.has(key)) return method.bind(target);
      return async (...args: unknown[]): Promise<unknown> => {
        try {
          return await method.apply(target, args);
        } finally {
          onWrite();
        }
      };
    },
  });
}
