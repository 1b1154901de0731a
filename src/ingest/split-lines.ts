// Ingest streaming: a byte stream → its lines as byte slices, numbered from 1, never buffering more than one line.

/** One line of a stream: its 1-based number and bytes (without "\n"), or null bytes when it was longer than allowed. */
export interface LinePiece {
  line: number;
  bytes: Buffer | null;
}

/**
 * Splits bytes on "\n" (a trailing "\r" stays on the line; callers trim). A line longer than `maxLineBytes` is reported
 * with null bytes and skipped without being held in memory, so a huge file with no newlines costs only a chunk at a time.
 * Slices may share memory with the input chunks: use them before asking for the next line.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<LinePiece> {
  let carry: Buffer[] = [];
  let carrySize = 0;
  let overflow = false;
  let line = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline === -1) break;
      line++;
      if (overflow || carrySize + newline - start > maxLineBytes) {
        yield { line, bytes: null };
      } else {
        const piece = chunk.subarray(start, newline);
        yield { line, bytes: carry.length === 0 ? piece : Buffer.concat([...carry, piece], carrySize + piece.length) };
      }
      carry = [];
      carrySize = 0;
      overflow = false;
      start = newline + 1;
    }
    if (start < chunk.length && !overflow) {
      const rest = chunk.subarray(start);
      if (carrySize + rest.length > maxLineBytes) {
        overflow = true;
        carry = [];
        carrySize = 0;
      } else {
        // Copy: the chunk's memory may be reused by the stream before the line ends.
        carry.push(Buffer.from(rest));
        carrySize += rest.length;
      }
    }
  }
  if (overflow) yield { line: line + 1, bytes: null };
  else if (carrySize > 0) yield { line: line + 1, bytes: Buffer.concat(carry, carrySize) };
}
