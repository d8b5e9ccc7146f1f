import { StorageError } from '../errors';
import type { Database } from './database';
import { MIGRATIONS, type Migration } from './migrations';

/** What a migration run did. */
export interface MigrationReport {
  applied: number[];
  version: number;
}

/** Check that versions run 1, 2, 3… without gaps or repeats (a programming error otherwise). */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`migration "${m.name}" has version ${m.version}; expected ${index + 1}`);
    }
  });
}

/** Apply every pending migration in order, each in its own transaction; refuse a newer database. */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => Date = () => new Date(),
): Promise<MigrationReport> {
  checkMigrationList(migrations);
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const rows = await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  const applied = new Set(rows.map((r) => r.version));
  const known = migrations.length;
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    throw new StorageError(
      `the database ${db.path} comes from a newer Varta (schema version ${newest}, this Varta knows up to ${known}); update Varta or use another data dir.`,
    );
  }
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.up);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        now().toISOString(),
      ]);
    });
    done.push(m.version);
  }
  return { applied: done, version: known };
}
