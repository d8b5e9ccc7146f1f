import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseQueueEvent, QueueEventSchema, type QueueEvent, type TicketStatus } from '../../../contract/queue';
import {
  applyEvent, decide, emptyState, noShowDue, pickNext, rankForDesk, replay, tableValues, type QueueState,
} from '../../../electron/backend/queue/core';
import { DESKS, SERVICES } from './helpers';

// Random operation sequences against the engine. After every step:
//  - no ticket is held by two desks, and every called/serving ticket is held by exactly its desk;
//  - counts are conserved: every issued ticket is in exactly one status, and the state agrees with an
//    independent fold of the log (statuses and versions);
//  - every state is deep-frozen, so a decide() or applyEvent() that mutated its input would throw;
//    a refused command yields no events and leaves the state as it was;
// and at the end replay(log) — also after a JSON round trip of the log — deep-equals the live state.
// The long-day runs also validate every event against the contract schema (the short runs skip it
// for speed; the scenario tests validate every event too).
// The clock starts at 22:00 in Kyiv on the eve of the autumn DST change, so runs cross midnight.

const START = Date.parse('2025-10-25T19:00:00Z');
const SERVICE_IDS = ['passport', 'subsidy', 'land', 'orphan', 'nope'];
const MOSTLY_SERVED = ['passport', 'passport', 'subsidy', 'land', 'land', 'orphan', 'nope'];
const CODES = ['B00001', 'B00002', 'B00003', 'NOPE99'];
const BOOKINGS = CODES.slice(0, 3).map((code, i) => ({
  id: `b${i}`, code, serviceId: SERVICE_IDS[i] ?? 'passport', slotStart: new Date(START + (i * 20 + 10) * 60_000).toISOString(),
}));

