import type { QueueEvent } from '../../../contract/queue';
import { getTicket, type QueueState } from './core';
import type { Transaction } from '../storage/database';
import { sqlText } from '../storage/sql-text';
import { changedRowsCheck } from './batch-checks';

// The compare-and-set side of the log: one row per ticket with its version. Every ticket event moves
// its ticket from `version - 1` to `version`. A batch collects, per ticket, the version its row must
// be at before the batch and the row after it, then writes all rows with two statements of the
// batch's script: new tickets are INSERTed (a second insert of an id fails), the others UPDATEd
// naming the old version, and the update must change exactly as many rows as it names, or the
// script's check fails and the batch is refused (someone else moved a ticket first; `findConflict`
// names it). Inside the batch each event must move its ticket exactly one version on.

/** A ticket row was not at the version the event expected. */
export class VersionConflict extends Error {
  constructor(readonly ticketId: string, readonly expected: number) {
    super(`ticket ${ticketId} is not at version ${expected}`);
    this.name = 'VersionConflict';
  }
}

/** The tickets an event moves, with the version each moves to. */
export function touchedTickets(e: QueueEvent): { ticketId: string; version: number }[] {
  if (e.type === 'day.closed') return e.tickets;
  return 'ticketId' in e ? [{ ticketId: e.ticketId, version: e.version }] : [];
}

/** One ticket row as a batch leaves it. */
interface RowChange {
  readonly id: string;
  /** The version the row must have before the batch; null for a ticket issued in the batch. */
  readonly expected: number | null;
  version: number;
  status: string;
  deskNo: number | null;
  number: string;
  date: string;
  updatedAt: string;
}

/** The ticket rows a batch of events moves, collapsed to one change per ticket. */
export class TicketRowChanges {
  private readonly rows = new Map<string, RowChange>();

  /** Note event `e`, `after` being the state with it applied. */
  note(e: QueueEvent, after: QueueState): void {
    for (const { ticketId, version } of touchedTickets(e)) {
      const t = getTicket(after, ticketId);
      if (t === undefined) throw new Error(`queue: ticket ${ticketId} vanished while applying ${e.type}`);
      const row = this.rows.get(ticketId);
      if (row !== undefined && version !== row.version + 1) {
        throw new Error(`queue: ${e.type} moves ticket ${ticketId} to version ${version} after ${row.version} in one batch`);
      }
      const expected = row?.expected ?? (e.type === 'ticket.issued' ? null : version - 1);
      this.rows.set(ticketId, { id: ticketId, expected, version, status: t.status, deskNo: t.deskNo, number: t.number, date: t.date, updatedAt: e.at });
    }
  }

  /** The script statements that write the rows (none for none), with the compare-and-set check. */
  sql(): string[] {
    const inserts: unknown[][] = [];
    const updates: unknown[][] = [];
    for (const r of this.rows.values()) {
      if (r.expected === null) inserts.push([r.id, r.version, r.status, r.deskNo, r.number, r.date, r.updatedAt]);
      else updates.push([r.id, r.version, r.status, r.deskNo, r.updatedAt, r.expected]);
    }
    const out: string[] = [];
    if (inserts.length > 0) {
      out.push(sqlText`INSERT INTO queue_tickets (id, version, status, desk_no, number, date, updated_at)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(${JSON.stringify(inserts)})`);
    }
    if (updates.length > 0) {
      out.push(
        sqlText`UPDATE queue_tickets SET version = u.value ->> 1, status = u.value ->> 2, desk_no = u.value ->> 3, updated_at = u.value ->> 4
          FROM json_each(${JSON.stringify(updates)}) AS u WHERE queue_tickets.id = u.value ->> 0 AND queue_tickets.version = u.value ->> 5`,
        changedRowsCheck('ticket versions', updates.length),
      );
    }
    return out;
  }

  /** Name the first ticket whose row is not at the expected version (after the check failed, inside the transaction). */
  async findConflict(tx: Transaction): Promise<VersionConflict> {
    const named = [...this.rows.values()].filter((r) => r.expected !== null);
    const stored = await tx.all<{ id: string; version: number }>('SELECT id, version FROM queue_tickets WHERE id IN (SELECT value FROM json_each(?))', [
      JSON.stringify(named.map((r) => r.id)),
    ]);
    // The update has run: the rows it moved are at their new version, the bad one is not.
    const versions = new Map(stored.map((s) => [s.id, s.version]));
    const bad = named.find((r) => versions.get(r.id) !== r.version) ?? named[0];
    return new VersionConflict(bad?.id ?? '?', bad?.expected ?? 0);
  }
}
