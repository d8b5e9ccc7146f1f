import { registerCheckpointRoutes } from './checkpoint';
import { registerHealthRoutes } from './health';
import { registerPairingRoutes } from './pairing';
import { registerQueueRoutes } from './queue';
import { registerQueueDeskRoutes } from './queue-desk';
import { registerQueuePublicRoutes } from './queue-public';
import { registerScannerRoutes } from './scanners';
import { registerStatusRoutes } from './status';
import { registerSyncRoutes } from './sync';
import { registerTrainingRoutes } from './training';
import type { RouteRegistrar } from './types';

export type { RouteOptions, RouteRegistrar } from './types';

/** Every HTTP route module of the backend, registered in this order. Add yours here. */
export const ROUTES: readonly RouteRegistrar[] = [registerHealthRoutes, registerStatusRoutes, registerPairingRoutes, registerScannerRoutes, registerCheckpointRoutes, registerTrainingRoutes, registerQueueRoutes, registerQueueDeskRoutes, registerQueuePublicRoutes, registerSyncRoutes];
