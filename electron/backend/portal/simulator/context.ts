import type { Logger } from '../../logging/logger';
import type { SimClock } from './clock';
import type { DeviceRegistry } from './devices';
import type { CodeBook } from './eid/code-book';
import type { DemoHolder } from './eid/holders';
import type { FaultController } from './faults';

/** What simulator route modules may use. Later issues add demo data (holders, centers…). */
export interface SimulatorContext {
  faults: FaultController;
  now: () => Date;
  random: () => number;
  logger: Logger;
  /** The simulator's clock with its test offset; `now` reads it. */
  clock: SimClock;
  /** Enrolled devices and their portal session tokens. */
  devices: DeviceRegistry;
  /** e-ID demo holders, issued codes and a count of verify requests (tests assert none was sent). */
  eid: { holders: readonly DemoHolder[]; codes: CodeBook; stats: { verifyRequests: number } };
}
