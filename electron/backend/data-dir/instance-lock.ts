import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataDirError } from '../errors';

// One Varta per data dir. The lock is an EXCLUSIVE sqlite transaction held open on
// `<dataDir>/varta.lock`: it is an OS file lock (fcntl on POSIX, LockFileEx on Windows), so
// the OS drops it the moment the process exits or is killed, and a supervisor can restart
// a crashed backend at once. A stale-mtime lock (proper-lockfile) would refuse that restart
// until the lock went stale. sqlite also makes two connections of one process conflict,
// which is what a second startBackend() in the same process needs.

/** A held instance lock. */
export interface InstanceLock {
  readonly path: string;
  release(): Promise<void>;
}

/** Take the exclusive lock on the data dir, or throw one sentence if another Varta holds it. */
export async function acquireInstanceLock(dataDir: string): Promise<InstanceLock> {
  const path = join(dataDir, 'varta.lock');
  const db = await openLockFile(path, dataDir);
  // node-sqlite3 waits 1 s on a busy file by default; a held lock will not go away that fast.
  db.configure('busyTimeout', 0);
  try {
    await exec(db, 'PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=MEMORY; BEGIN EXCLUSIVE;');
  } catch (error) {
    await close(db);
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new DataDirError(`another Varta is already running with data dir ${dataDir}.`, { cause: error });
    }
    throw new DataDirError(`the lock file ${path} cannot be used (${code ?? String(error)}).`, { cause: error });
  }
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      await exec(db, 'ROLLBACK;').catch(() => undefined);
      await close(db);
    },
  };
}

function openLockFile(path: string, dataDir: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (error) => {
      if (error) reject(new DataDirError(`data dir ${dataDir} is not writable.`, { cause: error }));
      else resolve(db);
    });
  });
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve) => db.close(() => resolve()));
}
