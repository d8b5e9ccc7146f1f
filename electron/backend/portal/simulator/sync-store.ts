import { type SimSyncKnobs, SimSyncKnobsSchema, type SyncStream } from '../../../../contract/sync';
import type { SimulatorContext } from './context';

/** What the simulated portal received from sync: items by stream and idempotency id, and counters of posts. */
export class SimSyncStore {
  readonly items: Record<SyncStream, Map<string, unknown>> = { ratings: new Map(), 'queue-events': new Map(), counters: new Map() };
  readonly heartbeats: Array<{ deviceId: string; at: string }> = [];
  posts = 0;
  duplicates = 0;
  knobs: SimSyncKnobs = SimSyncKnobsSchema.parse({});
}

// Kept beside the simulator context (not in it) so sync's state needs no edit of the shared context.
const stores = new WeakMap<SimulatorContext, SimSyncStore>();

/** The sync store of one running simulator. */
export function simSyncStore(sim: SimulatorContext): SimSyncStore {
  let store = stores.get(sim);
  if (!store) {
    store = new SimSyncStore();
    stores.set(sim, store);
  }
  return store;
}
