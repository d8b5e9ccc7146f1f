import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../electron/backend/logging/logger';
import type { Database } from '../../../electron/backend/storage/database';
import { openDatabase } from '../../../electron/backend/storage/open-database';

/** A real sqlite file in its own temp dir; `dispose` closes it and removes the dir. */
export async function tempDatabase(): Promise<{ db: Database; dir: string; path: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'varta-db-'));
  const path = join(dir, 'varta.sqlite');
  const db = await openDatabase(path, { logger: silentLogger() });
  return {
    db,
    dir,
    path,
    dispose: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
