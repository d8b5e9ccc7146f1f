import { afterEach, describe, expect, it } from 'vitest';
import { type EventEnvelope, EventEnvelopeSchema } from '../../../contract/events';
import { EventLog } from '../../../electron/backend/events/event-log';
import { checkEventType, InvalidEventError, rowToEnvelope, serialiseEventData } from '../../../electron/backend/events/envelope';
import { migrate } from '../../../electron/backend/storage/migrate';
import { tempDatabase } from './helpers';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

async function openLog(now = () => new Date('2025-03-01T10:00:00.000Z')) {
  const t = await tempDatabase();
  disposers.push(t.dispose);
  await migrate(t.db);
  return { db: t.db, log: await EventLog.open(t.db, { now }) };
}

describe('event envelope', () => {
  it('accepts past-tense dotted type names and rejects others', () => {
    for (const ok of ['ticket.called', 'portal.status_changed', 'queue.desk.paused']) expect(() => checkEventType(ok)).not.toThrow();
    for (const bad of ['ticket', 'Ticket.Called', 'ticket.called!', '.called', 'ticket..called', '']) {
      expect(() => checkEventType(bad)).toThrow(InvalidEventError);
    }
  });

  it('rejects data JSON cannot carry', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => serialiseEventData('a.b', circular)).toThrow(InvalidEventError);
    expect(() => serialiseEventData('a.b', { n: 10n })).toThrow(InvalidEventError);
    expect(() => serialiseEventData('a.b', () => 1)).toThrow(InvalidEventError);
    expect(serialiseEventData('a.b', undefined)).toBe('null');
  });

  it('validates stored rows against the contract', () => {
    const ok = rowToEnvelope({ seq: 1, type: 'a.b', at: '2025-03-01T10:00:00.000Z', data: '{"x":1}' });
    expect(EventEnvelopeSchema.parse(ok)).toEqual({ seq: 1, type: 'a.b', at: '2025-03-01T10:00:00.000Z', data: { x: 1 } });
    expect(() => rowToEnvelope({ seq: 0, type: 'a.b', at: '2025-03-01T10:00:00.000Z', data: '1' })).toThrow();
    expect(() => rowToEnvelope({ seq: 1, type: 'a.b', at: 'yesterday', data: '1' })).toThrow();
  });
});

describe('event log', () => {
  it('appends with growing seq and reads back contract envelopes', async () => {
    const { log } = await openLog();
    const a = await log.append('ticket.issued', { number: 'А-001' });
    const b = await log.append('ticket.called', { number: 'А-001', deskNo: 2 });
    expect(a).toEqual({ seq: 1, type: 'ticket.issued', at: '2025-03-01T10:00:00.000Z', data: { number: 'А-001' } });
    expect(b.seq).toBe(2);
    expect(log.lastSeq()).toBe(2);
    const all = await log.since(0);
    expect(all).toEqual([a, b]);
    for (const e of all) EventEnvelopeSchema.parse(e);
    expect(await log.since(1)).toEqual([b]);
    expect(await log.since(0, 1)).toEqual([a]);
  });

  it('refuses a bad event and stores nothing', async () => {
    const { log } = await openLog();
    await expect(log.append('Bad Type', {})).rejects.toThrow(InvalidEventError);
    expect(await log.since(0)).toEqual([]);
  });

  it('publishes only after commit, and never for a rolled-back transaction', async () => {
    const { db, log } = await openLog();
    const heard: EventEnvelope[] = [];
    log.subscribe((e) => heard.push(e));
    await expect(
      db.transaction(async (tx) => {
        await log.append('ticket.issued', { n: 1 }, tx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(heard).toEqual([]);
    expect(await log.since(0)).toEqual([]);

    await db.transaction(async (tx) => {
      await log.append('ticket.issued', { n: 2 }, tx);
      await log.append('ticket.called', { n: 2 }, tx);
      expect(heard).toEqual([]); // not committed yet
    });
    expect(heard.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.called']);
    expect(heard.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('publishes concurrent appends in seq order and survives a throwing listener', async () => {
    const { log } = await openLog();
    const heard: number[] = [];
    log.subscribe(() => {
      throw new Error('a broken listener');
    });
    log.subscribe((e) => heard.push(e.seq));
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append('test.happened', { i })));
    expect(heard).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('continues the sequence after reopening', async () => {
    const { db, log } = await openLog();
    await log.append('a.b', 1);
    await log.append('a.b', 2);
    const reopened = await EventLog.open(db);
    expect(reopened.lastSeq()).toBe(2);
    expect((await reopened.append('a.b', 3)).seq).toBe(3);
  });
});
