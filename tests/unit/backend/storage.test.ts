import { afterEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../../electron/backend/errors';
import { silentLogger } from '../../../electron/backend/logging/logger';
import { checkMigrationList, migrate } from '../../../electron/backend/storage/migrate';
import { MIGRATIONS, type Migration } from '../../../electron/backend/storage/migrations';
import { openDatabase } from '../../../electron/backend/storage/open-database';
import { tempDatabase } from './helpers';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

async function freshDb() {
  const t = await tempDatabase();
  disposers.push(t.dispose);
  return t;
}

const fixedNow = () => new Date('2025-03-01T10:00:00.000Z');

describe('opening the database', () => {
  it('runs in WAL with synchronous=FULL and foreign keys on (read back)', async () => {
    const { db } = await freshDb();
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
  });

  it('refuses to start where WAL cannot be used (an in-memory database)', async () => {
    const error = await openDatabase(':memory:', { logger: silentLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe(
      'the database :memory: cannot use WAL journaling (journal_mode is "memory"); put the data dir on a local disk.',
    );
  });
});

describe('migrations', () => {
  it('creates the schema on a fresh database and records each migration', async () => {
    const { db } = await freshDb();
    const report = await migrate(db, MIGRATIONS, fixedNow);
    expect(report).toEqual({ applied: MIGRATIONS.map((m) => m.version), version: MIGRATIONS.length });
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['events', 'pairing_codes', 'schema_migrations', 'tokens']));
    expect(await db.all('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: '2025-03-01T10:00:00.000Z' })),
    );
  });

  it('is idempotent: a second run applies nothing and changes nothing', async () => {
    const { db } = await freshDb();
    await migrate(db, MIGRATIONS, fixedNow);
    const before = await db.all('SELECT * FROM schema_migrations');
    expect(await migrate(db, MIGRATIONS, () => new Date())).toEqual({ applied: [], version: MIGRATIONS.length });
    expect(await db.all('SELECT * FROM schema_migrations')).toEqual(before);
  });

  it('applies only the new ones, in order, when the list grows', async () => {
    const { db } = await freshDb();
    await migrate(db, MIGRATIONS, fixedNow);
    const next: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'a', up: 'CREATE TABLE a (id INTEGER PRIMARY KEY);' },
      { version: MIGRATIONS.length + 2, name: 'b', up: 'CREATE TABLE b (a_id INTEGER REFERENCES a(id));' },
    ];
    expect((await migrate(db, next, fixedNow)).applied).toEqual([MIGRATIONS.length + 1, MIGRATIONS.length + 2]);
  });

  it('rolls back a failing migration entirely and records nothing', async () => {
    const { db } = await freshDb();
    await migrate(db, MIGRATIONS, fixedNow);
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', up: 'CREATE TABLE half (id INTEGER); CREATE TABLE half (id INTEGER);' },
    ];
    await expect(migrate(db, broken, fixedNow)).rejects.toThrow(/already exists/);
    expect(await db.get("SELECT name FROM sqlite_master WHERE name = 'half'")).toBeUndefined();
    expect((await db.all('SELECT version FROM schema_migrations')).length).toBe(MIGRATIONS.length);
  });

  it('refuses a database from a newer Varta with one sentence', async () => {
    const { db, path } = await freshDb();
    await migrate(db, MIGRATIONS, fixedNow);
    await db.run("INSERT INTO schema_migrations VALUES (42, 'from-the-future', '2030-01-01T00:00:00.000Z')");
    const error = await migrate(db, MIGRATIONS, fixedNow).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe(
      `the database ${path} comes from a newer Varta (schema version 42, this Varta knows up to ${MIGRATIONS.length}); update Varta or use another data dir.`,
    );
  });

  it('insists on versions 1, 2, 3… in the list', () => {
    expect(() => checkMigrationList(MIGRATIONS)).not.toThrow();
    expect(() => checkMigrationList([{ version: 2, name: 'x', up: '' }])).toThrow(/expected 1/);
  });
});

describe('transactions on the single connection', () => {
  it('never interleaves concurrent transactions', async () => {
    const { db } = await freshDb();
    await db.exec('CREATE TABLE log (tx INTEGER, step INTEGER)');
    // Each transaction writes, yields to the event loop, writes again.
    await Promise.all(
      [1, 2, 3, 4].map((tx) =>
        db.transaction(async (t) => {
          await t.run('INSERT INTO log VALUES (?, 1)', [tx]);
          await new Promise((resolve) => setImmediate(resolve));
          await db.run('INSERT INTO log VALUES (?, 2)', [tx]); // joins the open transaction
        }),
      ),
    );
    const rows = await db.all<{ tx: number; step: number }>('SELECT tx, step FROM log ORDER BY rowid');
    for (let i = 0; i < rows.length; i += 2) {
      expect(rows[i]?.tx).toBe(rows[i + 1]?.tx);
      expect([rows[i]?.step, rows[i + 1]?.step]).toEqual([1, 2]);
    }
  });

  it('rolls back on error, runs onCommit hooks only after a commit, in order', async () => {
    const { db } = await freshDb();
    await db.exec('CREATE TABLE t (v TEXT)');
    const heard: string[] = [];
    await expect(
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO t VALUES ('lost')");
        tx.onCommit(() => heard.push('lost'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO t VALUES ('kept')");
      tx.onCommit(() => heard.push('first'));
      // A nested transaction joins the outer one; its hooks wait for the outer commit.
      await db.transaction(async (inner) => inner.onCommit(() => heard.push('second')));
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual(['first', 'second']);
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: 'kept' }]);
  });

  it('keeps plain statements out of an open transaction', async () => {
    const { db } = await freshDb();
    await db.exec('CREATE TABLE t (v TEXT)');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let began!: () => void;
    const inside = new Promise<void>((resolve) => {
      began = resolve;
    });
    const failing = db
      .transaction(async (tx) => {
        await tx.run("INSERT INTO t VALUES ('in-tx')");
        began();
        await gate;
        throw new Error('abort');
      })
      .catch(() => undefined);
    await inside;
    // Issued from outside while the transaction is open: it must wait, not join and be rolled back.
    const outside = db.run("INSERT INTO t VALUES ('outside')");
    release();
    await Promise.all([failing, outside]);
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: 'outside' }]);
  });
});
