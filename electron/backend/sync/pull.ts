import type { SyncDataset } from '../../../contract/sync';
import type { Database } from '../storage/database';
import type { Enrollment } from './enrollment';
import { DATASET_SCHEMAS, type PortalApi } from './portal-api';
import { PortalCallError } from '../portal/portal-http';

/** The data sets sync pulls. */
export const DATASET_NAMES = ['center', 'services', 'bookings'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Told about each data set that changed (the queue hub applies services/bookings here). */
export type DatasetListener = (name: DatasetName, data: unknown) => void | Promise<void>;

export interface PullDeps {
  db: Database;
  api: PortalApi;
  enrollment: Enrollment;
  nowMs: () => number;
  bookingsDaysAhead: number;
  staleAfterS: number;
}

/** Pull center, services (ETag → 304) and bookings (cursor pages, today + N days); returns the names that changed. */
export async function pullAll(deps: PullDeps, listeners: readonly DatasetListener[]): Promise<DatasetName[]> {
  const { centerId } = await deps.enrollment.identity();
  const changed: DatasetName[] = [];
  const base = `/api/v1/centers/${encodeURIComponent(centerId)}`;
  if (await pullOne(deps, 'center', base, true)) changed.push('center');
  if (await pullOne(deps, 'services', `${base}/services`, true)) changed.push('services');
  if (await pullBookings(deps, `${base}/bookings`)) changed.push('bookings');
  for (const name of changed) {
    const data = await readDataset(deps.db, name);
    for (const listener of listeners) await listener(name, data);
  }
  return changed;
}

async function withToken<T>(deps: PullDeps, call: (token: string) => Promise<T>): Promise<T> {
  try {
    return await call(await deps.enrollment.getPortalToken());
  } catch (error) {
    if (!(error instanceof PortalCallError) || error.kind !== 'unauthorized') throw error;
    deps.enrollment.invalidateToken(); // an expired token: one fresh try
    return call(await deps.enrollment.getPortalToken());
  }
}

async function pullOne(deps: PullDeps, name: 'center' | 'services', path: string, useEtag: boolean): Promise<boolean> {
  const previous = await deps.db.get<{ etag: string | null }>('SELECT etag FROM sync_datasets WHERE name = ?', [name]);
  const answer = await withToken(deps, (token) => deps.api.getDataset(path, token, useEtag ? (previous?.etag ?? null) : null));
  const at = new Date(deps.nowMs()).toISOString();
  if (answer.notModified) {
    await deps.db.run('UPDATE sync_datasets SET fetched_at = ? WHERE name = ?', [at, name]);
    return false;
  }
  const parsed = (name === 'center' ? DATASET_SCHEMAS.center : DATASET_SCHEMAS.services).safeParse(answer.body);
  if (!parsed.success) throw new PortalCallError(`the portal's ${name} answer does not match the contract`, 'malformed');
  const count = 'services' in parsed.data ? parsed.data.services.length : null;
  const before = await readDataset(deps.db, name);
  await saveDataset(deps.db, name, answer.etag, at, count, parsed.data);
  return JSON.stringify(before) !== JSON.stringify(parsed.data);
}

async function pullBookings(deps: PullDeps, path: string): Promise<boolean> {
  const center = (await readDataset(deps.db, 'center')) as { timeZone?: string } | null;
  const dates = datesAhead(deps.nowMs(), deps.bookingsDaysAhead, center?.timeZone ?? 'UTC');
  const bookings: unknown[] = [];
  for (const date of dates) {
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const query = `?date=${date}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const answer = await withToken(deps, (token) => deps.api.getDataset(path + query, token, null));
      if (answer.notModified) break;
      const parsed = DATASET_SCHEMAS.bookings.safeParse(answer.body);
      if (!parsed.success) throw new PortalCallError("the portal's bookings answer does not match the contract", 'malformed');
      bookings.push(...parsed.data.items);
      cursor = parsed.data.nextCursor;
      if (cursor === null) break;
    }
  }
  const at = new Date(deps.nowMs()).toISOString();
  const previous = await readDataset(deps.db, 'bookings');
  const data = { dates, bookings };
  await saveDataset(deps.db, 'bookings', null, at, bookings.length, data);
  return JSON.stringify(previous) !== JSON.stringify(data);
}

/** Today and the next `days` dates (YYYY-MM-DD) in `timeZone`. */
export function datesAhead(nowMs: number, days: number, timeZone: string): string[] {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return Array.from({ length: days + 1 }, (_, i) => format.format(new Date(nowMs + i * 86_400_000)));
}

async function saveDataset(db: Database, name: string, etag: string | null, at: string, count: number | null, data: unknown): Promise<void> {
  await db.run(
    `INSERT INTO sync_datasets (name, etag, fetched_at, count, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET etag = excluded.etag, fetched_at = excluded.fetched_at, count = excluded.count, data = excluded.data`,
    [name, etag, at, count, JSON.stringify(data)],
  );
}

/** The stored copy of a data set (null when never pulled). */
export async function readDataset(db: Database, name: DatasetName): Promise<unknown> {
  const row = await db.get<{ data: string }>('SELECT data FROM sync_datasets WHERE name = ?', [name]);
  return row ? JSON.parse(row.data) : null;
}

/** Each data set's age and staleness. */
export async function datasetAges(db: Database, nowMs: number, staleAfterS: number): Promise<SyncDataset[]> {
  const rows = await db.all<{ name: string; fetched_at: string; count: number | null }>('SELECT name, fetched_at, count FROM sync_datasets');
  const byName = new Map(rows.map((r) => [r.name, r]));
  return DATASET_NAMES.map((name) => {
    const row = byName.get(name);
    if (!row) return { name, fetchedAt: null, ageS: null, stale: true, count: null };
    const ageS = Math.max(0, Math.round((nowMs - Date.parse(row.fetched_at)) / 1000));
    return { name, fetchedAt: row.fetched_at, ageS, stale: ageS > staleAfterS, count: row.count };
  });
}
