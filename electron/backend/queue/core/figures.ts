import type { QueueFigures, VisitFigures } from '../../../../contract/queue';
import { localDate, localHour } from './numbering';
import { getService, getTicket, type Leg, type QueueState } from './state';
import { tableValues } from './table';
import { effectiveMs } from './time';

// Figures, all durations minus air-raid pauses, per service leg of a visit:
//   wait     queued (issue, check-in, previous leg's end) → first call
//   walk     first call → start
//   service  start → finish (or → transfer out)
//   wrap-up  finish / transfer-out → the same desk's next call; none if a break, closing or the
//            day's end came between (that time is not spent on the visitor)
// Counts are per leg and bucketed by the leg's arrival (queued) time: a ticket served at two
// services counts once for each. Abandoned = closed at the end of the day without being called.
// Service level = legs called within the service's target wait / (called legs + abandoned legs).

type LegRow = ReturnType<typeof legFigures> & { leg: Leg };

function legFigures(state: QueueState, leg: Leg) {
  const ms = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : effectiveMs(state, a, b));
  const served = leg.outcome === 'served' || leg.outcome === 'transferred';
  return {
    serviceId: leg.serviceId,
    deskNo: leg.deskNo,
    outcome: leg.outcome,
    waitMs: ms(leg.queuedAt, leg.calledAt),
    walkMs: ms(leg.calledAt, leg.startedAt),
    serviceMs: served ? ms(leg.startedAt, leg.endedAt) : null,
    wrapUpMs: leg.wrapUpMs,
  };
}

/** The times of one visit, or null if the ticket is unknown. */
export function visitFigures(state: QueueState, ticketId: string): VisitFigures | null {
  const t = getTicket(state, ticketId);
  if (t === undefined) return null;
  const legs = t.legs.map((l) => legFigures(state, l));
  const sum = (xs: (number | null)[]): number => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  return { ticketId: t.id, number: t.number, legs, totalWaitMs: sum(legs.map((l) => l.waitMs)), totalServiceMs: sum(legs.map((l) => l.serviceMs)) };
}

function mean(xs: (number | null)[]): number | null {
  const vs = xs.filter((x): x is number => x !== null);
  return vs.length === 0 ? null : Math.round(vs.reduce((a, b) => a + b, 0) / vs.length);
}

function legCounts(state: QueueState, rows: LegRow[]) {
  const called = rows.filter((r) => r.leg.calledAt !== null);
  const abandoned = rows.filter((r) => r.outcome === 'closed' && r.leg.calledAt === null).length;
  const inTarget = called.filter((r) => {
    const target = getService(state, r.serviceId)?.targetWaitMin;
    return target !== undefined && r.waitMs !== null && r.waitMs <= target * 60_000;
  }).length;
  const served = rows.filter((r) => r.outcome === 'served');
  return {
    arrived: rows.length,
    called: called.length,
    served: served.length,
    noShows: rows.filter((r) => r.outcome === 'no_show').length,
    transferredOut: rows.filter((r) => r.outcome === 'transferred').length,
    abandoned,
    serviceLevel: called.length + abandoned === 0 ? null : inTarget / (called.length + abandoned),
    avgWaitMs: mean(called.map((r) => r.waitMs)),
    avgServiceMs: mean(served.map((r) => r.serviceMs)),
  };
}

function groupBy<K>(rows: LegRow[], key: (r: LegRow) => K | null): Map<K, LegRow[]> {
  const out = new Map<K, LegRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

/** Day figures for local `date` (legs that arrived that day), per service, desk and hour. */
export function computeFigures(state: QueueState, date: string): QueueFigures {
  const tz = state.settings.timeZone;
  const rows: LegRow[] = tableValues(state.tickets)
    .sort((a, b) => a.order - b.order)
    .flatMap((t) => t.legs)
    .filter((l) => localDate(l.queuedAt, tz) === date)
    .map((leg) => ({ ...legFigures(state, leg), leg }));
  const services = [...groupBy(rows, (r) => r.serviceId)]
    .map(([serviceId, rs]) => ({ serviceId, ...legCounts(state, rs) }))
    .sort((a, b) => state.serviceOrder.indexOf(a.serviceId) - state.serviceOrder.indexOf(b.serviceId));
  const desks = [...groupBy(rows, (r) => r.deskNo)]
    .map(([deskNo, rs]) => {
      const c = legCounts(state, rs);
      return {
        deskNo, called: c.called, served: c.served, noShows: c.noShows, transferredOut: c.transferredOut,
        avgWalkMs: mean(rs.map((r) => r.walkMs)), avgServiceMs: c.avgServiceMs, avgWrapUpMs: mean(rs.map((r) => r.wrapUpMs)),
      };
    })
    .sort((a, b) => a.deskNo - b.deskNo);
  const hours = [...groupBy(rows, (r) => localHour(r.leg.queuedAt, tz))]
    .map(([hour, rs]) => ({ hour, ...legCounts(state, rs) }))
    .sort((a, b) => a.hour - b.hour);
  return { date, services, desks, hours };
}