const desk = fc.integer({ min: 1, max: 4 }); // desk 4 does not exist
const pick = fc.nat({ max: 40 });
const mostlyHeld = fc.integer({ min: 0, max: 5 }).map((n) => n > 0);
const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('issue' as const), service: fc.constantFrom(...MOSTLY_SERVED), priority: fc.option(fc.constantFrom('disability' as const, 'military' as const, 'fallen_defender_family' as const), { nil: null }), next: fc.subarray(['subsidy', 'land']) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('checkin' as const), code: fc.constantFrom(...CODES) }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('callNext' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('callTicket' as const), desk, pick }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('progress' as const), desk }) },
  { weight: 8, arbitrary: fc.record({ k: fc.constantFrom('recall' as const, 'start' as const, 'finish' as const, 'noShow' as const), desk, held: mostlyHeld, pick }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('transfer' as const), desk, held: mostlyHeld, pick, toService: fc.option(fc.constantFrom(...SERVICE_IDS), { nil: undefined }), toDesk: fc.option(desk, { nil: undefined }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constantFrom('breakStart' as const, 'breakEnd' as const, 'breakEnd' as const, 'openDesk' as const, 'closeDesk' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constantFrom('pause' as const, 'resume' as const, 'resume' as const, 'resume' as const, 'closeDay' as const) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('rate' as const), pick, score: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('advance' as const), minutes: fc.integer({ min: 0, max: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('autoNoShow' as const) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('retry' as const) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('garbage' as const), body: fc.oneof(fc.anything(), fc.record({ type: fc.constant('issue_ticket'), serviceId: fc.oneof(fc.integer(), fc.constant(''), fc.string({ minLength: 65, maxLength: 70 })) })) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

type ModelTicket = { status: TicketStatus; version: number; date: string };

/** Ticket statuses and versions by an independent fold of the log, one event at a time. */
function foldModel(m: Map<string, ModelTicket>, e: QueueEvent): void {
  const set = (id: string, status: TicketStatus | null, version: number) => {
    const t = m.get(id);
    if (t === undefined) throw new Error(`event for unknown ticket ${id}`);
    m.set(id, { ...t, status: status ?? t.status, version });
  };
  if (e.type === 'ticket.issued') m.set(e.ticketId, { status: 'waiting', version: 1, date: e.date });
  else if (e.type === 'ticket.called') set(e.ticketId, 'called', e.version);
  else if (e.type === 'ticket.recalled' || e.type === 'visit.rated') set(e.ticketId, null, e.version);
  else if (e.type === 'ticket.started') set(e.ticketId, 'serving', e.version);
  else if (e.type === 'ticket.finished') set(e.ticketId, e.nextServiceId === null ? 'done' : 'waiting', e.version);
  else if (e.type === 'ticket.no_show') set(e.ticketId, 'no_show', e.version);
  else if (e.type === 'ticket.transferred') set(e.ticketId, 'waiting', e.version);
  else if (e.type === 'day.closed') for (const t of e.tickets) set(t.ticketId, 'closed', t.version);
}

function assert(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

function checkInvariants(state: QueueState, m: Map<string, ModelTicket>): void {
  const holders = new Map<string, number>();
  for (const d of Object.values(state.desks)) {
    if (d.ticketId === null) continue;
    assert(!holders.has(d.ticketId), () => `ticket ${d.ticketId} held by desks ${holders.get(d.ticketId ?? '')} and ${d.deskNo}`);
    holders.set(d.ticketId, d.deskNo);
  }
  const tickets = tableValues(state.tickets);
  assert(tickets.length === state.tickets.size, () => 'table size drifted');
  let active = 0;
  for (const t of tickets) {
    const held = t.status === 'called' || t.status === 'serving';
    assert(holders.get(t.id) === (held ? t.deskNo ?? -1 : undefined), () => `${t.number} (${t.status}) held by ${holders.get(t.id)}, says desk ${t.deskNo}`);
    assert(Object.hasOwn(state.active, t.id) === (held || t.status === 'waiting'), () => `${t.number} active set wrong`);
    if (held || t.status === 'waiting') active++;
    const mt = m.get(t.id);
    assert(mt?.status === t.status && mt.version === t.version, () => `${t.number}: state ${t.status} v${t.version}, log ${mt?.status} v${mt?.version}`);
  }
  assert(Object.keys(state.active).length === active, () => 'active set has extra ids');
  // Conservation: every issued ticket is in exactly one status (the model map holds one entry per
  // ticket.issued); tickets dropped from the state at a day roll are finished ones of an earlier day.
  const present = new Set(tickets.map((t) => t.id));
  for (const [id, t] of m) {
    if (present.has(id)) continue;
    assert(['done', 'no_show', 'closed'].includes(t.status) && t.date < (state.day.date ?? ''), () => `${id} lost while ${t.status}`);
  }
}

function toCommand(o: Op, state: QueueState): Record<string, unknown> | null {
  const all = tableValues(state.tickets).sort((a, b) => a.order - b.order);
  const ticketAt = (p: number) => all[p % Math.max(all.length, 1)]?.id ?? 'ghost';
  const heldOr = (d: number, held: boolean, p: number) => (held ? (state.desks[String(d)]?.ticketId ?? ticketAt(p)) : ticketAt(p));
  const names = { recall: 'recall', start: 'start', finish: 'finish', noShow: 'no_show' } as const;
  switch (o.k) {
    case 'issue': return { type: 'issue_ticket', serviceId: o.service, priority: o.priority, nextServiceIds: o.next };
    case 'checkin': return { type: 'check_in', code: o.code };
    case 'callNext': return { type: 'call_next', deskNo: o.desk };
    case 'callTicket': return { type: 'call_ticket', deskNo: o.desk, ticketId: ticketAt(o.pick) };
    case 'progress': {
      // The desk's natural next step: start a called visitor, finish a served one.
      const held = state.desks[String(o.desk)]?.ticketId ?? null;
      const t = held === null ? undefined : all.find((x) => x.id === held);
      if (t === undefined) return null;
      return { type: t.status === 'called' ? 'start' : 'finish', deskNo: o.desk, ticketId: t.id };
    }
    case 'recall': case 'start': case 'finish': case 'noShow':
      return { type: names[o.k], deskNo: o.desk, ticketId: heldOr(o.desk, o.held, o.pick) };
    case 'transfer':
      return { type: 'transfer', deskNo: o.desk, ticketId: heldOr(o.desk, o.held, o.pick), reason: 'test', to: { serviceId: o.toService, deskNo: o.toDesk } };
    case 'breakStart': return { type: 'break_start', deskNo: o.desk, reason: 'lunch' };
    case 'breakEnd': return { type: 'break_end', deskNo: o.desk };
    case 'openDesk': return { type: 'open_desk', deskNo: o.desk };
    case 'closeDesk': return { type: 'close_desk', deskNo: o.desk };
    case 'pause': return { type: 'pause' };
    case 'resume': return { type: 'resume' };
    case 'closeDay': return { type: 'close_day' };
    case 'rate': return { type: 'rate', ticketId: ticketAt(o.pick), score: o.score };
    case 'garbage': return o.body as Record<string, unknown>;
    default: return null;
  }
}

function runOps(ops: Op[], strict: boolean): void {
  let now = START;
  let ids = 0;
  const newId = () => `t${++ids}`;
  const log: QueueEvent[] = [];
  const m = new Map<string, ModelTicket>();
  let state = deepFreeze(emptyState());
  let last: { cmd: Record<string, unknown>; clientId: string; events: readonly QueueEvent[] } | null = null;
  const step = (cmd: unknown, clientId: string) => {
    const before = state;
    const d = decide(state, cmd, { now, newId, clientId });
    expect(state).toBe(before);
    if (!d.ok) return d;
    expect(d.replayOf).toBeUndefined();
    for (const e of d.events) {
      if (strict) QueueEventSchema.parse(e);
      log.push(e);
      foldModel(m, e);
      state = deepFreeze(applyEvent(state, e));
    }
    return d;
  };
  step({ type: 'configure', services: SERVICES, desks: DESKS, settings: { maxRecalls: 1, priorityCap: 2, requestMemory: 5 } }, 'admin');
  step({ type: 'import_bookings', bookings: BOOKINGS }, 'admin');
  ops.forEach((o, i) => {
    if (o.k === 'advance') now += o.minutes * 60_000;
    else if (o.k === 'autoNoShow') {
      for (const due of noShowDue(state, now)) step({ type: 'no_show', deskNo: due.deskNo, ticketId: due.ticketId, auto: true, expectedVersion: due.version }, 'hub');
    } else if (o.k === 'retry') {
      if (last === null) return;
      const again = decide(state, last.cmd, { now, newId, clientId: last.clientId });
      const remembered = (state.requests[last.clientId] ?? []).some((r) => r.requestId === last?.cmd.requestId);
      if (remembered) expect(again).toEqual({ ok: true, events: [], replayOf: last.events });
    } else {
      const cmd = toCommand(o, state);
      if (cmd === null) return;
      const clientId = `c${'desk' in o ? o.desk : 0}`;
      const withId = i % 3 === 0 && typeof cmd === 'object' && cmd !== null && !Array.isArray(cmd) ? { ...cmd, requestId: `r${i}` } : cmd;
      const d = step(withId, clientId);
      if (d.ok && d.events.length > 0 && 'requestId' in (withId ?? {})) last = { cmd: withId, clientId, events: d.events };
      if (o.k === 'garbage' && !d.ok) expect(d.error.code).toBe('validation_failed');
    }
    checkInvariants(state, m);
    // pickNext finds without sorting the head of the list rankForDesk sorts.
    for (const { deskNo } of DESKS) {
      const head = rankForDesk(state, deskNo, now)[0] ?? null;
      if (!isDeepStrictEqual(pickNext(state, deskNo, now), head)) expect(pickNext(state, deskNo, now)).toEqual(head);
    }
  });
  // isDeepStrictEqual is fast; expect() runs only on a mismatch, to print the diff.
  const replayed = replay(log);
  if (!isDeepStrictEqual(replayed, state)) expect(replayed).toEqual(state);
  const stored = (JSON.parse(JSON.stringify(log)) as unknown[]).map(parseQueueEvent);
  const fromJson = replay(stored);
  if (!isDeepStrictEqual(fromJson, state)) expect(fromJson).toEqual(state);
}

describe('queue engine properties', () => {
  it('holds its invariants over random operation sequences', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 20, maxLength: 80, size: 'max' }), (ops) => runOps(ops, false)), { numRuns: 2000 });
  }, 120_000);

  it('replays long busy days exactly', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 200, maxLength: 400, size: 'max' }), (ops) => runOps(ops, true)), { numRuns: 30 });
  }, 120_000);
});
