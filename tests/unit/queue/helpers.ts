import { expect } from 'vitest';
import {
  QueueEventSchema,
  type PriorityCategory, type QueueCommandInput, type QueueErrorCode, type QueueEvent, type QueueService, type QueueSettings,
} from '../../../contract/queue';
import { applyEvent, decide, emptyState, getDesk, getTicket, type Decision, type QueueState, type Ticket } from '../../../electron/backend/queue/core';

// A small center for tests: a fake clock, counting ids, a log, and the state folded from it.
// Every accepted event is checked against the contract schema before it is applied.

export const MIN = 60_000;

export const SERVICES: QueueService[] = [
  { id: 'passport', name: { uk: 'Паспорт', en: 'Passport' }, category: 'documents', prefix: 'А', targetWaitMin: 15 },
  { id: 'subsidy', name: { uk: 'Субсидія', en: 'Subsidy' }, category: 'social', prefix: 'Б', targetWaitMin: 20 },
  { id: 'land', name: { uk: 'Земля', en: 'Land' }, category: 'property', prefix: 'В', targetWaitMin: 30 },
  { id: 'orphan', name: { uk: 'Архів', en: 'Archive' }, category: 'other', prefix: 'Г', targetWaitMin: 30 },
];

/** Desk 1: passport + subsidy; desk 2: passport; desk 3: subsidy + land; nobody serves "orphan". */
export const DESKS = [
  { deskNo: 1, serviceIds: ['passport', 'subsidy'] },
  { deskNo: 2, serviceIds: ['passport'] },
  { deskNo: 3, serviceIds: ['subsidy', 'land'] },
];

export class Center {
  state: QueueState = emptyState();
  readonly log: QueueEvent[] = [];
  now: number;
  private ids = 0;

  /** Starts configured at `start` (default Monday 2 June 2025, 10:00 in Kyiv). */
  constructor(start = '2025-06-02T07:00:00Z', settings: Partial<QueueSettings> = {}, configure = true) {
    this.now = Date.parse(start);
    if (configure) this.ok({ type: 'configure', services: SERVICES, desks: DESKS, settings });
  }

  readonly newId = (): string => `t${++this.ids}`;

  /** Decide and, if accepted, append and apply. */
  run(cmd: QueueCommandInput | Record<string, unknown>, clientId?: string): Decision {
    const d = decide(this.state, cmd, { now: this.now, newId: this.newId, ...(clientId === undefined ? {} : { clientId }) });
    if (d.ok) {
      for (const e of d.events) {
        QueueEventSchema.parse(e);
        this.log.push(e);
        this.state = applyEvent(this.state, e);
      }
    }
    return d;
  }

  /** Run a command that must be accepted; returns its events. */
  ok(cmd: QueueCommandInput, clientId?: string): readonly QueueEvent[] {
    const d = this.run(cmd, clientId);
    if (!d.ok) throw new Error(`expected ${cmd.type} to be accepted, got ${d.error.code}: ${d.error.message}`);
    return d.events;
  }

  /** Run a command that must be refused; checks the state did not change and returns the code. */
  fail(cmd: QueueCommandInput | Record<string, unknown>, clientId?: string): QueueErrorCode {
    const before = this.state;
    const snapshot = structuredClone(this.state);
    const d = this.run(cmd, clientId);
    if (d.ok) throw new Error(`expected ${String(cmd.type)} to be refused, got ${d.events.map((e) => e.type).join(', ')}`);
    expect(d.error.message.length).toBeGreaterThan(5);
    expect(this.state).toBe(before);
    expect(this.state).toEqual(snapshot);
    return d.error.code;
  }

  advance(minutes: number): this {
    this.now += minutes * MIN;
    return this;
  }

  at(iso: string): this {
    this.now = Date.parse(iso);
    return this;
  }

  /** Issue a ticket and return its id. */
  issue(serviceId: string, extra: { priority?: PriorityCategory; nextServiceIds?: string[] } = {}): string {
    const e = this.ok({ type: 'issue_ticket', serviceId, ...extra })[0];
    if (e?.type !== 'ticket.issued') throw new Error('no ticket.issued');
    return e.ticketId;
  }

  /** Call next at a desk; returns [ticketId, reason]. */
  callNext(deskNo: number): [string, string] {
    const e = this.ok({ type: 'call_next', deskNo }).find((x) => x.type === 'ticket.called');
    if (e?.type !== 'ticket.called') throw new Error('no ticket.called');
    return [e.ticketId, e.reason];
  }

  /** Call, start and finish at a desk, `serviceMin` minutes of service. */
  serveNext(deskNo: number, walkMin = 0, serviceMin = 0): string {
    const [id] = this.callNext(deskNo);
    this.advance(walkMin).ok({ type: 'start', deskNo, ticketId: id });
    this.advance(serviceMin).ok({ type: 'finish', deskNo, ticketId: id });
    return id;
  }

  ticket(id: string): Ticket {
    const t = getTicket(this.state, id);
    if (t === undefined) throw new Error(`no ticket ${id}`);
    return t;
  }

  desk(deskNo: number) {
    return getDesk(this.state, deskNo);
  }
}
