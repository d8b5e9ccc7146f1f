/** Copies a report (Buffer, Uint8Array or number[]) to a Uint8Array, or null when it is not a byte sequence; never throws. */
export function toBytes(report: unknown, maxLength = 1024): Uint8Array | null {
  try {
    if (report instanceof Uint8Array) return report.length <= maxLength ? Uint8Array.from(report) : null;
    if (!Array.isArray(report) || report.length > maxLength) return null;
    const bytes = new Uint8Array(report.length);
    for (let i = 0; i < report.length; i += 1) {
      const b: unknown = report[i];
      if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255) return null;
      bytes[i] = b;
    }
    return bytes;
  } catch {
    return null;
  }
}
