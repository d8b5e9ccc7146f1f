import { SCANNER_SCANNED, SCANNER_STATUS, ScannerScannedSchema, ScannerStatusSchema } from '../../../contract/scanner';
import { useVerification } from '../../stores/verification';
import type { EventHandlers } from './types';

/*
 * Backend events of the eid area. A USB scan (`scanner.scanned`) is verified only while a
 * checkpoint screen is showing, as a scan from the 'scanner' source, and only while it is fresh:
 * a reconnecting screen is replayed the events it missed, and an old scan must not be checked
 * again. Anything malformed is ignored with a warning that names no content (a scan may carry a
 * personal code).
 */

/** A scan older than this (by its own `at`) is a replay, not a person at the scanner now. */
export const SCAN_FRESH_MS = 15_000;

/** Clock for the freshness check (tests replace it). */
export const eventClock = { now: (): number => Date.now() };

/** Backend events of the eid area → store updates. */
export const eidEventHandlers: EventHandlers = {
  [SCANNER_SCANNED]: (event) => {
    const scan = ScannerScannedSchema.safeParse(event.data);
    if (!scan.success) return console.warn('[varta] scanner.scanned with invalid data ignored');
    const age = eventClock.now() - Date.parse(scan.data.at);
    if (!(Math.abs(age) <= SCAN_FRESH_MS)) return;
    const store = useVerification.getState();
    if (store.screens > 0) void store.verify(scan.data.text, 'scanner');
  },
  [SCANNER_STATUS]: (event) => {
    const status = ScannerStatusSchema.safeParse(event.data);
    if (status.success) useVerification.getState().setScanner(status.data);
    else console.warn('[varta] scanner.status with invalid data ignored');
  },
  'checkpoint.verified': () => useVerification.getState().noteVerified(),
};
