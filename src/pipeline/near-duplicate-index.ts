// Pipeline: an in-memory LSH index of MinHash signatures → the first article a new one is a syndicated copy of.
import { isNearDuplicate, lshKeys } from '../ingest/near-duplicate.js';

/** Finds near-duplicates among the articles added so far (candidates by LSH key, confirmed by similarity). */
export class NearDuplicateIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly ids: string[] = [];
  private readonly signatures: Uint32Array[] = [];

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

  get size(): number {
    return this.ids.length;
  }
}
