import type { DecodeRequest } from './worker-protocol';

/*
 * Grabs the current video frame as RGBA pixels for the worker. Large frames are scaled down
 * to at most `maxWidth` (a 13-digit barcode or a QR held up to the kiosk still spans hundreds
 * of pixels, and decode time grows with the pixel count).
 */

let canvas: HTMLCanvasElement | null = null;

/** The frame now showing in `video` as a decode request, or null when no frame is ready. */
export function grabFrame(video: HTMLVideoElement, id: number, maxWidth = 1280): DecodeRequest | null {
  if (video.readyState < 2 || video.videoWidth === 0 || video.videoHeight === 0) return null;
  const scale = Math.min(1, maxWidth / video.videoWidth);
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  canvas ??= document.createElement('canvas');
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  const image = context.getImageData(0, 0, width, height);
  return { id, width, height, pixels: image.data.buffer as ArrayBuffer };
}
