// USB barcode scanners in the backend: the service that keeps them open and emits scan events.
export { ScannerService, type ScannerServiceDeps, type ScannerSlotConfig } from './scanner-service';
export { createScannerService, scannerSlots, TRAINING_SCANNER_ID, usesFakeScanner } from './create-scanner-service';
