// Store (SQLite): the versioned schema — an ordered list of migrations, each applied once in its own transaction.
//
// Layout notes:
//   - Every table has an INTEGER PRIMARY KEY `seq` (the rowid, stable across VACUUM) used for joins; public ids
//     (article id, event id) are UNIQUE text columns. Secondary indexes then carry an 8-byte rowid, not a long id.
//   - `events` rows are *mentions*: one sentence of one article. Sentence text lives once in `sentences`
//     (searchable through the external-content FTS5 table `sentences_fts`, kept in step by triggers), never
//     copied into events. Items are searchable the same way through `event_items_fts`.
//   - Planner statistics are fixed (see the end of version 1) and ANALYZE is never run: plans do not drift
//     with the data, and `EXPLAIN QUERY PLAN` in the tests shows the plans users get.
//   - Indexes serve the filters of `EventFilter` on 10 million events: dyads by date, actors, CAMEO code
//     prefixes, dates, roots and quads, statuses, articles; full-text indexes serve sentences and items.
//
// Issue 5 (clusters and threads) is migration 2; the plan it followed (ids as text, JSON for what is read whole):
//   CREATE TABLE event_clusters (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, source_country, target_country, root,
//     cameo, date, date_precision, first_reported, last_reported, mentions INTEGER, sources INTEGER,
//     confidence REAL, items TEXT /* merged items, conflicts flagged */);
//   ALTER TABLE events ADD COLUMN cluster INTEGER REFERENCES event_clusters(seq);   -- events = mentions
//   CREATE INDEX events_cluster ON events(cluster);
//   CREATE TABLE threads (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, supplier, recipient, kind, status, opened, last);
//   CREATE TABLE thread_steps (thread INTEGER REFERENCES threads(seq) ON DELETE CASCADE,
//     cluster INTEGER REFERENCES event_clusters(seq), ord INTEGER, role TEXT, related INTEGER, PRIMARY KEY (thread, cluster));

/** One step of the schema. `sql` may hold several statements; it runs inside a transaction with the version row. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `PRAGMA application_id` of a Dyad store: the bytes "DYAD". Lets Dyad refuse other applications' SQLite files. */
export const APPLICATION_ID = 0x44594144;

