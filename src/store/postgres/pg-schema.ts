// Store (PostgreSQL): the versioned schema — migrations applied once each, under an advisory lock so that many processes may open one store at once.
//
// Shaped to be distributed (docs/scale.md): every table that grows with the news has a key it can be sharded on
// (articles, sentences, events and items by article; clusters by id; threads by id), and each table that is read with
// them is small and could be a reference table. Text that is compared or sorted (ids, dates, codes, names) is of
// domain `ctext`, collated "C", so that order is byte order, as in SQLite, whatever the database's locale. Dates are
// kept as written (`2020`, `2020-05`, `2020-05-26`) for display and sorting, and as the first and last day they
// cover (`first_day`, `last_day`, days since 1970-01-01) for filtering: a period filter is two integer comparisons.

import { DyadError } from '../../types/index.js';
import type { Pool } from './pg-driver.js';

/** One step of the schema, run in one transaction with its version row. */
interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** Advisory lock key taken while migrating (any constant shared by every Dyad process). */
const MIGRATION_LOCK = 4_242_001;

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'articles, sentences, events, items, clusters, threads',
    sql: `
CREATE DOMAIN ctext AS text COLLATE "C";

CREATE TABLE articles (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id ctext NOT NULL UNIQUE,
  hash ctext NOT NULL UNIQUE,
  title text, date ctext, url text, outlet ctext, byline text, dateline text, language text,
  text text NOT NULL,
  near_duplicate_of ctext REFERENCES articles(id),
  simhash ctext,
  sim0 integer, sim1 integer, sim2 integer, sim3 integer,
  ingested_at text NOT NULL
);
CREATE INDEX articles_sim0 ON articles(sim0) WHERE sim0 IS NOT NULL;
CREATE INDEX articles_sim1 ON articles(sim1) WHERE sim1 IS NOT NULL;
CREATE INDEX articles_sim2 ON articles(sim2) WHERE sim2 IS NOT NULL;
CREATE INDEX articles_sim3 ON articles(sim3) WHERE sim3 IS NOT NULL;

CREATE TABLE sentences (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article bigint NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx integer NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  text text NOT NULL,
  words tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
  UNIQUE (article, idx)
);
CREATE INDEX sentences_words ON sentences USING gin (words);

CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id ctext NOT NULL UNIQUE,
  article bigint NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  sentence integer NOT NULL,
  source_code ctext NOT NULL, source_country ctext, source_name ctext NOT NULL, source_text text NOT NULL,
  source_sector ctext, source_start integer NOT NULL, source_end integer NOT NULL,
  target_code ctext, target_country ctext, target_name ctext, target_text text,
  target_sector ctext, target_start integer, target_end integer,
  cameo ctext NOT NULL, cameo_name text NOT NULL, root ctext NOT NULL, quad integer NOT NULL, goldstein double precision NOT NULL,
  plover_type text NOT NULL, plover_mode text, plover_context text,
  trigger_text text NOT NULL, trigger_start integer NOT NULL, trigger_end integer NOT NULL,
  date ctext, date_precision text NOT NULL, date_basis text NOT NULL,
  first_day integer, last_day integer,
  negated integer NOT NULL, modality ctext NOT NULL, status ctext, terms text,
  attribution text, location text,
  cluster ctext,
  FOREIGN KEY (article, sentence) REFERENCES sentences(article, idx)
);
CREATE INDEX events_dyad ON events(source_code, target_code, first_day);
CREATE INDEX events_target ON events(target_code, first_day);
CREATE INDEX events_cameo ON events(cameo, first_day);
CREATE INDEX events_date ON events(date, seq);
CREATE INDEX events_days ON events(first_day, last_day);
CREATE INDEX events_article ON events(article, sentence);
CREATE INDEX events_cluster ON events(cluster) WHERE cluster IS NOT NULL;

CREATE TABLE event_items (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event bigint NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
  ord integer NOT NULL,
  text text NOT NULL, kind text NOT NULL, model text,
  quantity double precision, max double precision, approx integer NOT NULL, unit text,
  start integer NOT NULL, "end" integer NOT NULL,
  -- item search: "helicopter" finds kind attack-helicopter and text "helicopters" (English stems)
  words tsvector GENERATED ALWAYS AS (to_tsvector('english', kind || ' ' || coalesce(model, '') || ' ' || text)) STORED
);
CREATE INDEX event_items_event ON event_items(event, ord);
CREATE INDEX event_items_words ON event_items USING gin (words);

CREATE TABLE event_clusters (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id ctext NOT NULL UNIQUE,
  source ctext NOT NULL, target ctext,
  cameo ctext NOT NULL, root ctext NOT NULL, negated integer NOT NULL,
  date ctext, date_precision text NOT NULL, date_basis text NOT NULL,
  first_day integer, last_day integer,
  first_reported ctext, last_reported ctext,
  mentions integer NOT NULL, articles integer NOT NULL, sources integer NOT NULL,
  confidence double precision NOT NULL, ambiguous integer NOT NULL,
  status ctext, terms text,
  outlets text NOT NULL, items text NOT NULL, mention_ids text NOT NULL,
  modality ctext NOT NULL, disputed integer NOT NULL, disputing_ids text NOT NULL,
  supporting_sources text NOT NULL, disputing_sources text NOT NULL,
  supporting_count integer NOT NULL, disputing_count integer NOT NULL
);
CREATE INDEX event_clusters_cameo ON event_clusters(cameo, first_day);
CREATE INDEX event_clusters_date ON event_clusters(date);
CREATE INDEX event_clusters_source ON event_clusters(source, date);
CREATE INDEX event_clusters_target ON event_clusters(target, date);

CREATE TABLE threads (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id ctext NOT NULL UNIQUE,
  supplier ctext NOT NULL, recipient ctext NOT NULL, context ctext NOT NULL, status ctext NOT NULL,
  kinds text NOT NULL, missing text NOT NULL,
  opened ctext, last_step ctext,
  -- the span of the thread, [first day of opened, last day of the last step], met by a period filter
  first_day integer, last_day integer
);
CREATE TABLE thread_steps (
  thread bigint NOT NULL REFERENCES threads(seq) ON DELETE CASCADE,
  related integer NOT NULL,
  ord integer NOT NULL,
  role text NOT NULL,
  cluster ctext NOT NULL,
  date ctext,
  step text NOT NULL,
  PRIMARY KEY (thread, related, ord)
);
`,
  },
  {
    version: 2,
    name: 'how far each queue stream is stored',
    sql: 'CREATE TABLE queue_positions (stream ctext PRIMARY KEY, seq bigint NOT NULL);',
  },
  {
    version: 3,
    name: 'the analysts\' corrections, an append-only log',
    // one row per correction, never updated or deleted; small, so a reference table when distributed
    sql: `CREATE TABLE corrections (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id ctext NOT NULL UNIQUE,
  at ctext NOT NULL,
  author text NOT NULL,
  kind ctext NOT NULL,
  body text NOT NULL
);`,
  },
  {
    version: 4,
    name: 'the near-duplicate index in the store: each article\'s MinHash signature and its LSH keys',
    // as SQLite's migration 10: signatures in a table of their own, articles stored without one listed until signed
    sql: `
CREATE TABLE near_signatures (article bigint PRIMARY KEY, signature bytea NOT NULL);
CREATE TABLE near_unsigned (article bigint PRIMARY KEY);
INSERT INTO near_unsigned (article) SELECT seq FROM articles;
CREATE TABLE near_keys (key integer NOT NULL, article bigint NOT NULL, PRIMARY KEY (key, article));
`,
  },
  {
    version: 5,
    name: 'the item kinds a user\'s lexicon added, which the store is linked with',
    // as SQLite's migration 11; a few rows, a reference table when distributed
    sql: 'CREATE TABLE lexicon_kinds (kind ctext PRIMARY KEY, parent ctext, military integer NOT NULL, economic integer NOT NULL);',
  },
];

/** The schema version this code writes. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Creates the schema in an empty database or applies the migrations it lacks. Refuses (E600) a database that holds
 * tables but no Dyad schema, and one written by a newer Dyad: it is never changed.
 */
export async function migratePostgres(pool: Pool, location: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const tables = (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`)).rows
      .map((r) => String(r.table_name));
    if (tables.length > 0 && !tables.includes('dyad_schema_version')) {
      throw new DyadError('E600', location, 'holds tables but is not a Dyad store; it was left untouched');
    }
    await client.query('CREATE TABLE IF NOT EXISTS dyad_schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    const current = Number((await client.query('SELECT coalesce(max(version), 0) AS v FROM dyad_schema_version')).rows[0]?.v ?? 0);
    if (current > PG_SCHEMA_VERSION) {
      throw new DyadError('E600', location, `was written by a newer Dyad (schema ${current}, this one knows ${PG_SCHEMA_VERSION}); it was left untouched`);
    }
    for (const migration of PG_MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO dyad_schema_version (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
