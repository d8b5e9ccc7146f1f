import type { Migration } from './types';

/** Portal sync: key/value state (enrollment, admin PIN, feed cursor), the outbox, pulled data sets, hourly counters. */
export const migration: Migration = {
  version: 4,
  name: 'sync',
  up: `
    CREATE TABLE sync_state (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE outbox (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      stream          TEXT NOT NULL,
      idempotency_id  TEXT NOT NULL UNIQUE,
      payload         TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'quarantined')),
      last_error      TEXT,
      delivered_at    TEXT
    );
    CREATE INDEX outbox_stream_pending ON outbox (stream, state, id);

    CREATE TABLE sync_datasets (
      name       TEXT PRIMARY KEY,
      etag       TEXT,
      fetched_at TEXT NOT NULL,
      count      INTEGER,
      data       TEXT NOT NULL
    );

    CREATE TABLE sync_counters (
      hour    TEXT NOT NULL,
      verdict TEXT NOT NULL,
      count   INTEGER NOT NULL,
      PRIMARY KEY (hour, verdict)
    );
  `,
};
