// Pipeline tests: the near-duplicate index finds the earliest indexed article a text is a copy of, and nothing for a text that is no copy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signature } from '../ingest/near-duplicate.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';

const STORY = 'Russia delivered four attack helicopters to Mali on Tuesday, the defence ministry in Bamako said, the second such delivery this year. '
  + 'The Mi-35 gunships arrived at the airport in the capital aboard a cargo plane, officials said, and will be used against armed groups in the north.';

test('a copy is linked to the earliest indexed article it copies, whatever else shares its bands', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const index = await NearDuplicateIndex.open(store);
    index.add('other', signature('Turkey condemned the attack by Iraq near the border on Monday, officials said in a statement from Ankara.'));
    index.add('first', signature(STORY));
    index.add('copy-1', signature(`${STORY} (Distributed by Wire One.)`));
    index.add('copy-2', signature(`${STORY} (Distributed by Wire Two.)`));
    assert.equal(await index.find(signature(`${STORY} (Distributed by Wire Three.)`)), 'first');
    assert.equal(await index.find(signature('China urged restraint after officials in Baghdad condemned the strike near the border on Friday.')), null);
    assert.equal(index.unstoredSize, 4);
  } finally {
    await store.close();
  }
});
