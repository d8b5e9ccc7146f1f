import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Client-side routes of the renderer; each answers index.html so a reload or a link works. */
export const ROLE_PAGES = ['/checkpoint', '/terminal', '/desk/:no', '/display', '/admin', '/pair', '/t/:id'] as const;

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><title>Varta</title></head>
<body>
<p>Інтерфейс Varta ще не зібрано: виконайте <code>npm run build</code> і запустіть Varta знову.</p>
<p lang="en">The Varta user interface is not built: run <code>npm run build</code>, then start Varta again.</p>
</body></html>
`;

/**
 * Serve the built renderer (browser mode) from `rendererDir`, with the role routes falling back
 * to index.html. Without a build, `/` and the role routes answer a short page saying so.
 */
export async function registerRenderer(app: FastifyInstance, rendererDir: string | null): Promise<void> {
  const built = rendererDir !== null && existsSync(join(rendererDir, 'index.html'));
  if (!built) {
    for (const path of ['/', ...ROLE_PAGES]) {
      app.get(path, async (_request, reply) => reply.code(200).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
    }
    return;
  }
  await app.register(fastifyStatic, {
    root: rendererDir,
    prefix: '/',
    index: ['index.html'],
    dotfiles: 'deny',
    // Vite's hashed assets may be cached for good; everything else is re-checked after an update.
    setHeaders: (res, path) => {
      const hashed = /[\\/]assets[\\/]/.test(path);
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  for (const path of ROLE_PAGES) {
    app.get(path, async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
}
