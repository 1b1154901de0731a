// Pipeline: MinHash signature → the first article (stored, or decided in this run and not stored yet) it is a syndicated copy of; the index lives in the store.
import { isNearDuplicate, lshKeyNumbers, signature } from '../ingest/near-duplicate.js';
import type { Store } from '../store/store.js';

/** Candidates read per LSH key and round trip. */
const PAGE = 64;

/** An article decided for storing and perhaps not stored yet. */
interface Unstored {
  id: string;
  sig: Uint32Array;
  keys: number[];
}

/**
 * Finds near-duplicates: candidates that share an LSH key, confirmed by similarity, the earliest in storage order
 * winning. Stored articles are looked up in the store's index (`Store.nearKeyMatches`), so memory does not grow with
 * the store and every process sees what any other stored; the articles added here and not yet stored (a batch being
 * written, the articles being coded) are held in memory until `forget`, and come after every stored one.
 * Because the order is the store's, a resumed run decides as an uninterrupted one did.
 */
export class NearDuplicateIndex {
  private unstored: Unstored[] = [];

  private constructor(private readonly store: Store) {}

  /** The index of `store`, after signing the articles stored without a signature (by an older Dyad), once. */
  static async open(store: Store): Promise<NearDuplicateIndex> {
    for await (const article of store.unsignedArticles()) await store.putSignature(article.position, signature(article.text));
    return new NearDuplicateIndex(store);
  }

  /** The id of the earliest indexed article the signature is a near-duplicate of, or null. */
  async find(sig: Uint32Array): Promise<string | null> {
    const keys = lshKeyNumbers(sig);
    if (keys.length === 0) return null;
    const stored = await this.findStored(sig, keys);
    if (stored !== null) return stored;
    const wanted = new Set(keys);
    for (const entry of this.unstored) {
      if (entry.keys.some((key) => wanted.has(key)) && isNearDuplicate(sig, entry.sig)) return entry.id;
    }
    return null;
  }

  /**
   * The earliest stored candidate that is a near-duplicate: each key's candidates are read a page at a time in
   * storage order, and those up to the least position any unfinished key has reached are checked in order, so the
   * first confirmed is the earliest, and a key many articles share costs only the pages read before it.
   */
  private async findStored(sig: Uint32Array, keys: number[]): Promise<string | null> {
    const after = new Map(keys.map((key) => [key, 0]));
    const open = new Set(keys);
    const pending = new Set<number>();
    const checked = new Set<number>();
    while (open.size > 0) {
      const rows = await this.store.nearKeyMatches([...open].map((key) => [key, after.get(key) as number] as const), PAGE);
      const counts = new Map<number, number>();
      for (const { key, position } of rows) {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        after.set(key, Math.max(after.get(key) as number, position));
        if (!checked.has(position)) pending.add(position);
      }
      for (const key of [...open]) if ((counts.get(key) ?? 0) < PAGE) open.delete(key);
      // every candidate at or before `bound` has been read, whichever key it comes under
      const bound = open.size === 0 ? Infinity : Math.min(...[...open].map((key) => after.get(key) as number));
      const ready = [...pending].filter((position) => position <= bound).sort((a, b) => a - b);
      if (ready.length === 0) continue;
      const signatures = new Map((await this.store.nearSignatures(ready)).map((s) => [s.position, s]));
      for (const position of ready) {
        pending.delete(position);
        checked.add(position);
        const candidate = signatures.get(position);
        if (candidate !== undefined && isNearDuplicate(sig, candidate.signature)) return candidate.id;
      }
    }
    return null;
  }

  /** Adds an article decided for storing; it is found, after every stored article, until `forget`. */
  add(id: string, sig: Uint32Array): void {
    this.unstored.push({ id, sig, keys: lshKeyNumbers(sig) });
  }

  /** Takes back the article added last (whose id must be `id`): a decision taken again (decide-entries.ts). */
  removeLast(id: string): void {
    if (this.unstored[this.unstored.length - 1]?.id !== id) throw new Error(`removeLast: ${id} is not the article added last`);
    this.unstored.pop();
  }

  /** Drops added articles that are now stored (the store finds them) or were refused (nothing can be a copy of them). */
  forget(ids: Iterable<string>): void {
    const gone = new Set(ids);
    this.unstored = this.unstored.filter((entry) => !gone.has(entry.id));
  }

  /** Articles held in memory (added, not yet forgotten). */
  get unstoredSize(): number {
    return this.unstored.length;
  }
}
