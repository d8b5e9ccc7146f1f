import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EidDocumentSchema } from '../../../contract/eid';
import { avatarDataUrl, renderAvatar } from '../../../electron/backend/portal/simulator/eid/avatar';
import { loadDemoHolders } from '../../../electron/backend/portal/simulator/eid/holders';
import { crc32, encodePngRgb, PNG_SIGNATURE } from '../../../electron/backend/portal/simulator/eid/png';

/** Splits a PNG into chunks, checking each CRC. */
function chunks(png: Buffer): Array<{ type: string; data: Buffer; crcOk: boolean }> {
  const out = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    out.push({ type, data, crcOk: crc === crc32(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return out;
}

describe('PNG encoder', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes signature, IHDR, IDAT, IEND with valid CRCs and pixels that inflate back', () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    const png = encodePngRgb(2, 2, rgb);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const ihdr = list[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12]]).toEqual([2, 2, 8, 2, 0, 0, 0]);
    const raw = inflateSync(list[1]!.data);
    expect([...raw]).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 10, 20, 30]);
  });

  it('refuses a pixel buffer of the wrong size', () => {
    expect(() => encodePngRgb(2, 2, new Uint8Array(5))).toThrow(RangeError);
    expect(() => encodePngRgb(0, 2, new Uint8Array(0))).toThrow(RangeError);
  });

  it('avatars are deterministic per seed, differ between seeds, and pass the document photo schema', () => {
    expect(avatarDataUrl('h01')).toBe(avatarDataUrl('h01'));
    expect(Buffer.from(renderAvatar('h01', 16)).equals(Buffer.from(renderAvatar('h02', 16)))).toBe(false);
    const holders = loadDemoHolders();
    expect(holders.length).toBeGreaterThanOrEqual(8);
    for (const h of holders) expect(EidDocumentSchema.safeParse(h.document).success).toBe(true);
    const png = Buffer.from(holders[0]!.document.photo.split(',')[1]!, 'base64');
    expect(chunks(png).every((c) => c.crcOk)).toBe(true);
  });
});
