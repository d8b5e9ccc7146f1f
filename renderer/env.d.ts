import type { VartaBridge } from '../contract/shell';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    varta?: VartaBridge;
  }
}

export {};
