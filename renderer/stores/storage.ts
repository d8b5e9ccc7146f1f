import type { z } from 'zod';

/** Prefix of every localStorage key Varta writes, so they are easy to find and clear. */
export const STORAGE_PREFIX = 'varta.';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some kiosk browsers throw on access when storage is disabled.
    return null;
  }
}

/** Read and validate a stored value; anything missing, unparsable or invalid gives `null`. */
export function readStored<S extends z.ZodType>(key: string, schema: S): z.infer<S> | null {
  const raw = storage()?.getItem(STORAGE_PREFIX + key);
  if (raw === null || raw === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Store a value as JSON; failures (quota, disabled storage) are logged, not thrown. */
export function writeStored(key: string, value: unknown): void {
  try {
    storage()?.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
  } catch (error) {
    console.warn(`[varta] could not save ${STORAGE_PREFIX + key}`, error);
  }
}

/** Remove a stored value. */
export function removeStored(key: string): void {
  try {
    storage()?.removeItem(STORAGE_PREFIX + key);
  } catch (error) {
    console.warn(`[varta] could not remove ${STORAGE_PREFIX + key}`, error);
  }
}
