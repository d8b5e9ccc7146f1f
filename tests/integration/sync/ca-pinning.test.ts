import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalApi } from '../../../electron/backend/sync/portal-api';
import { createPortalHttp, PortalCallError } from '../../../electron/backend/portal/portal-http';
import { makeTempDir } from '../backend/helpers';

// Production CA pinning against a real TLS server: portal.caFile is the ONLY trusted CA, and
// portal.pinSha256 must match the server certificate's SPKI.

let temp: { dir: string; remove: () => Promise<void> };
let server: Server;
let baseUrl: string;
let spki: string;

function selfSigned(dir: string, name: string): { key: string; cert: string } {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key, cert };
}

beforeAll(async () => {
  temp = await makeTempDir('varta-tls-');
  const pair = selfSigned(temp.dir, 'portal');
  selfSigned(temp.dir, 'other');
  const pem = readFileSync(pair.cert);
  spki = createHash('sha256').update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  server = createServer({ key: readFileSync(pair.key), cert: pem }, (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: 'cnap-demo', name: { uk: 'Ц', en: 'C' } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await temp.remove();
});

async function fetchCenter(options: { caFile?: string; pinSha256?: string }): Promise<unknown> {
  const api = new PortalApi(createPortalHttp({ baseUrl, timeoutMs: 2000, ...options }), 2000);
  return api.getDataset('/api/v1/centers/cnap-demo', 'token-token-token', null);
}

describe('portal CA pinning', () => {
  it('trusts the pinned CA file and the matching SPKI', async () => {
    expect(await fetchCenter({ caFile: join(temp.dir, 'portal.pem'), pinSha256: spki })).toMatchObject({ notModified: false });
    const hex = Buffer.from(spki, 'base64').toString('hex');
    expect(await fetchCenter({ caFile: join(temp.dir, 'portal.pem'), pinSha256: hex })).toMatchObject({ notModified: false });
  });

  it('refuses a server whose certificate is not from the configured CA', async () => {
    const error = await fetchCenter({ caFile: join(temp.dir, 'other.pem') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalCallError);
    expect((error as PortalCallError).retryable).toBe(true);
  });

  it('refuses a certificate whose SPKI does not match the pin, in words', async () => {
    const error = await fetchCenter({ caFile: join(temp.dir, 'portal.pem'), pinSha256: Buffer.alloc(32).toString('base64') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalCallError);
    expect((error as Error).message).toMatch(/pinSha256/);
  });
});
