// CLI tests: a problem as one line on stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblem } from './io.js';

test('formatProblem names the code and the input once, with the line when known', () => {
  assert.equal(formatProblem({ code: 'E600', input: 'w3', message: 'id stored with other content', stage: 'store' }), 'dyad: E600 w3: id stored with other content');
  assert.equal(formatProblem({ code: 'E104', input: 'data.jsonl', line: 3, message: 'record is not valid JSON', stage: 'ingest' }),
    'dyad: E104 data.jsonl:3: record is not valid JSON');
  // ingest problems already open with "path:line:"
  assert.equal(formatProblem({ code: 'E104', input: 'data.jsonl', line: 3, message: 'data.jsonl:3: record is not valid JSON', stage: 'ingest' }),
    'dyad: E104 data.jsonl:3: record is not valid JSON');
});
