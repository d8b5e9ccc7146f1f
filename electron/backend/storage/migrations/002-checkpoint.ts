import type { Migration } from './types';

const VERDICT_CHECK = `verdict IN ('valid', 'denied_by_policy', 'already_used', 'expired_code', 'unknown_code', 'typo',
  'document_invalid', 'portal_unavailable', 'kiosk_not_authorised', 'not_an_eid')`;
const GENESIS = '0'.repeat(64);

/**
 * The checkpoint's audit log: one hash-chained row per check (never a photo), and one state row
 * holding the chain's anchor (the last purged row, or genesis) and head (the last appended row),
 * so a purge keeps the chain verifiable and a cut tail is noticed.
 */
export const migration: Migration = {
  version: 2,
  name: 'checkpoint',
  up: `
    CREATE TABLE checkpoint_audit (
      id                   INTEGER PRIMARY KEY,
      at                   TEXT NOT NULL,
      checkpoint           TEXT NOT NULL,
      verdict              TEXT NOT NULL CHECK (${VERDICT_CHECK}),
      code_hmac            TEXT,
      issuer               TEXT,
      series_number_masked TEXT,
      full_name            TEXT,
      prev_hash            TEXT NOT NULL,
      row_hash             TEXT NOT NULL
    );
    CREATE INDEX checkpoint_audit_at ON checkpoint_audit (at);

    CREATE TABLE checkpoint_audit_state (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      anchor_id   INTEGER NOT NULL,
      anchor_hash TEXT NOT NULL,
      head_id     INTEGER NOT NULL,
      head_hash   TEXT NOT NULL
    );
    INSERT INTO checkpoint_audit_state (id, anchor_id, anchor_hash, head_id, head_hash) VALUES (1, 0, '${GENESIS}', 0, '${GENESIS}');
  `,
};
