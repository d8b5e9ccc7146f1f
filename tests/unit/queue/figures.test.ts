import { describe, expect, it } from 'vitest';
import { QueueFiguresSchema } from '../../../contract/queue';
import { computeFigures, estimateWait, visitFigures } from '../../../electron/backend/queue/core';
import { Center, MIN } from './helpers';

// Figures against a day worked out by hand. Targets: passport 15 min, subsidy 20 min, land 30 min.
//
//  10:00 T1 passport      10:10 desk 2 calls T1 (wait 10)   10:12 start (walk 2)   10:20 finish (service 8)
//  10:02 T2 passport      10:21 desk 1 calls T2 (wait 19)   10:22 start (walk 1)
//  10:05 T3 subsidy       10:25 desk 3 calls T3 (wait 20)   10:30 no-show
//  10:30–10:50 air-raid pause (20 min)
//  10:52 T4 passport      10:55 desk 1 finishes T2: 10:22→10:55 = 33 − 20 pause = service 13
//                         10:56 desk 2 calls T4 (wait 4); desk 2 wrap-up after T1: 10:20→10:56 = 36 − 20 = 16
//                         10:58 start (walk 2)   11:05 transfer to subsidy (service 7), never called again
//  11:10 T5 land, never called
//  11:20 close day: T4's subsidy leg and T5 are abandoned.

function workedDay(): { c: Center; ids: Record<string, string> } {
  const c = new Center('2025-06-02T07:00:00Z');
  const at = (hhmm: string) => c.at(`2025-06-02T${String(Number(hhmm.slice(0, 2)) - 3).padStart(2, '0')}:${hhmm.slice(3)}:00Z`);
  const ids: Record<string, string> = {};
  ids.T1 = at('10:00').issue('passport');
  ids.T2 = at('10:02').issue('passport');
  ids.T3 = at('10:05').issue('subsidy');
  expect(at('10:10').callNext(2)[0]).toBe(ids.T1);
  at('10:12').ok({ type: 'start', deskNo: 2, ticketId: ids.T1 });
  at('10:20').ok({ type: 'finish', deskNo: 2, ticketId: ids.T1 });
  expect(at('10:21').callNext(1)[0]).toBe(ids.T2);
  at('10:22').ok({ type: 'start', deskNo: 1, ticketId: ids.T2 });
  expect(at('10:25').callNext(3)[0]).toBe(ids.T3);
  at('10:30').ok({ type: 'no_show', deskNo: 3, ticketId: ids.T3 });
  at('10:30').ok({ type: 'pause' });
  at('10:50').ok({ type: 'resume' });
  ids.T4 = at('10:52').issue('passport');
  at('10:55').ok({ type: 'finish', deskNo: 1, ticketId: ids.T2 });
  expect(at('10:56').callNext(2)[0]).toBe(ids.T4);
  at('10:58').ok({ type: 'start', deskNo: 2, ticketId: ids.T4 });
  at('11:05').ok({ type: 'transfer', deskNo: 2, ticketId: ids.T4, to: { serviceId: 'subsidy' }, reason: 'benefit check' });
  ids.T5 = at('11:10').issue('land');
  at('11:20').ok({ type: 'close_day' });
  return { c, ids };
}

