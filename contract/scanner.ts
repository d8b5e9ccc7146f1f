import { z } from 'zod';

// USB barcode scanners: the events the backend appends and the /api/scanners bodies.

/** How a scanner talks: HID POS reports (usage page 0x8C) or boot keyboard reports. */
export const ScannerKindSchema = z.enum(['pos', 'keyboard']);
export type ScannerKind = z.infer<typeof ScannerKindSchema>;

export const SCANNER_SCANNED = 'scanner.scanned';
export const SCANNER_STATUS = 'scanner.status';

/**
 * Event `scanner.scanned`: one code read by a USB scanner (an e-ID code: never log `text`).
 * Like every event it is replayed to a client that resumes from an older seq: act only on live
 * ones (after the socket's `ready`), or a reconnecting screen would verify old scans again.
 */
export const ScannerScannedSchema = z
  .object({
    text: z.string().min(1).max(8192),
    /** The `id` of the device in `scanner.status`. */
    deviceId: z.string().min(1).max(100),
    at: z.iso.datetime({ offset: true }),
  })
  .strict();
export type ScannerScanned = z.infer<typeof ScannerScannedSchema>;

/** One scanner slot: a configured device or the training scanner. `kind` is null until it has been seen. */
export const ScannerDeviceStatusSchema = z
  .object({
    id: z.string().min(1).max(100),
    label: z.string().max(200),
    connected: z.boolean(),
    kind: ScannerKindSchema.nullable(),
  })
  .strict();
export type ScannerDeviceStatus = z.infer<typeof ScannerDeviceStatusSchema>;

/** Event `scanner.status`: every slot, sent at start and whenever one connects or disconnects. */
export const ScannerStatusSchema = z.object({ devices: z.array(ScannerDeviceStatusSchema) }).strict();
export type ScannerStatus = z.infer<typeof ScannerStatusSchema>;

/** A HID device that looks like a scanner, as enumerated (for the admin to pick vendor/product ids). */
export const ScannerInfoSchema = z.object({
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  product: z.string().max(200),
  path: z.string().max(500),
  kind: ScannerKindSchema,
});
export type ScannerInfoView = z.infer<typeof ScannerInfoSchema>;

/** GET /api/scanners (admin, checkpoint). */
export const ScannersResponseSchema = z.object({
  enabled: z.boolean(),
  /** Whether the training scanner is open (training mode). */
  fake: z.boolean(),
  devices: z.array(
    ScannerDeviceStatusSchema.extend({
      vendorId: z.number().int().nullable(),
      productId: z.number().int().nullable(),
      /** Reports that decoded to nothing usable since start (garbage, other report IDs). */
      ignoredReports: z.number().int().min(0),
    }),
  ),
  /** Scanner-like HID devices present now (empty without node-hid or devices). */
  available: z.array(ScannerInfoSchema),
});
export type ScannersResponse = z.infer<typeof ScannersResponseSchema>;

/** POST /api/training/scanner/scan: what the training scanner "reads"; printable ASCII, as a US keyboard types it. */
export const TrainingScanRequestSchema = z
  .object({ text: z.string().min(1).max(4096).regex(/^[\x20-\x7e]+$/, 'printable ASCII only (the training scanner types on a US keyboard)') })
  .strict();
export type TrainingScanRequest = z.infer<typeof TrainingScanRequestSchema>;

/** Answer of POST /api/training/scanner/scan: the seq of the `scanner.scanned` event. */
export const TrainingScanResponseSchema = z.object({ seq: z.number().int().positive() });
export type TrainingScanResponse = z.infer<typeof TrainingScanResponseSchema>;
