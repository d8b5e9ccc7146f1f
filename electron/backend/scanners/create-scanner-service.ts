import type { Config } from '../../../contract/config';
import {
  createFakeScannerPort,
  createNodeHidScannerPort,
  type FakeScannerPort,
  formatUsbId,
  type ScannerPort,
  TRAINING_SCANNER,
} from '../../../native/hid-scanner';
import type { CreateLogger } from '../logging/logger';
import { ScannerService, type ScannerServiceDeps, type ScannerSlotConfig } from './scanner-service';

/** The slot id of the training scanner in events. */
export const TRAINING_SCANNER_ID = 'training';

/** Whether this configuration runs the training scanner: `scanners.fake`, default on, and never in production. */
export function usesFakeScanner(config: Config): boolean {
  return config.mode === 'training' && config.scanners.enabled && config.scanners.fake !== false;
}

/** The slots a configuration asks for; a device listed twice is kept once. */
export function scannerSlots(config: Config): ScannerSlotConfig[] {
  const slots: ScannerSlotConfig[] = [];
  for (const device of config.scanners.devices) {
    const id = `usb-${formatUsbId(device.vendorId, device.productId).replace(':', '-')}`;
    if (slots.some((s) => s.id === id)) continue;
    const label = device.label ?? `USB ${formatUsbId(device.vendorId, device.productId)}`;
    slots.push({ id, label, vendorId: device.vendorId, productId: device.productId, source: 'hid' });
  }
  if (usesFakeScanner(config)) {
    slots.push({
      id: TRAINING_SCANNER_ID,
      label: 'Training scanner',
      vendorId: TRAINING_SCANNER.vendorId,
      productId: TRAINING_SCANNER.productId,
      source: 'fake',
    });
  }
  return slots;
}

/** Builds (does not start) the scanner service for `config`; ports can be given (tests). */
export function createScannerService(
  config: Config,
  deps: Pick<ScannerServiceDeps, 'events' | 'now'> & { createLogger: CreateLogger; hid?: ScannerPort; fake?: FakeScannerPort },
): ScannerService {
  const logger = deps.createLogger('scanners');
  const enabled = config.scanners.enabled;
  if (config.mode === 'production' && config.scanners.fake === true) logger.warn('scanners.fake is ignored in production mode');
  return new ScannerService({
    enabled,
    slots: scannerSlots(config),
    hid: enabled ? (deps.hid ?? createNodeHidScannerPort({ onPollError: (err) => logger.debug({ err }, 'HID enumeration failed') })) : null,
    fake: usesFakeScanner(config) ? (deps.fake ?? createFakeScannerPort()) : null,
    events: deps.events,
    logger,
    now: deps.now,
  });
}
