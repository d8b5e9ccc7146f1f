import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// The one build config (electron-vite reads it through `--config vite.config.ts`):
// main process + backend (plain Node too), the sandboxed preload, and the renderer.
const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          backend: resolve(root, 'electron/backend/index.ts'),
          // Built on its own so `npm start` can ask for the runtime before it starts anything.
          runtime: resolve(root, 'electron/main/runtime.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload cannot be an ES module: one CommonJS file, named .cjs so it stays
        // CommonJS under "type": "module" (electron/main/index.ts loads out/preload/index.cjs).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Absolute asset URLs: role pages live at nested paths (/desk/3) and are served over http, also in Electron.
    plugins: [react(), { name: 'varta-renderer-absolute-base', config: () => ({ base: '/' }) }],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
