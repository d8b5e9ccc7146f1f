import type { Migration } from './types';

// The queue's events live in the shared `events` log (type = the QueueEvent type, data = the whole
// QueueEvent), so WebSocket resume-by-seq covers them. Two side tables:
// - queue_tickets: one row per ticket with its version; every ticket event is applied with a
//   compare-and-set (UPDATE … WHERE id = ? AND version = ?), so two desks can never both move a ticket
//   from the same version, even if the in-memory decision were wrong.
// - queue_requests: (client, request id) → the log seqs it produced, so a retried request is answered
//   with its first result even after the in-memory request memory (last N per client) forgot it.
// - queue_snapshots: the state as JSON at the end of each closed day (written in the day.closed
//   transaction), so start-up replays one day of events, not the whole history.

/** Queue tickets (compare-and-set by version), idempotent client requests, day-end state snapshots. */
export const migration: Migration = {
  version: 3,
  name: 'queue',
  up: `
    CREATE TABLE queue_tickets (
      id         TEXT PRIMARY KEY,
      version    INTEGER NOT NULL CHECK (version >= 1),
      status     TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'closed')),
      desk_no    INTEGER CHECK (desk_no IS NULL OR desk_no BETWEEN 1 AND 999),
      number     TEXT NOT NULL,
      date       TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX queue_tickets_date ON queue_tickets (date);

    CREATE TABLE queue_requests (
      client_id  TEXT NOT NULL,
      request_id TEXT NOT NULL,
      command    TEXT NOT NULL,
      first_seq  INTEGER,
      last_seq   INTEGER,
      created_at TEXT NOT NULL,
      PRIMARY KEY (client_id, request_id)
    ) WITHOUT ROWID;

    CREATE TABLE queue_snapshots (
      seq        INTEGER PRIMARY KEY,
      state      TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
  `,
};
