import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

/*
 * A fake camera clip for Chromium (`--use-file-for-fake-video-capture=<file>.y4m`): a QR code
 * drawn from its module matrix, scaled up with a white quiet zone, centred in a grey 640x480
 * luma plane; chroma planes neutral (128). Y4M 4:2:0, a few identical frames (Chromium loops it).
 */

export interface QrY4mOptions {
  width?: number;
  height?: number;
  frames?: number;
  /** Pixels per QR module. Default: the largest that fits 80 % of the frame height. */
  scale?: number;
}

/** The Y (luma) plane of a frame showing `text` as a QR code. */
export function qrLumaPlane(text: string, width: number, height: number, scale?: number): Uint8Array {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const total = size + 2 * quiet;
  const px = scale ?? Math.max(1, Math.floor((height * 0.8) / total));
  const plane = new Uint8Array(width * height).fill(150); // grey background, like a phone held up
  const left = Math.floor((width - total * px) / 2);
  const top = Math.floor((height - total * px) / 2);
  for (let y = 0; y < total * px; y += 1) {
    for (let x = 0; x < total * px; x += 1) {
      const row = Math.floor(y / px) - quiet;
      const col = Math.floor(x / px) - quiet;
      const dark = row >= 0 && col >= 0 && row < size && col < size && qr.modules.get(row, col) === 1;
      plane[(top + y) * width + left + x] = dark ? 16 : 235;
    }
  }
  return plane;
}

/** Writes a YUV4MPEG2 file whose frames show `text` as a QR code; returns the path. */
export function writeQrY4m(path: string, text: string, options: QrY4mOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const luma = qrLumaPlane(text, width, height, options.scale);
  const chroma = new Uint8Array((width / 2) * (height / 2)).fill(128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\n`);
  const frames = Array.from({ length: options.frames ?? 5 }, () => frame);
  writeFileSync(path, Buffer.concat([header, ...frames]));
  return path;
}
