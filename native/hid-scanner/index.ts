// USB barcode scanners behind the ScannerPort: the node-hid adapter, the fake, and their pure parts.
export * from './scanner-port';
export * from './classify';
export { createReportSink, type ReportSink, type SinkScan } from './report-sink';
export { keyboardReportsFor, posReportsFor } from './encode-reports';
export { createNodeHidScannerPort, type HidLibrary, type NodeHidScannerOptions } from './node-hid-scanner';
export { createFakeScannerPort, type FakeScannerPort, type FakeScannerOptions, type ScriptedScan, TRAINING_SCANNER } from './fake-scanner';
