// Tests: splitting a byte stream into numbered lines across chunk boundaries, with over-long lines skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from './split-lines.js';

async function lines(chunks: string[], max: number): Promise<Array<[number, string | null]>> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  const out: Array<[number, string | null]> = [];
  for await (const { line, bytes } of splitLines(source(), max)) out.push([line, bytes === null ? null : bytes.toString()]);
  return out;
}

test('splitLines numbers lines across chunk boundaries', async () => {
  const cases: Array<{ chunks: string[]; max: number; want: Array<[number, string | null]> }> = [
    { chunks: ['a\nb\nc'], max: 100, want: [[1, 'a'], [2, 'b'], [3, 'c']] },
    { chunks: ['ab', 'c\nd', 'e\n'], max: 100, want: [[1, 'abc'], [2, 'de']] },
    { chunks: ['\n\nx\r\n'], max: 100, want: [[1, ''], [2, ''], [3, 'x\r']] },
    { chunks: ['short\n', 'a very long line', ' that goes on\n', 'ok'], max: 10, want: [[1, 'short'], [2, null], [3, 'ok']] },
    { chunks: ['x'.repeat(50)], max: 10, want: [[1, null]] },
    { chunks: [], max: 10, want: [] },
  ];
  for (const { chunks, max, want } of cases) assert.deepEqual(await lines(chunks, max), want, JSON.stringify(chunks));
});
