import type { QueueEvent } from '../../../contract/queue';
import { getTicket, type QueueState } from './core';
import type { Transaction } from '../storage/database';

// The compare-and-set side of the log: one row per ticket with its version. Every ticket event moves
// its ticket from `version - 1` to `version`; the UPDATE names the old version, so it changes exactly
// one row or the event is refused (someone else moved the ticket first).

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

/** Write the ticket rows of one event, `after` being the state with the event applied. */
export async function writeTicketRows(tx: Transaction, e: QueueEvent, after: QueueState): Promise<void> {
  for (const { ticketId, version } of touchedTickets(e)) {
    const t = getTicket(after, ticketId);
    if (t === undefined) throw new Error(`queue: ticket ${ticketId} vanished while applying ${e.type}`);
    if (e.type === 'ticket.issued') {
      await tx.run('INSERT INTO queue_tickets (id, version, status, desk_no, number, date, updated_at) VALUES (?, 1, ?, NULL, ?, ?, ?)', [
        t.id, t.status, t.number, t.date, e.at,
      ]);
      continue;
    }
    const r = await tx.run('UPDATE queue_tickets SET version = ?, status = ?, desk_no = ?, updated_at = ? WHERE id = ? AND version = ?', [
      version, t.status, t.deskNo, e.at, ticketId, version - 1,
    ]);
    if (r.changes !== 1) throw new VersionConflict(ticketId, version - 1);
  }
}
