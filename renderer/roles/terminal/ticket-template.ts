/** Everything printed on a ticket; labels come already translated. */
export interface TicketPrintData {
  number: string;
  serviceName: string;
  position: string;
  wait: string;
  issuedAt: string;
  priority: string | null;
  /** QR code as an SVG document (from the `qrcode` package), embedded as an image. */
  qrSvg: string | null;
  labels: { title: string; center: string; service: string; position: string; wait: string; issuedAt: string; scan: string; priority: string };
  /** Paper width: 58 mm or 80 mm thermal rolls. */
  paperMm?: 58 | 80;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function row(label: string, value: string): string {
  return `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

/**
 * The ticket as one self-contained HTML page for a thermal printer: UTF-8 (Cyrillic prints right),
 * `@page` sized to the roll, no external resources (the QR is a data: image).
 */
export function renderTicketHtml(data: TicketPrintData): string {
  const width = data.paperMm ?? 80;
  const qr = data.qrSvg ? `<img class="qr" alt="" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.qrSvg)}">` : '';
  const priority = data.priority ? row(data.labels.priority, data.priority) : '';
  return `<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><title>${escapeHtml(data.labels.title)} ${escapeHtml(data.number)}</title>
<style>
@page { size: ${width}mm auto; margin: 2mm; }
html, body { margin: 0; padding: 0; }
body { width: ${width - 4}mm; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #000; text-align: center; }
.center { font-size: 9pt; }
.number { font-size: ${width === 58 ? 30 : 40}pt; font-weight: 700; margin: 2mm 0; letter-spacing: 0.05em; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; text-align: left; }
th { font-weight: 400; padding-right: 2mm; vertical-align: top; }
td { font-weight: 700; }
.qr { width: ${width === 58 ? 28 : 34}mm; height: auto; margin-top: 2mm; }
.scan { font-size: 8pt; }
</style></head>
<body>
<div class="center">${escapeHtml(data.labels.center)}</div>
<div class="title">${escapeHtml(data.labels.title)}</div>
<div class="number">${escapeHtml(data.number)}</div>
<table>${row(data.labels.service, data.serviceName)}${priority}${row(data.labels.position, data.position)}${row(data.labels.wait, data.wait)}${row(data.labels.issuedAt, data.issuedAt)}</table>
${qr}
<div class="scan">${escapeHtml(data.labels.scan)}</div>
</body></html>
`;
}
