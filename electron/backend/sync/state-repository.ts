import type { Queryable } from '../storage/database';

/** Keys of sync's small key/value table. */
export type SyncStateKey =
  | 'deviceId'
  | 'centerId'
  | 'deviceName'
  | 'enrolledAt'
  | 'revokedAt'
  | 'feedCursor'
  | 'adminPinHash'
  | 'lastSuccessAt'
  | 'restartRequired'
  | 'installId'
  | 'trainingCode';

/** Read one value (null when unset). */
export async function readState(db: Queryable, key: SyncStateKey): Promise<string | null> {
  const row = await db.get<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', [key]);
  return row?.value ?? null;
}

/** Write (or with null, clear) one value. */
export async function writeState(db: Queryable, key: SyncStateKey, value: string | null): Promise<void> {
  if (value === null) await db.run('DELETE FROM sync_state WHERE key = ?', [key]);
  else await db.run('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
}
