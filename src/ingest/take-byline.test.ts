// Tests: the "By …" byline lifted from the top of an article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanByline, takeByline } from './take-byline.js';

test('takeByline lifts a byline from the first paragraphs only', () => {
  const cases: Array<{ text: string; byline: string | null; rest: string }> = [
    { text: 'By Jane Roe and John Doe, Reuters\n\nKyiv asked for air defences.', byline: 'Jane Roe and John Doe, Reuters', rest: 'Kyiv asked for air defences.' },
    { text: 'Kyiv asked for air defences.\n\nBY AMINA DIALLO\n\nMore follows.', byline: 'AMINA DIALLO', rest: 'Kyiv asked for air defences.\n\nMore follows.' },
    { text: 'By Jane A. Doe | Jan. 5, 2021\n\nKyiv asked for air defences.', byline: 'Jane A. Doe | Jan. 5, 2021', rest: 'Kyiv asked for air defences.' },
    { text: 'By Jane Doe, Reuters 3 March 2020 10:15 GMT\n\nKyiv asked.', byline: 'Jane Doe, Reuters 3 March 2020 10:15 GMT', rest: 'Kyiv asked.' },
    { text: 'By Tuesday, the talks had stalled. Both sides left.', byline: null, rest: 'By Tuesday, the talks had stalled. Both sides left.' },
    { text: 'A.\n\nB.\n\nC.\n\nBy Late Byline', byline: null, rest: 'A.\n\nB.\n\nC.\n\nBy Late Byline' },
  ];
  for (const { text, byline, rest } of cases) assert.deepEqual(takeByline(text), { byline, text: rest }, text);
});

test('cleanByline tidies bylines from metadata', () => {
  assert.equal(cleanByline('  By   Dana Whitlock | '), 'Dana Whitlock');
  assert.equal(cleanByline('https://example.org/authors/dana'), null);
  assert.equal(cleanByline(''), null);
});
