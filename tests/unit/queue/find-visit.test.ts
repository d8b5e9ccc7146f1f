import { describe, expect, it } from 'vitest';
import { FIND_BY_NUMBER_WINDOW_MS, findVisit, parseTicketNumber } from '../../../electron/backend/queue/core/find-ticket';
import { Center, MIN } from './helpers';

// Finding a visit to rate: by the QR's unguessable id at any time that day, by its typed number
// only while its service ended recently.

describe('findVisit', () => {
  it('reads typed numbers loosely: Latin look-alikes, no dash, no leading zeros', () => {
    expect(parseTicketNumber('а-012')).toEqual({ series: 'А', seq: 12 });
    expect(parseTicketNumber('A 12')).toEqual({ series: 'А', seq: 12 });
    expect(parseTicketNumber('12')).toBeNull();
    expect(parseTicketNumber('А-000')).toBeNull();
  });

  it('finds a finished visit by number within the window, and only by its id after it', () => {
    const c = new Center();
    c.issue('passport');
    const id = c.serveNext(2, 1, 5);
    const { number } = c.ticket(id);
    expect(findVisit(c.state, { number }, c.now)?.id).toBe(id);
    c.advance(FIND_BY_NUMBER_WINDOW_MS / MIN);
    expect(findVisit(c.state, { number }, c.now)?.id).toBe(id);
    c.advance(1);
    expect(findVisit(c.state, { number }, c.now)).toBeUndefined();
    expect(findVisit(c.state, { ticketId: id }, c.now)?.id).toBe(id);
  });

  it('does not find a visit still waiting by its number', () => {
    const c = new Center();
    const id = c.issue('passport');
    expect(findVisit(c.state, { number: c.ticket(id).number }, c.now)).toBeUndefined();
    expect(findVisit(c.state, { ticketId: id }, c.now)?.status).toBe('waiting');
  });
});
