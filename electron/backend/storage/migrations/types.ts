/** One numbered schema change: plain SQL applied once, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  /** SQL run by `exec`; must not contain BEGIN/COMMIT (the runner wraps it). */
  up: string;
}
