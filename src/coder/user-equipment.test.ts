// A --lexicon folder's equipment.yaml adds kinds and models to Dyad's own: the items of coded events use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoderSync } from './create-coder.js';

test('equipment.yaml in a lexicon folder adds a kind the items then name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-equipment-'));
  try {
    writeFileSync(join(dir, 'equipment.yaml'), 'kinds:\n  - kind: water-purifier\n    military: false\n    words: [water purifier, water purification unit]\nmodels: []\n');
    const text = 'Japan gave Kenya humanitarian aid including 40 water purifiers on Monday.';
    const kinds = (lexiconDirs: string[]): string[] => createCoderSync({ lexiconDirs }).codeArticle({ id: 'doc-eq', text, date: '2020-01-01' }).flatMap((e) => e.items.map((i) => `${i.kind}:${i.quantity}`));
    assert.ok(!kinds([]).includes('water-purifier:40'), 'Dyad alone has no such kind');
    assert.ok(kinds([dir]).includes('water-purifier:40'), JSON.stringify(kinds([dir])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
