import type { Migration } from './types';

// Roles are checked here too so a bug elsewhere cannot store a scope the API would not accept.
const ROLE_CHECK = "role IN ('checkpoint', 'terminal', 'desk', 'display', 'admin')";

/** The event log, role-scoped tokens and one-time pairing codes. */
export const migration: Migration = {
  version: 1,
  name: 'init',
  up: `
    CREATE TABLE events (
      seq  INTEGER PRIMARY KEY AUTOINCREMENT,
      type TEXT NOT NULL,
      at   TEXT NOT NULL,
      data TEXT NOT NULL
    );

    CREATE TABLE tokens (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      hash       TEXT NOT NULL UNIQUE,
      role       TEXT NOT NULL CHECK (${ROLE_CHECK}),
      desk_no    INTEGER CHECK (desk_no IS NULL OR desk_no BETWEEN 1 AND 999),
      label      TEXT,
      kind       TEXT NOT NULL CHECK (kind IN ('paired', 'session')),
      created_at TEXT NOT NULL,
      revoked_at TEXT
    );

    CREATE TABLE pairing_codes (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      hash       TEXT NOT NULL UNIQUE,
      role       TEXT NOT NULL CHECK (${ROLE_CHECK}),
      desk_no    INTEGER CHECK (desk_no IS NULL OR desk_no BETWEEN 1 AND 999),
      label      TEXT,
      kind       TEXT NOT NULL CHECK (kind IN ('startup', 'minted')),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at    TEXT,
      token_id   INTEGER REFERENCES tokens(id)
    );
  `,
};
