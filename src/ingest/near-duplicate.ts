// Ingest identity: article text → MinHash signature over word shingles; two signatures → estimated overlap (near-duplicate or not).

/** Number of 32-bit values in a signature. */
export const SIGNATURE_SIZE = 128;
/** Words per shingle. */
const SHINGLE = 3;
/** Similarity at or above which two texts are taken as copies of one story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;
const EMPTY = 0xffffffff;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * MinHash signature of a text: one-permutation hashing of its 3-word shingles (lower-cased letters and digits) into
 * 128 bins, the minimum hash kept per bin, empty bins filled by rotation from their right-hand neighbour so short
 * texts compare too. Linear in the text length: one hash per shingle. Deterministic across runs and machines.
 * Similar signatures mean overlapping shingle sets (Jaccard similarity): a syndicated copy with another outlet's
 * header, footer and a few edits shares most shingles; another report of the same event in other words shares few.
 */
export function signature(text: string): Uint32Array {
  const words: number[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) words.push(hashWord(match[0]));
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  const k = words.length >= SHINGLE ? SHINGLE : words.length;
  if (k === 0) return sig;
  for (let i = 0; i + k <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ (words[i + j] as number), 0x01000193);
    h = fmix32(h);
    const bin = h & (SIGNATURE_SIZE - 1);
    const value = fmix32(h ^ 0x5bd1e995);
    if (value < (sig[bin] as number)) sig[bin] = value;
  }
  densify(sig);
  return sig;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures, 0…1 (0 when either text had no words). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('signatures differ in size');
  let same = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === EMPTY || b[i] === EMPTY) return 0;
    if (a[i] === b[i]) same++;
  }
  return same / a.length;
}

/** True when two signatures are similar enough to be copies of one story (default threshold 0.5). */
export function isNearDuplicate(a: Uint32Array, b: Uint32Array, threshold = NEAR_DUPLICATE_THRESHOLD): boolean {
  return similarity(a, b) >= threshold;
}

/**
 * Locality-sensitive hashing keys for finding candidate near-duplicates in a store: the signature cut into `bands`
 * bands, each hashed to a short key prefixed with its band number. Two texts at similarity 0.5 share at least one of
 * 32 bands of 4 values with probability ~0.87; at 0.2, ~0.05. Look up candidates by key, then check with `similarity`.
 */
export function lshKeys(sig: Uint32Array, bands = 32): string[] {
  const rows = Math.floor(sig.length / bands);
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h ^ (sig[band * rows + r] as number), 0x01000193));
    keys.push(`${band}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}

/**
 * The LSH keys of `lshKeys` as 32-bit signed integers, for a database index: the band number is mixed into each
 * hash rather than prefixed, so keys of two bands may clash — a clash only adds a candidate that `similarity` then
 * turns down. Distinct values only; none for a text without words (its signature matches nothing).
 */
export function lshKeyNumbers(sig: Uint32Array, bands = 32): number[] {
  if (sig.length === 0 || sig[0] === EMPTY) return [];
  const rows = Math.floor(sig.length / bands);
  const keys = new Set<number>();
  for (let band = 0; band < bands; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h ^ (sig[band * rows + r] as number), 0x01000193));
    keys.add(fmix32(h ^ Math.imul(band + 1, 0x9e3779b1)) | 0);
  }
  return [...keys];
}

/** Packs a signature into bytes for storage (little-endian 32-bit values). */
export function encodeSignature(sig: Uint32Array): Buffer {
  const out = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) out.writeUInt32LE(sig[i] as number, i * 4);
  return out;
}

/** True on a little-endian host, where packed signatures are copied as they are. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Unpacks a signature packed by `encodeSignature`. */
export function decodeSignature(bytes: Uint8Array): Uint32Array {
  const n = Math.floor(bytes.byteLength / 4);
  // a copy of the bytes (a driver's Buffer may be a view into a shared pool) read as they lie
  if (LITTLE_ENDIAN) return new Uint32Array(new Uint8Array(bytes.subarray(0, n * 4)).buffer);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(n);
  for (let i = 0; i < sig.length; i++) sig[i] = buffer.readUInt32LE(i * 4);
  return sig;
}

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fills each empty bin from the nearest originally filled bin to its right (wrapping), salted by the distance (rotation densification). */
function densify(sig: Uint32Array): void {
  const n = sig.length;
  const original = sig.slice();
  for (let i = 0; i < n; i++) {
    if (original[i] !== EMPTY) continue;
    for (let d = 1; d < n; d++) {
      const v = original[(i + d) % n] as number;
      if (v !== EMPTY) {
        sig[i] = fmix32(v + Math.imul(d, 0x9e3779b1));
        break;
      }
    }
  }
}
