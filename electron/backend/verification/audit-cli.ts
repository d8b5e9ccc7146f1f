import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../logging/logger';
import { openDatabase } from '../storage/open-database';
import { verifyAuditChain } from './audit-store';

/*
 * `backend.js audit-verify --data-dir <dir>`: verifies the checkpoint audit chain of a data dir
 * (a running Varta may hold it: this only reads) and prints ONE line. Exit 0 = intact,
 * 1 = broken (the line names the first broken row), 2 = usage or the database cannot be read.
 */

/** Runs the audit-verify command; returns the exit code and the one line to print. */
export async function runAuditVerify(argv: readonly string[]): Promise<{ exitCode: number; line: string }> {
  let dataDir: string | undefined;
  try {
    dataDir = parseArgs({ args: [...argv], options: { 'data-dir': { type: 'string' } }, strict: true }).values['data-dir'];
  } catch (error) {
    return { exitCode: 2, line: `audit-verify: ${(error as Error).message}` };
  }
  if (dataDir === undefined) return { exitCode: 2, line: 'audit-verify: usage: audit-verify --data-dir <dir>' };
  const path = join(resolve(dataDir), 'varta.sqlite');
  if (!existsSync(path)) return { exitCode: 2, line: `audit-verify: no Varta database at ${path}` };
  let db;
  try {
    db = await openDatabase(path, { logger: silentLogger() });
  } catch (error) {
    return { exitCode: 2, line: `audit-verify: cannot open ${path} (${(error as Error).message})` };
  }
  try {
    const report = await verifyAuditChain(db);
    return report.ok
      ? { exitCode: 0, line: `audit chain OK: ${report.count} rows${report.headId === null ? '' : ` (head #${report.headId})`}` }
      : { exitCode: 1, line: `audit chain BROKEN at row #${report.firstBrokenId ?? '?'}: ${report.reason}` };
  } catch (error) {
    return { exitCode: 2, line: `audit-verify: cannot read the audit log (${(error as Error).message})` };
  } finally {
    await db.close().catch(() => undefined);
  }
}
