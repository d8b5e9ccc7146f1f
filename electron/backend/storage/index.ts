export { Database, type Queryable, type RunResult, type SqlParams, type Transaction } from './database';
export { migrate, checkMigrationList, type MigrationReport } from './migrate';
export { MIGRATIONS, type Migration } from './migrations';
export { openDatabase, type OpenDatabaseOptions } from './open-database';
