import type { DeskView } from '../../../contract/queue';
import type { DeskAction } from './shortcuts';

/** Actions that make sense for the desk's state now; the buttons and the keys use the same answer. */
export function availableActions(view: DeskView | null, paused: boolean): Set<DeskAction> {
  const actions = new Set<DeskAction>();
  if (!view) return actions;
  actions.add('break');
  if (view.onBreak) return actions;
  const current = view.current;
  if (!current) {
    if (!paused) actions.add('callNext');
    return actions;
  }
  if (current.status === 'called') {
    if (!paused) for (const a of ['recall', 'start', 'noShow'] as const) actions.add(a);
    actions.add('transfer');
  } else if (current.status === 'serving') {
    actions.add('finish');
    actions.add('transfer');
  }
  return actions;
}
