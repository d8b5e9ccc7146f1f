import { migration as init } from './001-init';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in order. Add a file `NNN-name.ts` and one line here; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [init];
