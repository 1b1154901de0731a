// Pipeline: an in-memory LSH index of MinHash signatures → the first article a new one is a syndicated copy of.
import { isNearDuplicate, lshKeys, signature } from '../ingest/near-duplicate.js';
import type { Store } from '../store/store.js';

/** Finds near-duplicates among the articles added so far (candidates by LSH key, confirmed by similarity). */
export class NearDuplicateIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly ids: string[] = [];
  private readonly signatures: Uint32Array[] = [];

  /**
   * The index an ingest holds after storing what the store holds: every stored article, copies included, in
   * storage order — the order an uninterrupted run added them in, so a resumed run finds the same originals.
   */
  static async fromStore(store: Store): Promise<NearDuplicateIndex> {
    const index = new NearDuplicateIndex();
    for await (const article of store.iterateTexts()) index.add(article.id, signature(article.text));
    return index;
  }

  /** The id of the earliest indexed article the signature is a near-duplicate of, or null. */
  find(signature: Uint32Array): string | null {
    let best = -1;
    for (const key of lshKeys(signature)) {
      for (const i of this.buckets.get(key) ?? []) {
        if ((best < 0 || i < best) && isNearDuplicate(signature, this.signatures[i] as Uint32Array)) best = i;
      }
    }
    return best < 0 ? null : (this.ids[best] ?? null);
  }

  add(id: string, signature: Uint32Array): void {
    const i = this.ids.length;
    this.ids.push(id);
    this.signatures.push(signature);
    for (const key of lshKeys(signature)) {
      const list = this.buckets.get(key);
      if (list === undefined) this.buckets.set(key, [i]);
      else list.push(i);
    }
  }

  /** Takes back the article added last (whose id must be `id`): a decision taken again (decide-entries.ts). */
  removeLast(id: string): void {
    const i = this.ids.length - 1;
    if (this.ids[i] !== id) throw new Error(`removeLast: ${id} is not the article added last`);
    for (const key of lshKeys(this.signatures[i] as Uint32Array)) {
      const list = this.buckets.get(key) as number[];
      list.pop();
      if (list.length === 0) this.buckets.delete(key);
    }
    this.ids.pop();
    this.signatures.pop();
  }

  get size(): number {
    return this.ids.length;
  }
}
