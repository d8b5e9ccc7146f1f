import type { Logger } from '../../logging/logger';
import type { FaultController } from './faults';

/** What simulator route modules may use. Later issues add demo data (holders, centers…). */
export interface SimulatorContext {
  faults: FaultController;
  now: () => Date;
  random: () => number;
  logger: Logger;
}
