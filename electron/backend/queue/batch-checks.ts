import { sqlText } from '../storage/sql-text';

// Checks inside a batch's script (one `exec`): a script cannot hand a statement's row count back to
// JS, so it asserts in SQL. Each connection the hub uses gets a temp view whose INSTEAD OF triggers
// raise a named error when a check row is false; the transaction is then rolled back and the failed
// check reaches the hub as the error of the exec.

/** What a batch checks: its request ids were new; its ticket rows were at the versions it expected. */
export type BatchCheck = 'request ids' | 'ticket versions';

const CHECKS: readonly BatchCheck[] = ['request ids', 'ticket versions'];
const PREFIX = 'queue batch check failed: ';

/** Creates the check view and its triggers on this connection (idempotent; temp objects die with it). */
export const BATCH_CHECKS_SQL = [
  'CREATE TEMP VIEW IF NOT EXISTS queue_batch_check AS SELECT NULL AS what, NULL AS ok',
  ...CHECKS.map(
    (what, i) =>
      `CREATE TEMP TRIGGER IF NOT EXISTS queue_batch_check_${i} INSTEAD OF INSERT ON queue_batch_check
       WHEN NEW.what = '${what}' AND NOT NEW.ok BEGIN SELECT RAISE(ABORT, '${PREFIX}${what}'); END`,
  ),
].join(';\n');

/** A statement that fails the script with `check` unless the previous statement changed exactly `rows` rows. */
export function changedRowsCheck(check: BatchCheck, rows: number): string {
  return sqlText`INSERT INTO temp.queue_batch_check (what, ok) VALUES (${check}, changes() = ${rows})`;
}

/** The check a script failed, or null when it failed otherwise. */
export function failedCheck(error: unknown): BatchCheck | null {
  const message = error instanceof Error ? error.message : '';
  return CHECKS.find((c) => message.endsWith(PREFIX + c)) ?? null;
}
