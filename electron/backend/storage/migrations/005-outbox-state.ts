import type { Migration } from './types';

/**
 * The outbox by state: the sync status counts pending and quarantined items after every delivery
 * round, and delivered rows are purged by age (sync.keepDeliveredDays). Without this index each of
 * those read the whole table, delivered rows included, while holding the one connection the queue
 * hub commits on.
 */
export const migration: Migration = {
  version: 5,
  name: 'outbox-state',
  up: `
    CREATE INDEX outbox_state ON outbox (state, created_at);
  `,
};
