// Pure HID report decoders for barcode scanners (no I/O): boot keyboard reports and HID POS reports.
export * from './keyboard-report';
export * from './pos-report';
export { charForUsage, usageForChar } from './hid-usage-keymap';
export { toBytes } from './bytes';
