// CLI edge: a soft ceiling on the heap of long batch runs — a full collection when the live heap passes a mark.
//
// Coding a large corpus makes a lot of short-lived garbage that V8 promotes to the old generation and collects only
// when that generation has grown to a multiple of its live size: a 100 MB working set reaches 250+ MB of heap before
// V8 looks. A batch job gains nothing from that slack, so after each article the command checks the heap and, past
// the ceiling, runs a full collection itself. Unlike `--max-old-space-size` this never makes a large input fail: a
// heap that is really that big is simply collected less often (the mark moves up with what survives).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The collector, exposed once at start-up (`--expose-gc` set at run time; the function is read from a new context). */
function exposeGc(): (() => void) | null {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/** What the ceiling did, for tests and progress lines. */
export interface HeapCeiling {
  /** Call between units of work (articles); collects when the heap is past the mark. */
  check(): void;
  readonly collections: number;
}

/**
 * A ceiling at `megabytes` of used heap. After a collection the mark becomes at least twice what survived, so a
 * working set near the ceiling is not collected after every article. `heapUsed` and `collect` are for tests.
 */
export function heapCeiling(megabytes: number, hooks: { heapUsed?: () => number; collect?: (() => void) | null } = {}): HeapCeiling {
  const heapUsed = hooks.heapUsed ?? ((): number => process.memoryUsage().heapUsed);
  const collect = hooks.collect === undefined ? exposeGc() : hooks.collect;
  const floor = megabytes * 1048576;
  let mark = floor;
  let collections = 0;
  let sinceCheck = 0;
  return {
    check(): void {
      // reading the heap size costs a microsecond or two: look every 16 articles
      if (collect === null || (sinceCheck = (sinceCheck + 1) % 16) !== 0) return;
      if (heapUsed() < mark) return;
      collect();
      collections++;
      mark = Math.max(floor, 2 * heapUsed());
    },
    get collections(): number {
      return collections;
    },
  };
}