describe('figures of a hand-worked day', () => {
  it('per visit: wait, walk, service and wrap-up, minus the pause', () => {
    const { c, ids } = workedDay();
    expect(visitFigures(c.state, ids.T1!)?.legs).toEqual([
      { serviceId: 'passport', deskNo: 2, outcome: 'served', waitMs: 10 * MIN, walkMs: 2 * MIN, serviceMs: 8 * MIN, wrapUpMs: 16 * MIN },
    ]);
    expect(visitFigures(c.state, ids.T2!)?.legs[0]).toMatchObject({ waitMs: 19 * MIN, walkMs: MIN, serviceMs: 13 * MIN, wrapUpMs: null });
    expect(visitFigures(c.state, ids.T3!)?.legs[0]).toMatchObject({ outcome: 'no_show', waitMs: 20 * MIN, walkMs: null, serviceMs: null });
    expect(visitFigures(c.state, ids.T4!)).toEqual({
      ticketId: ids.T4, number: 'А-003', // third passport ticket (T3 is Б-001)
      legs: [
        { serviceId: 'passport', deskNo: 2, outcome: 'transferred', waitMs: 4 * MIN, walkMs: 2 * MIN, serviceMs: 7 * MIN, wrapUpMs: null },
        { serviceId: 'subsidy', deskNo: null, outcome: 'closed', waitMs: null, walkMs: null, serviceMs: null, wrapUpMs: null },
      ],
      totalWaitMs: 4 * MIN, totalServiceMs: 7 * MIN,
    });
    expect(visitFigures(c.state, 'ghost')).toBeNull();
  });

  it('per service: counts, no-shows, abandonment, service level, averages', () => {
    const f = computeFigures(workedDay().c.state, '2025-06-02');
    expect(QueueFiguresSchema.parse(f)).toEqual(f);
    expect(f.services).toEqual([
      // passport: waits 10, 19, 4 → within 15: 2 of 3; avg wait 33/3 = 11; served services 8, 13 → 10.5
      { serviceId: 'passport', arrived: 3, called: 3, served: 2, noShows: 0, transferredOut: 1, abandoned: 0, serviceLevel: 2 / 3, avgWaitMs: 11 * MIN, avgServiceMs: 10.5 * MIN },
      // subsidy: T3 called at exactly its 20-min target (counts as within), T4's leg abandoned → 1 / (1 + 1)
      { serviceId: 'subsidy', arrived: 2, called: 1, served: 0, noShows: 1, transferredOut: 0, abandoned: 1, serviceLevel: 0.5, avgWaitMs: 20 * MIN, avgServiceMs: null },
      { serviceId: 'land', arrived: 1, called: 0, served: 0, noShows: 0, transferredOut: 0, abandoned: 1, serviceLevel: 0, avgWaitMs: null, avgServiceMs: null },
    ]);
  });

  it('per desk and per hour of arrival', () => {
    const f = computeFigures(workedDay().c.state, '2025-06-02');
    expect(f.desks).toEqual([
      { deskNo: 1, called: 1, served: 1, noShows: 0, transferredOut: 0, avgWalkMs: MIN, avgServiceMs: 13 * MIN, avgWrapUpMs: null },
      // walks 2 and 2; only T1 counts as served (8 min); wrap-up after T1 16 min
      { deskNo: 2, called: 2, served: 1, noShows: 0, transferredOut: 1, avgWalkMs: 2 * MIN, avgServiceMs: 8 * MIN, avgWrapUpMs: 16 * MIN },
      { deskNo: 3, called: 1, served: 0, noShows: 1, transferredOut: 0, avgWalkMs: null, avgServiceMs: null, avgWrapUpMs: null },
    ]);
    expect(f.hours).toEqual([
      // 10:xx arrivals T1, T2, T3, T4(passport): waits 10, 19, 20, 4 → avg 53/4 = 13.25; within target 3 of 4
      { hour: 10, arrived: 4, called: 4, served: 2, noShows: 1, transferredOut: 1, abandoned: 0, serviceLevel: 0.75, avgWaitMs: 13.25 * MIN, avgServiceMs: 10.5 * MIN },
      // 11:xx arrivals T4(subsidy, 11:05) and T5: both abandoned
      { hour: 11, arrived: 2, called: 0, served: 0, noShows: 0, transferredOut: 0, abandoned: 2, serviceLevel: 0, avgWaitMs: null, avgServiceMs: null },
    ]);
  });

  it('another day has no figures yet', () => {
    expect(computeFigures(workedDay().c.state, '2025-06-03')).toEqual({ date: '2025-06-03', services: [], desks: [], hours: [] });
  });
});

describe('estimated wait', () => {
  it('waiting × average handle time / active desks, documented defaults before any sample', () => {
    const c = new Center(undefined, { defaultServiceMin: 10 });
    for (let i = 0; i < 3; i++) c.issue('passport');
    // No desk open yet: no estimate.
    expect(estimateWait(c.state, 'passport')).toEqual({ serviceId: 'passport', waiting: 3, activeDesks: 0, avgHandleMs: 10 * MIN, estimatedWaitMs: null });
    c.ok({ type: 'open_desk', deskNo: 1 });
    c.ok({ type: 'open_desk', deskNo: 2 });
    // 3 × 10 min / 2 desks = 15 min
    expect(estimateWait(c.state, 'passport').estimatedWaitMs).toBe(15 * MIN);
    c.ok({ type: 'break_start', deskNo: 2, reason: 'lunch' });
    expect(estimateWait(c.state, 'passport').estimatedWaitMs).toBe(30 * MIN); // 3 × 10 / 1
  });

  it('uses recent call → finish times once known, minus pauses', () => {
    const c = new Center(undefined, { estimateSamples: 2 });
    c.issue('passport');
    c.issue('passport');
    c.issue('passport');
    c.issue('passport');
    c.serveNext(2, 1, 3); // call → finish 4 min
    c.serveNext(2, 2, 4); // 6 min
    const [id] = c.callNext(2);
    c.ok({ type: 'start', deskNo: 2, ticketId: id });
    c.advance(2).ok({ type: 'pause' });
    c.advance(30).ok({ type: 'resume' });
    c.advance(6).ok({ type: 'finish', deskNo: 2, ticketId: id }); // 38 − 30 = 8 min
    // The last 2 samples: 6 and 8 → 7 min; 1 waiting; desk 2 open → 1 × 7 / 1.
    expect(estimateWait(c.state, 'passport')).toMatchObject({ waiting: 1, activeDesks: 1, avgHandleMs: 7 * MIN, estimatedWaitMs: 7 * MIN });
  });
});
