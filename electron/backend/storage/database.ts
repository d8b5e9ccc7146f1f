import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database as RawDatabase } from 'sqlite3';
import type { Logger } from 'pino';
import { StatementCache } from './statement-cache';

// A small promise wrapper over one sqlite3 connection, with its statements prepared once and
// reused (statement-cache.ts). All work on the connection is
// serialised: on a single connection every statement run while a transaction is open
// becomes part of it, so a transaction must own the connection until COMMIT, and nothing
// else may interleave. Code running inside a transaction callback may call the Database
// directly; it joins the open transaction (tracked with AsyncLocalStorage) instead of
// waiting for it, which would deadlock.

export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/** What `run` reports: the rowid of an INSERT and the number of rows changed. */
export interface RunResult {
  lastID: number;
  changes: number;
}

/** The statements both a Database and an open Transaction offer. */
export interface Queryable {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/** An open transaction; `onCommit` callbacks run right after COMMIT, in order, never after ROLLBACK. */
export interface Transaction extends Queryable {
  onCommit(callback: () => void): void;
}

interface TxState {
  owner: Database;
  active: boolean;
  hooks: Array<() => void>;
}

export interface DatabaseOptions {
  logger: Logger;
  /** Statements slower than this are logged as warnings. */
  slowQueryMs?: number;
}

/** One serialised sqlite connection with transactions. */
export class Database implements Queryable {
  private tail: Promise<void> = Promise.resolve();
  private readonly txContext = new AsyncLocalStorage<TxState>();
  private readonly slowQueryMs: number;
  private readonly logger: Logger;
  private readonly statements: StatementCache;
  private closed = false;

  constructor(
    private readonly raw: RawDatabase,
    readonly path: string,
    options: DatabaseOptions,
  ) {
    this.logger = options.logger;
    this.slowQueryMs = options.slowQueryMs ?? 50;
    this.statements = new StatementCache(raw);
  }

  /** Run a statement that returns no rows. */
  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return this.useConnection(() => this.rawRun(sql, params));
  }

  /** First row of a query, or undefined. */
  get<T = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return this.useConnection(() => this.rawGet(sql, params)) as Promise<T | undefined>;
  }

  /** All rows of a query. */
  all<T = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<T[]> {
    return this.useConnection(() => this.rawAll(sql, params)) as Promise<T[]>;
  }

  /** Run one or more statements without parameters (schema changes, sqlText scripts) in one trip. */
  exec(sql: string): Promise<void> {
    return this.useConnection(() => this.rawExec(sql));
  }

  /** Run `work` inside BEGIN IMMEDIATE … COMMIT (ROLLBACK if it throws); nested calls join the open one. */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const current = this.currentTx();
    if (current) return work(this.txHandle(current));
    return this.exclusive(async () => {
      const state: TxState = { owner: this, active: true, hooks: [] };
      await this.rawExec('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await this.txContext.run(state, () => work(this.txHandle(state)));
        await this.rawExec('COMMIT');
      } catch (error) {
        state.active = false;
        await this.rawExec('ROLLBACK').catch(() => undefined);
        throw error;
      }
      state.active = false;
      // Still holding the connection: listeners see commits in commit order.
      for (const hook of state.hooks) {
        try {
          hook();
        } catch (error) {
          this.logger.error({ err: error }, 'an after-commit callback failed');
        }
      }
      return result;
    });
  }

  /** Close the connection after everything queued has run. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.exclusive(async () => {
      await this.statements.clear();
      await new Promise<void>((resolve, reject) => this.raw.close((error) => (error ? reject(error) : resolve())));
    });
  }

  private currentTx(): TxState | undefined {
    const state = this.txContext.getStore();
    return state && state.owner === this && state.active ? state : undefined;
  }

  private txHandle(state: TxState): Transaction {
    return {
      run: (sql, params = []) => this.rawRun(sql, params),
      get: (sql, params = []) => this.rawGet(sql, params) as never,
      all: (sql, params = []) => this.rawAll(sql, params) as never,
      exec: (sql) => this.rawExec(sql),
      onCommit: (callback) => {
        state.hooks.push(callback);
      },
    };
  }

  private useConnection<T>(work: () => Promise<T>): Promise<T> {
    return this.currentTx() ? work() : this.exclusive(work);
  }

  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }

  private async rawRun(sql: string, params: SqlParams): Promise<RunResult> {
    const statement = await this.statements.get(sql);
    const started = performance.now();
    return new Promise<RunResult>((resolve, reject) => {
      statement.run(params, function (this: { lastID: number; changes: number }, error: Error | null) {
        if (error) return reject(error);
        resolve({ lastID: this.lastID, changes: this.changes });
      });
    }).finally(() => this.noteDuration(sql, started));
  }

  /** The first row. Stepped to the end like `all`, so the statement never stays open holding a read. */
  private async rawGet(sql: string, params: SqlParams): Promise<unknown> {
    const rows = await this.rawAll(sql, params);
    return rows[0];
  }

  private async rawAll(sql: string, params: SqlParams): Promise<unknown[]> {
    const statement = await this.statements.get(sql);
    return this.timed(sql, (done) => statement.all(params, done)) as Promise<unknown[]>;
  }

  private rawExec(sql: string): Promise<void> {
    return this.timed(sql, (done) => this.raw.exec(sql, (error) => done(error, undefined))) as Promise<void>;
  }

  private timed(sql: string, call: (done: (error: Error | null, value: unknown) => void) => void): Promise<unknown> {
    const started = performance.now();
    return new Promise<unknown>((resolve, reject) => {
      call((error, value) => (error ? reject(error) : resolve(value)));
    }).finally(() => this.noteDuration(sql, started));
  }

  private noteDuration(sql: string, started: number): void {
    const ms = performance.now() - started;
    // Parameters are never logged, nor anything inside quotes (scripts carry their values as
    // literals, sql-text.ts): they may hold personal data.
    if (ms > this.slowQueryMs) this.logger.warn({ ms: Math.round(ms), sql: sql.slice(0, 200).split("'")[0] }, 'slow query');
  }
}
