import type { Scope } from '../../../contract/roles';

// Which screens see which events on /api/events. Scanner reads and checkpoint results concern
// e-ID codes: they go only to the screens that verify (checkpoint, desk) and to admin, never to
// a hall display or a visitor terminal. Everything else is center-wide and visible to all.
const RESTRICTED: ReadonlyArray<{ prefix: string; roles: ReadonlySet<Scope['role']> }> = [
  { prefix: 'scanner.', roles: new Set(['checkpoint', 'desk', 'admin']) },
  { prefix: 'checkpoint.', roles: new Set(['checkpoint', 'desk', 'admin']) },
];

/** True when a screen with this scope may receive an event of this type. */
export function isEventVisibleTo(type: string, scope: Pick<Scope, 'role'>): boolean {
  const rule = RESTRICTED.find((r) => type.startsWith(r.prefix));
  return rule === undefined || rule.roles.has(scope.role);
}
