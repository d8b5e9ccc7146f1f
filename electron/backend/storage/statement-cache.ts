import type { Database as RawDatabase, Statement } from 'sqlite3';

// Prepared statements kept by SQL text. sqlite3's Database#run/get/all prepare a new statement,
// step it and finalize it: two trips to the thread pool per call. A cached statement is bound,
// stepped and reset in one trip, which halves the work of every transaction on the hot paths
// (the queue hub runs a handful of statements per command). Statements built with dynamic text
// (`IN (1,2,3)`) would fill the cache, so the least recently used one is finalized past `limit`.

/** Prepared statements by SQL text, least recently used first out. */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly raw: RawDatabase,
    private readonly limit = 128,
  ) {}

  /** The statement for `sql`, prepared on first use. */
  async get(sql: string): Promise<Statement> {
    const cached = this.statements.get(sql);
    if (cached !== undefined) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = await new Promise<Statement>((resolve, reject) => {
      const s: Statement = this.raw.prepare(sql, (error: Error | null) => (error ? reject(error) : resolve(s)));
    });
    this.statements.set(sql, statement);
    if (this.statements.size > this.limit) {
      const [oldest] = this.statements.keys();
      if (oldest !== undefined) await this.evict(oldest);
    }
    return statement;
  }

  /** Finalize every statement (before the connection closes). */
  async clear(): Promise<void> {
    for (const sql of [...this.statements.keys()]) await this.evict(sql);
  }

  private async evict(sql: string): Promise<void> {
    const statement = this.statements.get(sql);
    this.statements.delete(sql);
    if (statement !== undefined) await new Promise<void>((resolve) => statement.finalize(() => resolve()));
  }
}
