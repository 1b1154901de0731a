// Ingest: raw bytes of one input → content bytes (gzip inflated, BOM dropped, UTF-16 turned into UTF-8) plus a head to sniff.
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DyadError } from '../types/problem.js';
import { SNIFF_BYTES, sniffUtf16 } from './decode-text.js';

/** An input opened for reading: its first bytes for sniffing and all its bytes as a stream. */
export interface OpenedInput {
  /** The first bytes of the content (at least 8 KiB unless the input is shorter), after inflating and transcoding. */
  head: Buffer;
  /** Every byte of the content, head included: inflated when gzip, UTF-8 when the input was UTF-16 with a BOM. */
  chunks: AsyncGenerator<Buffer>;
  /** True when the bytes were gzip (by their magic number, whatever the file name). */
  gzip: boolean;
  /** The encoding the BOM announced; 'utf-8' when there was none (Windows-1252 is decided later, line by line). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/**
 * Opens raw bytes for reading: inflates gzip, strips a UTF-8 BOM, transcodes UTF-16 to UTF-8 (with a BOM, or
 * without one when the head reads as UTF-16: see sniffUtf16).
 * Reads only the head eagerly. Errors while streaming surface when `chunks` is iterated
 * (zlib errors carry a `Z_…` code; invalid UTF-16 throws DyadError E103).
 */
export async function openInput(raw: AsyncIterable<Buffer>, input: string): Promise<OpenedInput> {
  let peeked = await peekBytes(raw, 2);
  const gzip = peeked.head[0] === 0x1f && peeked.head[1] === 0x8b;
  if (gzip) peeked = await peekBytes(gunzipChunks(peeked.chunks, input), SNIFF_BYTES);
  else if (peeked.head.length < SNIFF_BYTES) peeked = await peekBytes(peeked.chunks, SNIFF_BYTES);
  const h = peeked.head;
  let encoding: OpenedInput['encoding'] = 'utf-8';
  let chunks = peeked.chunks;
  if (h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) {
    chunks = dropPrefix(chunks, 3);
  } else if ((h[0] === 0xff && h[1] === 0xfe) || (h[0] === 0xfe && h[1] === 0xff)) {
    encoding = h[0] === 0xff ? 'utf-16le' : 'utf-16be';
    chunks = transcodeUtf16(dropPrefix(chunks, 2), encoding, input);
  } else {
    const sniffed = sniffUtf16(h);
    if (sniffed === null) return { head: h, chunks, gzip, encoding };
    // UTF-16 without a byte-order mark (Windows "Unicode" text saved by some tools): the zero bytes give it away
    encoding = sniffed;
    chunks = transcodeUtf16(chunks, encoding, input);
  }
  const again = await peekBytes(chunks, SNIFF_BYTES);
  return { head: again.head, chunks: again.chunks, gzip, encoding };
}

/** Reads at least `n` bytes (or all, if fewer) from a byte stream; returns them and a stream of every byte, head first. */
export async function peekBytes(source: AsyncIterable<Buffer>, n: number): Promise<{ head: Buffer; chunks: AsyncGenerator<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    parts.push(next.value);
    size += next.value.length;
  }
  const head = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size);
  async function* all(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      while (!done) {
        const next = await it.next();
        if (next.done) done = true;
        else yield next.value;
      }
    } finally {
      if (!done) await it.return?.();
    }
  }
  return { head, chunks: all() };
}

/** Collects a byte stream into one buffer; throws DyadError E106 as soon as it passes `max` bytes (without reading on). */
export async function collectBytes(chunks: AsyncIterable<Buffer>, max: number, input: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > max) throw new DyadError('E106', input, `larger than ${formatBytes(max)} (the limit for one article)`);
    parts.push(chunk);
  }
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size);
}

/** Passes a byte stream through, throwing DyadError E106 once more than `max` bytes have gone by. */
export async function* limitBytes(chunks: AsyncIterable<Buffer>, max: number, input: string): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > max) throw new DyadError('E106', input, `larger than ${formatBytes(max)} (the limit for one file)`);
    yield chunk;
  }
}

/** A size in MiB, the one unit of every size message: "5 MiB", "1024 MiB", "5.031 MiB", "0.0006542 MiB", "just over 5 MiB". */
export function formatBytes(n: number): string {
  // one unit everywhere, so that a size and its limit compare at a glance ("5.3 MiB, larger than 5 MiB")
  const mib = n / (1024 * 1024);
  if (Number.isInteger(mib)) return `${mib} MiB`;
  const shown = Number(mib.toPrecision(4));
  // "5 MiB, larger than 5 MiB" would read as a contradiction
  if (Number.isInteger(shown)) return `just ${mib > shown ? 'over' : 'under'} ${shown} MiB`;
  return `${shown} MiB`;
}

/** Inflated bytes past which the compression ratio is watched: smaller inputs may compress as they like. */
export const BOMB_WATCH_BYTES = 64 * 1024 * 1024;
/** Compression ratio (inflated : compressed) past which gzip data is a bomb, not news: text compresses 3–10 to 1. */
export const BOMB_RATIO = 200;

async function* gunzipChunks(source: AsyncIterable<Buffer>, input: string): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  let compressed = 0;
  let inflated = 0;
  const counted = (async function* () {
    for await (const chunk of source) {
      compressed += chunk.length;
      yield chunk;
    }
  })();
  const from = Readable.from(counted, { objectMode: false });
  from.on('error', (err) => gunzip.destroy(err));
  from.pipe(gunzip);
  try {
    for await (const chunk of gunzip) {
      inflated += (chunk as Buffer).length;
      // a JSON Lines or feed bomb would otherwise stream up to the 1 GiB file limit, coding the same record for hours
      if (inflated > BOMB_WATCH_BYTES && inflated > compressed * BOMB_RATIO) {
        throw new DyadError('E109', input, `inflates more than ${BOMB_RATIO} to 1 (past ${formatBytes(BOMB_WATCH_BYTES)}): a gzip bomb, not news`);
      }
      yield chunk as Buffer;
    }
  } finally {
    from.destroy();
    gunzip.destroy();
  }
}

async function* dropPrefix(source: AsyncIterable<Buffer>, n: number): AsyncGenerator<Buffer> {
  let left = n;
  for await (const chunk of source) {
    if (left > 0) {
      const cut = Math.min(left, chunk.length);
      left -= cut;
      if (cut < chunk.length) yield chunk.subarray(cut);
    } else {
      yield chunk;
    }
  }
}

async function* transcodeUtf16(source: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be', input: string): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    for await (const chunk of source) {
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) yield Buffer.from(text, 'utf8');
    }
    const tail = decoder.decode();
    if (tail.length > 0) yield Buffer.from(tail, 'utf8');
  } catch (err) {
    if (err instanceof TypeError) throw new DyadError('E103', input, `not valid ${encoding.toUpperCase()} text`);
    throw err;
  }
}
