import sqlite3 from 'sqlite3';
import type { Logger } from 'pino';
import { StorageError } from '../errors';
import { Database } from './database';

/** How to open the database. */
export interface OpenDatabaseOptions {
  logger: Logger;
  busyTimeoutMs?: number;
  slowQueryMs?: number;
}

/** Open (or create) the sqlite file, set WAL + synchronous=FULL and refuse to go on unless they took effect. */
export async function openDatabase(path: string, options: OpenDatabaseOptions): Promise<Database> {
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(path, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (error) =>
      error ? reject(storageFailure(path, error)) : resolve(db),
    );
  });
  const db = new Database(raw, path, { logger: options.logger, slowQueryMs: options.slowQueryMs });
  try {
    await applyPragmas(db, path, options.busyTimeoutMs ?? 5000);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error instanceof StorageError ? error : storageFailure(path, error);
  }
  return db;
}

async function applyPragmas(db: Database, path: string, busyTimeoutMs: number): Promise<void> {
  await db.exec(`PRAGMA busy_timeout=${Math.trunc(busyTimeoutMs)}`);
  await db.get('PRAGMA journal_mode=WAL');
  await db.exec('PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;');
  // Read back: an unsupported file system or an in-memory path silently keeps other values,
  // and "nothing acknowledged is lost" only holds with WAL + FULL.
  const journal = await db.get<{ journal_mode: string }>('PRAGMA journal_mode');
  if (journal?.journal_mode.toLowerCase() !== 'wal') {
    throw new StorageError(
      `the database ${path} cannot use WAL journaling (journal_mode is "${journal?.journal_mode ?? 'unknown'}"); put the data dir on a local disk.`,
    );
  }
  const sync = await db.get<{ synchronous: number }>('PRAGMA synchronous');
  if (sync?.synchronous !== 2) {
    throw new StorageError(`the database ${path} does not keep synchronous=FULL (it is ${sync?.synchronous ?? 'unknown'}).`);
  }
  const fk = await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys');
  if (fk?.foreign_keys !== 1) throw new StorageError(`the database ${path} does not enforce foreign keys.`);
}

function storageFailure(path: string, error: unknown): StorageError {
  const code = (error as { code?: string }).code ?? 'unknown error';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StorageError(`the database ${path} is damaged (${code}); move it away or restore a backup.`, { cause: error });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StorageError(`the database ${path} is locked by another program.`, { cause: error });
  }
  return new StorageError(`the database ${path} cannot be opened (${code}).`, { cause: error });
}