/** All migrations, in order. Append only: never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, sentences with full-text search, actors, events, event items',
    sql: `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE,
  title TEXT, date TEXT, url TEXT, outlet TEXT, byline TEXT, dateline TEXT, language TEXT,
  text TEXT NOT NULL,
  near_duplicate_of TEXT REFERENCES articles(id),
  simhash TEXT,
  -- the four 16-bit bands of the SimHash: two hashes within 3 bits share at least one band
  sim0 INTEGER, sim1 INTEGER, sim2 INTEGER, sim3 INTEGER,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_sim0 ON articles(sim0) WHERE sim0 IS NOT NULL;
CREATE INDEX articles_sim1 ON articles(sim1) WHERE sim1 IS NOT NULL;
CREATE INDEX articles_sim2 ON articles(sim2) WHERE sim2 IS NOT NULL;
CREATE INDEX articles_sim3 ON articles(sim3) WHERE sim3 IS NOT NULL;
CREATE INDEX articles_near ON articles(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;

CREATE TABLE sentences (
  seq INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (article, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;

CREATE TABLE actors (
  seq INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  country TEXT,
  sector TEXT,
  as_source INTEGER NOT NULL DEFAULT 0,
  as_target INTEGER NOT NULL DEFAULT 0,
  UNIQUE (code, name)
);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  source_code TEXT NOT NULL, source_country TEXT, source_name TEXT NOT NULL, source_text TEXT NOT NULL,
  source_sector TEXT, source_start INTEGER NOT NULL, source_end INTEGER NOT NULL,
  target_code TEXT, target_country TEXT, target_name TEXT, target_text TEXT,
  target_sector TEXT, target_start INTEGER, target_end INTEGER,
  cameo TEXT NOT NULL, cameo_name TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,
  plover_type TEXT NOT NULL, plover_mode TEXT, plover_context TEXT,
  trigger_text TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
  date TEXT, date_precision TEXT NOT NULL, date_basis TEXT NOT NULL,
  negated INTEGER NOT NULL, modality TEXT NOT NULL, status TEXT, terms TEXT,
  attribution TEXT, -- JSON Attribution
  location TEXT,    -- JSON Location
  FOREIGN KEY (article, sentence) REFERENCES sentences(article, idx)
);
-- roots are searched as CAMEO code ranges ('07' → codes from '07' up to the next root), quads (a quarter of
-- all events each) are filtered on the way, not indexed;
-- actor filters become code equality through the actors table (see event-query.ts), so dyads are
-- (source code, target code, date) seeks; country pairs for dyads() are computed, not searched
CREATE INDEX events_dyad ON events(source_code, target_code, date);
CREATE INDEX events_target ON events(target_code, date);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_status ON events(status, date) WHERE status IS NOT NULL;
CREATE INDEX events_article ON events(article, sentence);

CREATE TABLE event_items (
  seq INTEGER PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL, kind TEXT NOT NULL, model TEXT,
  quantity REAL, max REAL, approx INTEGER NOT NULL, unit TEXT,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX event_items_event ON event_items(event, ord);
-- item search: "helicopter" finds kind attack-helicopter and text "helicopters" (porter stems)
CREATE VIRTUAL TABLE event_items_fts USING fts5(
  kind, model, text, content='event_items', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER event_items_fts_insert AFTER INSERT ON event_items BEGIN
  INSERT INTO event_items_fts (rowid, kind, model, text) VALUES (new.seq, new.kind, new.model, new.text);
END;
CREATE TRIGGER event_items_fts_delete AFTER DELETE ON event_items BEGIN
  INSERT INTO event_items_fts (event_items_fts, rowid, kind, model, text) VALUES ('delete', old.seq, old.kind, old.model, old.text);
END;

-- Fixed planner statistics describing a large collection (10M events, 2M articles), never replaced by ANALYZE:
-- the same plans on a thousand events as on ten million, and no sampled statistics that mislead the planner.
-- Each row: rows in the index, then the average rows per distinct value of its first 1, 2, … columns.
ANALYZE sqlite_schema;
DELETE FROM sqlite_stat1;
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('articles', 'sqlite_autoindex_articles_1', '2000000 1'),
  ('articles', 'sqlite_autoindex_articles_2', '2000000 1'),
  ('articles', 'articles_sim0', '2000000 30'),
  ('articles', 'articles_sim1', '2000000 30'),
  ('articles', 'articles_sim2', '2000000 30'),
  ('articles', 'articles_sim3', '2000000 30'),
  ('articles', 'articles_near', '200000 3'),
  ('sentences', 'sqlite_autoindex_sentences_1', '20000000 10 1'),
  ('actors', 'sqlite_autoindex_actors_1', '50000 2 1'),
  ('actors', 'actors_country', '50000 200'),
  ('events', 'sqlite_autoindex_events_1', '10000000 1'),
  ('events', 'events_dyad', '10000000 2000 100 2'),
  ('events', 'events_target', '10000000 2000 2'),
  ('events', 'events_cameo', '10000000 50000 20'),
  ('events', 'events_date', '10000000 3000'),
  ('events', 'events_status', '3000000 400000 150'),
  ('events', 'events_article', '10000000 5 2'),
  ('event_items', 'event_items_event', '3000000 2 1');
ANALYZE sqlite_schema;
`,
  },
  {
    version: 2,
    name: 'event clusters (one happening, many mentions) and assistance threads',
    sql: `
-- One row per real-world happening. Sides are countries (else codes); JSON columns hold what is read back whole.
CREATE TABLE event_clusters (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL, target TEXT,
  cameo TEXT NOT NULL, root TEXT NOT NULL, negated INTEGER NOT NULL,
  date TEXT, date_precision TEXT NOT NULL, date_basis TEXT NOT NULL,
  first_reported TEXT, last_reported TEXT,
  mentions INTEGER NOT NULL, articles INTEGER NOT NULL, sources INTEGER NOT NULL,
  confidence REAL NOT NULL, ambiguous INTEGER NOT NULL,
  status TEXT, terms TEXT,
  outlets TEXT NOT NULL,     -- JSON string[]
  items TEXT NOT NULL,       -- JSON ClusterItem[] (merged; conflicting quantities flagged)
  mention_ids TEXT NOT NULL  -- JSON string[], ascending
);
-- actor filters reach clusters through their mentions (events.cluster), so sides need no index here
CREATE INDEX event_clusters_cameo ON event_clusters(cameo, date);
CREATE INDEX event_clusters_date ON event_clusters(date);
-- events are the mentions; each points to its cluster by id (clusters are renamed when they merge)
ALTER TABLE events ADD COLUMN cluster TEXT;
CREATE INDEX events_cluster ON events(cluster) WHERE cluster IS NOT NULL;

CREATE TABLE threads (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  supplier TEXT NOT NULL, recipient TEXT NOT NULL, context TEXT NOT NULL, status TEXT NOT NULL,
  kinds TEXT NOT NULL,   -- JSON string[]
  missing TEXT NOT NULL, -- JSON string[]
  opened TEXT, last_step TEXT
);
CREATE INDEX threads_supplier ON threads(supplier);
CREATE INDEX threads_recipient ON threads(recipient);
CREATE TABLE thread_steps (
  thread INTEGER NOT NULL REFERENCES threads(seq) ON DELETE CASCADE,
  related INTEGER NOT NULL, -- 1 for a third party's step that bears on the thread
  ord INTEGER NOT NULL,
  role TEXT NOT NULL,
  cluster TEXT NOT NULL,
  date TEXT,
  step TEXT NOT NULL,       -- JSON ThreadStep or RelatedStep
  PRIMARY KEY (thread, related, ord)
);
CREATE INDEX thread_steps_cluster ON thread_steps(cluster);

INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('event_clusters', 'sqlite_autoindex_event_clusters_1', '5000000 1'),
  ('event_clusters', 'event_clusters_cameo', '5000000 25000 10'),
  ('event_clusters', 'event_clusters_date', '5000000 1500'),
  ('events', 'events_cluster', '10000000 2'),
  ('threads', 'sqlite_autoindex_threads_1', '100000 1'),
  ('threads', 'threads_supplier', '100000 500'),
  ('threads', 'threads_recipient', '100000 500'),
  ('thread_steps', 'sqlite_autoindex_thread_steps_1', '500000 5 3 1'),
  ('thread_steps', 'thread_steps_cluster', '500000 1');
ANALYZE sqlite_schema;
`,
  },
  {
    version: 3,
    name: 'covering indexes for dyads, actor and code filters (bench serve on 1M events)',
    sql: `
-- The dyad, target, date and CAMEO indexes carry every column that dyads() groups and sums and that the common
-- filters test (code, quad, date, countries, Goldstein): a dyad series of one source over 170,000 events, or an
-- actor + code + period page, is then read from one index range and never from the (wide) events rows.
-- Measured on 1M events: dyads of the busiest source by month 1,180 ms → 140 ms; actor + code + since 196 ms → 30 ms.
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source_code, target_code, date, cameo, quad, goldstein, source_country, target_country);
DROP INDEX events_target;
CREATE INDEX events_target ON events(target_code, date, source_code, cameo, quad, goldstein, source_country, target_country);
DROP INDEX events_date;
CREATE INDEX events_date ON events(date, source_code, target_code, cameo, quad, goldstein, source_country, target_country);
DROP INDEX events_cameo;
CREATE INDEX events_cameo ON events(cameo, date, source_code, target_code, quad, goldstein, source_country, target_country);
-- DROP INDEX removed their fixed statistics; the same figures again, extended to the new columns.
DELETE FROM sqlite_stat1 WHERE idx IN ('events_dyad', 'events_target', 'events_date', 'events_cameo');
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('events', 'events_dyad', '10000000 2000 100 2 1 1 1 1 1'),
  ('events', 'events_target', '10000000 2000 2 1 1 1 1 1 1'),
  ('events', 'events_date', '10000000 3000 30 2 1 1 1 1 1'),
  ('events', 'events_cameo', '10000000 50000 20 2 1 1 1 1 1');
ANALYZE sqlite_schema;
`,
  },
  {
    version: 4,
    name: 'dyad counts per country pair and month, kept by triggers',
    sql: `
-- dyads() by month or year at country level, for filters of countries, quads and periods (the timeline, the network,
-- a country's series), sums these rows instead of every event: one row per (source, target, month) holds the
-- count and the Goldstein sum of each quad class. Sides are coalesce(country, code), as dyads() pairs them;
-- period is substr(date, 1, 7) (a year-only date keeps its year), '' when undated. Only events with a target count.
-- Measured on 1M events: the monthly series of the busiest source (170,000 events) 150 ms → 38 ms; all dyads by year 1.3 s → 0.3 s.
CREATE TABLE dyad_periods (
  source TEXT NOT NULL, target TEXT NOT NULL, period TEXT NOT NULL,
  n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL, n4 INTEGER NOT NULL,
  g1 REAL NOT NULL, g2 REAL NOT NULL, g3 REAL NOT NULL, g4 REAL NOT NULL,
  PRIMARY KEY (source, target, period)
) WITHOUT ROWID;
CREATE INDEX dyad_periods_target ON dyad_periods(target, source, period);
INSERT INTO dyad_periods
SELECT coalesce(source_country, source_code), coalesce(target_country, target_code), coalesce(substr(date, 1, 7), ''),
  sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4),
  total(CASE quad WHEN 1 THEN goldstein END), total(CASE quad WHEN 2 THEN goldstein END),
  total(CASE quad WHEN 3 THEN goldstein END), total(CASE quad WHEN 4 THEN goldstein END)
FROM events WHERE target_code IS NOT NULL GROUP BY 1, 2, 3;
CREATE TRIGGER events_dyad_periods_insert AFTER INSERT ON events WHEN new.target_code IS NOT NULL BEGIN
  INSERT INTO dyad_periods (source, target, period, n1, n2, n3, n4, g1, g2, g3, g4)
  VALUES (coalesce(new.source_country, new.source_code), coalesce(new.target_country, new.target_code), coalesce(substr(new.date, 1, 7), ''),
    new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4,
    CASE new.quad WHEN 1 THEN new.goldstein ELSE 0 END, CASE new.quad WHEN 2 THEN new.goldstein ELSE 0 END,
    CASE new.quad WHEN 3 THEN new.goldstein ELSE 0 END, CASE new.quad WHEN 4 THEN new.goldstein ELSE 0 END)
  ON CONFLICT (source, target, period) DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
    n4 = n4 + excluded.n4, g1 = g1 + excluded.g1, g2 = g2 + excluded.g2, g3 = g3 + excluded.g3, g4 = g4 + excluded.g4;
END;
CREATE TRIGGER events_dyad_periods_delete AFTER DELETE ON events WHEN old.target_code IS NOT NULL BEGIN
  UPDATE dyad_periods SET n1 = n1 - (old.quad = 1), n2 = n2 - (old.quad = 2), n3 = n3 - (old.quad = 3), n4 = n4 - (old.quad = 4),
    g1 = g1 - CASE old.quad WHEN 1 THEN old.goldstein ELSE 0 END, g2 = g2 - CASE old.quad WHEN 2 THEN old.goldstein ELSE 0 END,
    g3 = g3 - CASE old.quad WHEN 3 THEN old.goldstein ELSE 0 END, g4 = g4 - CASE old.quad WHEN 4 THEN old.goldstein ELSE 0 END
  WHERE source = coalesce(old.source_country, old.source_code) AND target = coalesce(old.target_country, old.target_code)
    AND period = coalesce(substr(old.date, 1, 7), '');
END;
-- No statement updates these columns of an event today; were one to, its counts move with it.
CREATE TRIGGER events_dyad_periods_update AFTER UPDATE OF source_code, source_country, target_code, target_country, date, quad, goldstein
ON events BEGIN
  UPDATE dyad_periods SET n1 = n1 - (old.quad = 1), n2 = n2 - (old.quad = 2), n3 = n3 - (old.quad = 3), n4 = n4 - (old.quad = 4),
    g1 = g1 - CASE old.quad WHEN 1 THEN old.goldstein ELSE 0 END, g2 = g2 - CASE old.quad WHEN 2 THEN old.goldstein ELSE 0 END,
    g3 = g3 - CASE old.quad WHEN 3 THEN old.goldstein ELSE 0 END, g4 = g4 - CASE old.quad WHEN 4 THEN old.goldstein ELSE 0 END
  WHERE old.target_code IS NOT NULL AND source = coalesce(old.source_country, old.source_code)
    AND target = coalesce(old.target_country, old.target_code) AND period = coalesce(substr(old.date, 1, 7), '');
  INSERT INTO dyad_periods (source, target, period, n1, n2, n3, n4, g1, g2, g3, g4)
  SELECT coalesce(new.source_country, new.source_code), coalesce(new.target_country, new.target_code), coalesce(substr(new.date, 1, 7), ''),
    new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4,
    CASE new.quad WHEN 1 THEN new.goldstein ELSE 0 END, CASE new.quad WHEN 2 THEN new.goldstein ELSE 0 END,
    CASE new.quad WHEN 3 THEN new.goldstein ELSE 0 END, CASE new.quad WHEN 4 THEN new.goldstein ELSE 0 END
  WHERE new.target_code IS NOT NULL
  ON CONFLICT (source, target, period) DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
    n4 = n4 + excluded.n4, g1 = g1 + excluded.g1, g2 = g2 + excluded.g2, g3 = g3 + excluded.g3, g4 = g4 + excluded.g4;
END;
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('dyad_periods', 'dyad_periods', '1000000 5000 20 1'),
  ('dyad_periods', 'dyad_periods_target', '1000000 5000 20 1');
ANALYZE sqlite_schema;
`,
  },
  {
    version: 5,
    name: 'happenings by source and by target side, with their date',
    sql: `
-- The events level filtered by a country (GET /api/events?level=events&source=USA) reads the clusters of that side
-- newest first from here, instead of collecting the cluster of each of the country's mentions first (see
-- clusterSides in cluster-store.ts). Measured on 1M events: the busiest source's first page 840 ms → 1 ms.
CREATE INDEX event_clusters_source ON event_clusters(source, date);
CREATE INDEX event_clusters_target ON event_clusters(target, date);
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('event_clusters', 'event_clusters_source', '5000000 25000 10'),
  ('event_clusters', 'event_clusters_target', '5000000 25000 10');
ANALYZE sqlite_schema;
`,
  },
  {
    version: 6,
    name: 'disputed events: reports that deny an event join it as disputing reports, with the sources on each side',
    sql: `
-- Until now a negated or denied report made a cluster of its own; now it joins the event it disputes, and a cluster
-- carries its modality (asserted, or negated/denied when no report supports it), whether it is disputed, its
-- disputing mentions and the sources on each side (outlet, else document id). The counts (mentions, articles,
-- sources) are of the supporting reports. Existing clusters are one-sided: the backfill below gives them their
-- sides; the next ingest re-clusters the store (MentionLinker.open) and joins denials to the events they dispute.
ALTER TABLE event_clusters ADD COLUMN modality TEXT NOT NULL DEFAULT 'asserted';
ALTER TABLE event_clusters ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_clusters ADD COLUMN disputing_ids TEXT NOT NULL DEFAULT '[]';       -- JSON string[], ascending
ALTER TABLE event_clusters ADD COLUMN supporting_sources TEXT NOT NULL DEFAULT '[]';  -- JSON string[], ascending
ALTER TABLE event_clusters ADD COLUMN disputing_sources TEXT NOT NULL DEFAULT '[]';   -- JSON string[], ascending
ALTER TABLE event_clusters ADD COLUMN supporting_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_clusters ADD COLUMN disputing_count INTEGER NOT NULL DEFAULT 0;
UPDATE event_clusters SET
  modality = CASE WHEN negated = 0 THEN 'asserted'
    WHEN EXISTS (SELECT 1 FROM events e WHERE e.cluster = event_clusters.id AND e.modality = 'denied') THEN 'denied'
    ELSE 'negated' END,
  disputing_ids = CASE WHEN negated = 1 THEN mention_ids ELSE '[]' END,
  supporting_count = CASE WHEN negated = 0 THEN sources ELSE 0 END,
  disputing_count = CASE WHEN negated = 1 THEN sources ELSE 0 END;
UPDATE event_clusters SET supporting_sources = (
  SELECT json_group_array(name) FROM (
    SELECT DISTINCT coalesce(nullif(trim(a.outlet), ''), a.id) AS name
    FROM events e JOIN articles a ON a.seq = e.article WHERE e.cluster = event_clusters.id ORDER BY name))
WHERE negated = 0;
UPDATE event_clusters SET disputing_sources = (
  SELECT json_group_array(name) FROM (
    SELECT DISTINCT coalesce(nullif(trim(a.outlet), ''), a.id) AS name
    FROM events e JOIN articles a ON a.seq = e.article WHERE e.cluster = event_clusters.id ORDER BY name))
WHERE negated = 1;
`,
  },
  {
    version: 7,
    name: 'the first and last day of every dated event, happening and thread, for period filters',
    sql: `
-- A period filter keeps what lies wholly inside it: first_day >= the first day of since, last_day <= the last day of
-- until (days since 1970-01-01, as src/types/day-number.ts counts them). Integers instead of comparing date strings
-- against a '~' bound: the same test on every database whatever its collation. Plain columns written with each row
-- (a generated column would keep the covering indexes from covering: SQLite reads the row to compute it), filled
-- here for the rows already stored; the covering indexes carry them beside the date, whose string range stays the
-- index seek (every date inside the period lies inside that range; see periodTerms in event-query.ts).
ALTER TABLE events ADD COLUMN first_day INTEGER;
ALTER TABLE events ADD COLUMN last_day INTEGER;
UPDATE events SET first_day = CAST(julianday(CASE length(date) WHEN 4 THEN date || '-01-01' WHEN 7 THEN date || '-01' ELSE date END) - 2440587.5 AS INTEGER),
  last_day = CAST(julianday(CASE length(date) WHEN 4 THEN date || '-12-31' WHEN 7 THEN date || '-01' ELSE date END,
    CASE length(date) WHEN 7 THEN '+1 month' ELSE '+0 days' END, CASE length(date) WHEN 7 THEN '-1 day' ELSE '+0 days' END) - 2440587.5 AS INTEGER)
WHERE date IS NOT NULL;
ALTER TABLE event_clusters ADD COLUMN first_day INTEGER;
ALTER TABLE event_clusters ADD COLUMN last_day INTEGER;
UPDATE event_clusters SET first_day = CAST(julianday(CASE length(date) WHEN 4 THEN date || '-01-01' WHEN 7 THEN date || '-01' ELSE date END) - 2440587.5 AS INTEGER),
  last_day = CAST(julianday(CASE length(date) WHEN 4 THEN date || '-12-31' WHEN 7 THEN date || '-01' ELSE date END,
    CASE length(date) WHEN 7 THEN '+1 month' ELSE '+0 days' END, CASE length(date) WHEN 7 THEN '-1 day' ELSE '+0 days' END) - 2440587.5 AS INTEGER)
WHERE date IS NOT NULL;
-- a thread's span: from the first day it was opened to the last day of its last step
ALTER TABLE threads ADD COLUMN first_day INTEGER;
ALTER TABLE threads ADD COLUMN last_day INTEGER;
UPDATE threads SET first_day = CAST(julianday(CASE length(coalesce(opened, last_step)) WHEN 4 THEN coalesce(opened, last_step) || '-01-01' WHEN 7 THEN coalesce(opened, last_step) || '-01' ELSE coalesce(opened, last_step) END) - 2440587.5 AS INTEGER),
  last_day = CAST(julianday(CASE length(coalesce(last_step, opened)) WHEN 4 THEN coalesce(last_step, opened) || '-12-31' WHEN 7 THEN coalesce(last_step, opened) || '-01' ELSE coalesce(last_step, opened) END,
    CASE length(coalesce(last_step, opened)) WHEN 7 THEN '+1 month' ELSE '+0 days' END, CASE length(coalesce(last_step, opened)) WHEN 7 THEN '-1 day' ELSE '+0 days' END) - 2440587.5 AS INTEGER);
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source_code, target_code, date, first_day, last_day, cameo, quad, goldstein, source_country, target_country);
DROP INDEX events_target;
CREATE INDEX events_target ON events(target_code, date, first_day, last_day, source_code, cameo, quad, goldstein, source_country, target_country);
DROP INDEX events_date;
CREATE INDEX events_date ON events(date, first_day, last_day, source_code, target_code, cameo, quad, goldstein, source_country, target_country);
DROP INDEX events_cameo;
CREATE INDEX events_cameo ON events(cameo, date, first_day, last_day, source_code, target_code, quad, goldstein, source_country, target_country);
-- the fixed statistics again: a day column adds nothing to the selectivity of the date before it
DELETE FROM sqlite_stat1 WHERE idx IN ('events_dyad', 'events_target', 'events_date', 'events_cameo');
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('events', 'events_dyad', '10000000 2000 100 2 2 2 1 1 1 1 1'),
  ('events', 'events_target', '10000000 2000 2 2 2 1 1 1 1 1 1'),
  ('events', 'events_date', '10000000 3000 3000 3000 30 2 1 1 1 1 1'),
  ('events', 'events_cameo', '10000000 50000 20 20 20 2 1 1 1 1 1');
ANALYZE sqlite_schema;
`,
  },
  {
    version: 8,
    name: 'how far each queue stream is stored',
    sql: `
-- A worker fed by a NATS JetStream stream stores a batch of its messages and the sequence of the last one in one
-- transaction, so that a worker killed at any moment resumes exactly after what is stored (dyad worker).
CREATE TABLE queue_positions (stream TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
`,
  },
  {
    version: 9,
    name: 'the analysts\' corrections, an append-only log',
    sql: `
-- One row per correction, never updated or deleted (a revert is one more row). The whole correction is kept as JSON;
-- id, time, author and kind are columns to be listed by. Applying them is src/corrections' work, not the store's.
CREATE TABLE corrections (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL
);
`,
  },
  {
    version: 10,
    name: 'the near-duplicate index in the store: each article\'s MinHash signature and its LSH keys',
    sql: `
-- An ingest, a worker or a server finds the syndicated copies of stored articles here, instead of holding every
-- signature in memory (which grew with the store, and had to be rebuilt from every text when a process started).
-- Signatures sit in a table of their own: read from the end of an article row, one would cost its text's pages.
-- Articles stored without a signature (before this, or by a caller that gives none) are listed in near_unsigned
-- until an ingest signs them (unsignedArticles, putSignature).
CREATE TABLE near_signatures (article INTEGER PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE near_unsigned (article INTEGER PRIMARY KEY);
INSERT INTO near_unsigned (article) SELECT seq FROM articles;
CREATE TABLE near_keys (key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (key, article)) WITHOUT ROWID;
`,
  },
  {
    version: 11,
    name: 'the item kinds a user\'s lexicon added, which the store is linked with',
    sql: `
-- The kinds of items (equipment.yaml) a --lexicon folder added to Dyad's own or defined otherwise, as the store's
-- reports were coded and linked with them: every later reader (export, corrections, threads rebuilt) links by Dyad's
-- kinds with these. A store made before is left with none: it was linked with Dyad's own kinds.
CREATE TABLE lexicon_kinds (
  kind TEXT PRIMARY KEY,
  parent TEXT,
  military INTEGER NOT NULL,
  economic INTEGER NOT NULL
) WITHOUT ROWID;
`,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
