import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../storage/database';
import { hashAdminPin, verifyAdminPin } from './admin-pin';
import { readState, writeState } from './state-repository';

/** Why a PIN-guarded action was refused. */
export type PinRefusal = 'pin_not_set' | 'wrong_pin';

/** Set the admin PIN the first time, or change it given the current one. Returns null or the refusal. */
export async function setAdminPin(db: Database, pin: string, currentPin: string | undefined): Promise<PinRefusal | null> {
  const stored = await readState(db, 'adminPinHash');
  if (stored !== null && (currentPin === undefined || !(await verifyAdminPin(currentPin, stored)))) return 'wrong_pin';
  await writeState(db, 'adminPinHash', await hashAdminPin(pin));
  return null;
}

/** Check the admin PIN. */
export async function checkAdminPin(db: Database, pin: string): Promise<PinRefusal | null> {
  const stored = await readState(db, 'adminPinHash');
  if (stored === null) return 'pin_not_set';
  return (await verifyAdminPin(pin, stored)) ? null : 'wrong_pin';
}

/**
 * Persist the mode (and the production portal URL) to `<dataDir>/config.json`; it takes effect at
 * the next start (an honest simple approach: every service is built for one mode). Flags and
 * VARTA_* variables still win over the file.
 */
export async function persistMode(dataDir: string, mode: 'training' | 'production', portalUrl: string | undefined): Promise<void> {
  const path = join(dataDir, 'config.json');
  let current: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) current = parsed as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const portal = { ...((current.portal as Record<string, unknown> | undefined) ?? {}) };
  if (portalUrl !== undefined) portal.baseUrl = portalUrl;
  const next = { ...current, mode, portal };
  await writeFile(`${path}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}
