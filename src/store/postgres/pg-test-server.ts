// Store tests (PostgreSQL): the machine's server → a throw-away database per store a test opens, dropped at the end of the run.

import { createPool, type Pool } from './pg-driver.js';

/**
 * The server the PostgreSQL tests use: `DYAD_TEST_POSTGRES` (a URL of any database there, used to create and drop
 * the test databases), else the local server with trust authentication as CI starts it (.ci/run).
 */
export const TEST_SERVER = process.env.DYAD_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Throw-away databases on the test server: `create()` makes one and gives its URL; `dropAll()` drops them. */
export interface TestDatabases {
  create(): Promise<string>;
  dropAll(): Promise<void>;
}

/** Connects to the test server, or gives the reason it cannot (the tests then skip, saying why). */
export async function testDatabases(): Promise<TestDatabases | string> {
  let admin: Pool;
  try {
    admin = createPool(TEST_SERVER, 1);
    await admin.query('SELECT 1');
  } catch (err) {
    return `no PostgreSQL at ${TEST_SERVER} (${(err as Error).message}); .ci/run starts one`;
  }
  const made: string[] = [];
  const prefix = `dyad_test_${process.pid}_${Date.now().toString(36)}`;
  return {
    async create() {
      const name = `${prefix}_${made.length}`;
      // the name is ours (letters, digits, underscores): identifiers cannot be parameters
      await admin.query(`CREATE DATABASE ${name}`);
      made.push(name);
      const url = new URL(TEST_SERVER);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dropAll() {
      for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
