// API edge: an async sequence of text pieces → a byte stream for a download, pulled as the client reads.
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-error.js';

const CHUNK = 64 * 1024;

/**
 * A ReadableStream of the pieces, grouped into chunks of about 64 KiB and produced only as fast as the client
 * reads (a million events never sit in memory). The first piece is read before returning, so that an error in
 * the first store call still becomes a proper error answer; an error later ends the stream.
 */
export async function streamLines(pieces: AsyncIterable<string>, log: (line: string) => void): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.asyncIterator]();
  const first = await iterator.next();
  let pending = first.done ? null : first.value;
  let done = first.done === true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let chunk = pending ?? '';
        pending = null;
        while (!done && chunk.length < CHUNK) {
          const next = await iterator.next();
          if (next.done) done = true;
          else chunk += next.value;
        }
        if (chunk !== '') controller.enqueue(encoder.encode(chunk));
        if (done) controller.close();
      } catch (err) {
        log(`download failed: ${(err as Error).message}`);
        controller.error(err instanceof ApiError ? err : new Error('download failed'));
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Headers of a download with this content type and file name. */
export function downloadHeaders(contentType: string, filename: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  };
}

/** At most `limit` records of a sequence (all when no limit). */
export async function* capped<T>(records: AsyncIterable<T>, limit: number | undefined): AsyncIterable<T> {
  if (limit === undefined) return yield* records;
  let n = 0;
  for await (const record of records) {
    if (n++ >= limit) return;
    yield record;
  }
}

/** A streamed CSV or JSON Lines download of text pieces, named `name.format`. */
export async function download(ctx: ApiContext, pieces: AsyncIterable<string>, format: 'csv' | 'jsonl', name: string): Promise<Response> {
  const body = await streamLines(pieces, ctx.log);
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return new Response(body, { headers: downloadHeaders(type, `${name}.${format}`) });
}
