import type { Transaction } from '../storage/database';
import { sqlText } from '../storage/sql-text';
import { changedRowsCheck } from './batch-checks';

// Durable request ids: the core remembers the last N requests per client in its state (rebuilt by
// replay), this table remembers all of them, so a stale client replaying an old request id gets the
// first answer, not a second effect, however long ago it was.
// A batch records its new request ids in its script after its events are appended (with the seqs
// they got). Such an id is almost never in the table already (only a stale client replaying an id
// the state forgot), so a batch does not ask first: if the insert finds a recorded id, the script's
// check fails, the batch is rolled back (ForgottenRequest) and runs once more, first asking the
// table (findPriorRequests) and answering a recorded id with its first result. Rows travel as one
// JSON array read back with json_each.

/** What the first attempt of a request recorded. */
export interface PriorRequest {
  command: string;
  firstSeq: number | null;
  lastSeq: number | null;
}

/** Who asked for what. */
export interface RequestKey {
  clientId: string;
  requestId: string;
}

/** A request to record with the log seqs its events took. */
export interface RequestRow extends RequestKey {
  command: string;
  firstSeq: number;
  lastSeq: number;
  at: string;
}

/** A request id of the batch is already recorded: run the batch again, asking first. */
export class ForgottenRequest extends Error {
  constructor() {
    super('a request id of the batch is already recorded');
    this.name = 'ForgottenRequest';
  }
}

/** The map key of a request. */
export function requestKey(clientId: string, requestId: string): string {
  return `${clientId}\u0000${requestId}`;
}

/** The requests among `keys` that the table already holds, by requestKey (call inside the transaction). */
export async function findPriorRequests(tx: Transaction, keys: readonly RequestKey[]): Promise<Map<string, PriorRequest>> {
  const found = new Map<string, PriorRequest>();
  if (keys.length === 0) return found;
  const rows = await tx.all<{ client_id: string; request_id: string; command: string; first_seq: number | null; last_seq: number | null }>(
    `SELECT r.client_id, r.request_id, r.command, r.first_seq, r.last_seq
       FROM json_each(?) AS k JOIN queue_requests AS r ON r.client_id = k.value ->> 0 AND r.request_id = k.value ->> 1`,
    [JSON.stringify(keys.map((k) => [k.clientId, k.requestId]))],
  );
  for (const r of rows) found.set(requestKey(r.client_id, r.request_id), { command: r.command, firstSeq: r.first_seq, lastSeq: r.last_seq });
  return found;
}

/** The script statements that record new requests (none for none); the check fails on an id already recorded. */
export function recordRequestsSql(rows: readonly RequestRow[]): string[] {
  if (rows.length === 0) return [];
  const json = JSON.stringify(rows.map((r) => [r.clientId, r.requestId, r.command, r.firstSeq, r.lastSeq, r.at]));
  return [
    sqlText`INSERT OR IGNORE INTO queue_requests (client_id, request_id, command, first_seq, last_seq, created_at)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(${json}) ORDER BY key`,
    changedRowsCheck('request ids', rows.length),
  ];
}
