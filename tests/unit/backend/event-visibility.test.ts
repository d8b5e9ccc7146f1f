import { describe, expect, it } from 'vitest';
import { isEventVisibleTo } from '../../../electron/backend/events/visibility';

describe('event visibility by role', () => {
  it('keeps scanner reads and checkpoint results away from displays and terminals', () => {
    for (const type of ['scanner.scanned', 'checkpoint.verified']) {
      expect(isEventVisibleTo(type, { role: 'display' })).toBe(false);
      expect(isEventVisibleTo(type, { role: 'terminal' })).toBe(false);
      expect(isEventVisibleTo(type, { role: 'checkpoint' })).toBe(true);
      expect(isEventVisibleTo(type, { role: 'desk' })).toBe(true);
      expect(isEventVisibleTo(type, { role: 'admin' })).toBe(true);
    }
  });

  it('shows center-wide events to every role', () => {
    for (const role of ['display', 'terminal', 'desk', 'checkpoint', 'admin'] as const) {
      expect(isEventVisibleTo('ticket.called', { role })).toBe(true);
      expect(isEventVisibleTo('portal.status_changed', { role })).toBe(true);
    }
  });
});
