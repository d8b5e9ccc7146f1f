import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { createBestDecoder, type Decoder } from './decoders';
import type { DecodeRequest, DecodeWorkerMessage } from './worker-protocol';

/*
 * The camera's decode worker: frames arrive as transferred RGBA buffers and are decoded off
 * the UI thread. The .wasm URL comes from the Vite build (out/renderer/assets), so it is
 * served by the backend from the app bundle, never a CDN.
 */

interface WorkerScope {
  postMessage(message: DecodeWorkerMessage): void;
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let fallbackReason: string | null = null;
const decoderReady: Promise<Decoder> = createBestDecoder({ wasmUrl }, (reason) => {
  fallbackReason = reason;
});

void decoderReady.then((decoder) => scope.postMessage({ kind: 'ready', decoder: decoder.name, fallbackReason }));

scope.onmessage = (event) => {
  const { id, width, height, pixels } = event.data;
  void (async () => {
    try {
      const decoder = await decoderReady;
      const started = performance.now();
      const symbol = await decoder.decode({ data: new Uint8ClampedArray(pixels), width, height });
      scope.postMessage({ kind: 'result', id, symbol, ms: performance.now() - started });
    } catch (error) {
      scope.postMessage({ kind: 'error', id, message: error instanceof Error ? error.message : String(error) });
    }
  })();
};
