import type { DecodedSymbol } from '../decode-acceptance';
import type { DecoderName } from './decoders';

/** Main thread → decode worker: one frame (its pixel buffer is transferred, not copied). */
export interface DecodeRequest {
  id: number;
  width: number;
  height: number;
  pixels: ArrayBuffer;
}

/** Decode worker → main thread. */
export type DecodeWorkerMessage =
  | { kind: 'ready'; decoder: DecoderName; fallbackReason: string | null }
  | { kind: 'result'; id: number; symbol: DecodedSymbol | null; ms: number }
  | { kind: 'error'; id: number; message: string };
