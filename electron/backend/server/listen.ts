import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { ListenError } from '../errors';

/** Listen on host:port; a taken port or a foreign address becomes one sentence. Resolves the bound port. */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<number> {
  try {
    await app.listen({ host, port });
  } catch (error) {
    throw listenFailure(error, host, port);
  }
  const address = app.server.address();
  return typeof address === 'object' && address !== null ? address.port : port;
}

/** The sentence for a failed listen. */
export function listenFailure(error: unknown, host: string, port: number): ListenError {
  const code = (error as NodeJS.ErrnoException).code;
  const options = { cause: error };
  if (code === 'EADDRINUSE') return new ListenError(`port ${port} on ${host} is already in use.`, options);
  if (code === 'EACCES') return new ListenError(`port ${port} on ${host} needs administrator rights; use a port above 1023.`, options);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ListenError(`address ${host} does not belong to this machine.`, options);
  }
  return new ListenError(`the server cannot listen on ${host}:${port} (${code ?? String(error)}).`, options);
}

type Interfaces = ReturnType<typeof networkInterfaces>;

/** The URL other machines use: a wildcard host becomes this machine's first LAN IPv4 address. */
export function publicBaseUrl(host: string, port: number, interfaces: Interfaces = networkInterfaces()): string {
  let name = host;
  if (host === '0.0.0.0' || host === '::') {
    const lan = Object.values(interfaces)
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
    name = lan?.address ?? '127.0.0.1';
  }
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}
