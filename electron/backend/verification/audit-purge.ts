import type { AuditRow } from '../../../contract/eid';

/*
 * Which audit rows a retention purge may delete (pure). Only a contiguous prefix of the chain
 * goes: rows older than the cutoff up to the first row that must be kept, so the chain stays
 * one piece, and the last purged row's {id, rowHash} becomes the anchor verifyChain starts from.
 */

/** A purge candidate: id, time and hash of a row, in id order. */
export type PurgeCandidate = Pick<AuditRow, 'id' | 'at' | 'rowHash'>;

/** What to delete and the new anchor; null when nothing can go. */
export interface PurgePlan {
  /** Delete rows with id <= this. */
  lastPurgedId: number;
  anchor: { id: number; rowHash: string };
  count: number;
}

/** The cutoff ISO time for a retention of `days` at `nowMs`. */
export function retentionCutoff(nowMs: number, days: number): string {
  return new Date(nowMs - days * 86_400_000).toISOString();
}

/**
 * Plans a purge over `rows` (the oldest rows, ascending id, starting right after the current
 * anchor `anchorId`): the longest run of consecutive ids whose `at` is before `cutoffIso`.
 */
export function planAuditPurge(rows: readonly PurgeCandidate[], anchorId: number, cutoffIso: string): PurgePlan | null {
  let last: PurgeCandidate | null = null;
  let expectedId = anchorId + 1;
  for (const row of rows) {
    if (row.id !== expectedId || !(row.at < cutoffIso)) break;
    last = row;
    expectedId += 1;
  }
  if (last === null) return null;
  return { lastPurgedId: last.id, anchor: { id: last.id, rowHash: last.rowHash }, count: last.id - anchorId };
}
