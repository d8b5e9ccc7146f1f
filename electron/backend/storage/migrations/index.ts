import { migration as init } from './001-init';
import { migration as checkpoint } from './002-checkpoint';
import { migration as queue } from './003-queue';
import { migration as sync } from './004-sync';
import { migration as outboxState } from './005-outbox-state';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in order. Add a file `NNN-name.ts` and one line here; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [init, checkpoint, queue, sync, outboxState];
