import { describe, expect, it } from 'vitest';
import {
  IssueTicketBodySchema, QUEUE_ERROR_STATUS, QueueCommandSchema, QueueCommandTypeSchema, QueueErrorCodeSchema,
  QueueEventSchema, QueueSettingsSchema, TransferBodySchema, parseQueueEvent,
} from '../../../contract/queue';

// The queue's contract: bodies are strict, defaults are documented, every error code has a status.

describe('queue contract', () => {
  it('fills body defaults and rejects unknown keys', () => {
    expect(IssueTicketBodySchema.parse({ serviceId: 'passport' })).toEqual({ serviceId: 'passport', nextServiceIds: [], priority: null });
    expect(IssueTicketBodySchema.safeParse({ serviceId: 'passport', deskNo: 1 }).success).toBe(false);
    expect(IssueTicketBodySchema.safeParse({ serviceId: 'passport', priority: 'vip' }).success).toBe(false);
    expect(IssueTicketBodySchema.safeParse({ serviceId: '__proto__' }).success).toBe(false);
  });

  it('a transfer needs a target service or desk and a reason', () => {
    const base = { deskNo: 1, ticketId: 't1', reason: 'needs a lawyer' };
    expect(TransferBodySchema.safeParse({ ...base, to: { serviceId: 'land' } }).success).toBe(true);
    expect(TransferBodySchema.safeParse({ ...base, to: { deskNo: 2 } }).success).toBe(true);
    expect(TransferBodySchema.safeParse({ ...base, to: {} }).success).toBe(false);
    expect(TransferBodySchema.safeParse({ ...base, reason: '   ', to: { deskNo: 2 } }).success).toBe(false);
  });

  it('lists every command type and picks the command by `type`', () => {
    expect(QueueCommandTypeSchema.options).toHaveLength(QueueCommandSchema.options.length);
    expect(QueueCommandTypeSchema.options).toContain('close_day');
    expect(QueueCommandSchema.parse({ type: 'rate', ticketId: 't1', score: 5 })).toEqual({ type: 'rate', ticketId: 't1', score: 5, reasons: [] });
    expect(QueueCommandSchema.safeParse({ type: 'rate', ticketId: 't1', score: 0 }).success).toBe(false);
  });

  it('has documented settings defaults (Kyiv time, 15/10 min check-in window, cap 3)', () => {
    expect(QueueSettingsSchema.parse({})).toMatchObject({
      timeZone: 'Europe/Kyiv', checkInEarlyMin: 15, checkInLateMin: 10, priorityCap: 3, priorityPrefix: 'П', maxRecalls: 2,
    });
  });

  it('maps every error code to an HTTP status', () => {
    for (const code of QueueErrorCodeSchema.options) expect([404, 409, 422]).toContain(QUEUE_ERROR_STATUS[code]);
  });

  it('parseQueueEvent agrees with QueueEventSchema, including on bad input', () => {
    const good = { type: 'ticket.started', at: '2025-06-02T07:00:00.000Z', ticketId: 't1', version: 3, deskNo: 2 };
    expect(parseQueueEvent(good)).toEqual(QueueEventSchema.parse(good));
    expect(() => parseQueueEvent({ ...good, version: 0 })).toThrow();
    expect(() => parseQueueEvent({ ...good, type: 'ticket.teleported' })).toThrow();
    expect(() => parseQueueEvent(null)).toThrow();
    expect(() => parseQueueEvent({ ...good, extra: true })).toThrow();
  });
});
