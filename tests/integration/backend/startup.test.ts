import { createServer, type Server } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend } from '../../../electron/backend/app';
import { startupFailureLine } from '../../../electron/backend/cli-output';
import { DataDirError, ListenError, StorageError } from '../../../electron/backend/errors';
import { openDatabase } from '../../../electron/backend/storage/open-database';
import { silentLogger } from '../../../electron/backend/logging/logger';
import { api, makeTempDir, startTestBackend, testConfig, type TestBackend } from './helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(): Promise<TestBackend> {
  const t = await startTestBackend();
  cleanups.push(() => t.stop());
  return t;
}

describe('start-up refusals', () => {
  it('refuses a second backend on the same data dir, and allows one after the first closed', async () => {
    const t = await started();
    const error = await startBackend(testConfig(t.dataDir), { console: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirError);
    expect(startupFailureLine(error)).toBe(`Varta cannot start: another Varta is already running with data dir ${t.dataDir}.`);
    // The first one is unharmed.
    expect((await api(t.backend.url, '/api/health')).status).toBe(200);

    await t.backend.close();
    const again = await startBackend(testConfig(t.dataDir), { console: null, rendererDir: null });
    await again.close();
  });

  it('names the port when it is already in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as { port: number }).port;
    const temp = await makeTempDir();
    cleanups.push(temp.remove);
    const error = await startBackend(testConfig(temp.dir, { server: { port } }), { console: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ListenError);
    expect(startupFailureLine(error)).toBe(`Varta cannot start: port ${port} on 127.0.0.1 is already in use.`);
    // Everything opened before the failure was closed again: the data dir is free.
    const next = await startBackend(testConfig(temp.dir), { console: null, rendererDir: null });
    await next.close();
  });

  it('names a data dir that cannot be written', async (context) => {
    if (process.platform !== 'linux') {
      context.skip('needs /proc to have a path nobody can create (Linux only)');
    }
    const dir = `/proc/varta-test-${process.pid}/data`;
    const error = await startBackend(testConfig(dir), { console: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirError);
    expect(startupFailureLine(error)).toBe(`Varta cannot start: data dir ${dir} is not writable.`);
  });

  it('names a data dir that is a file', async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.remove);
    const file = join(temp.dir, 'file');
    await writeFile(file, 'x');
    const error = await startBackend(testConfig(file), { console: null }).catch((e: unknown) => e);
    expect(startupFailureLine(error)).toBe(`Varta cannot start: data dir ${file} is not a directory.`);
  });

  it('refuses a database written by a newer Varta', async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.remove);
    const first = await startBackend(testConfig(temp.dir), { console: null, rendererDir: null });
    await first.close();
    const db = await openDatabase(join(temp.dir, 'varta.sqlite'), { logger: silentLogger() });
    await db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00Z')");
    await db.close();
    const error = await startBackend(testConfig(temp.dir), { console: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(startupFailureLine(error)).toMatch(/comes from a newer Varta \(schema version 999, this Varta knows up to \d+\)/);
  });
});

describe('start-up', () => {
  it('keeps data across restarts and prints a fresh admin link each time (the old one stops working)', async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.remove);
    const first = await startBackend(testConfig(temp.dir), { console: null, rendererDir: null });
    const firstLink = first.pairingLink;
    const lastSeq = first.context.events.lastSeq();
    await first.close();
    const second = await startBackend(testConfig(temp.dir), { console: null, rendererDir: null });
    cleanups.push(() => second.close());
    expect(second.pairingLink).not.toBe(firstLink);
    expect(second.context.events.lastSeq()).toBeGreaterThan(lastSeq);
    const oldCode = new URL(firstLink).searchParams.get('code');
    expect((await api(second.url, '/api/pair/claim', { method: 'POST', body: { code: oldCode } })).status).toBe(401);
    const newCode = new URL(second.pairingLink).searchParams.get('code');
    expect((await api(second.url, '/api/pair/claim', { method: 'POST', body: { code: newCode } })).status).toBe(200);
  });

  it('registers the shell session token with the machine role and desk', async () => {
    const sessionToken = 'shell-token-'.padEnd(43, 'x');
    const t = await startTestBackend({ role: 'desk', deskNo: 7 }, { sessionToken });
    cleanups.push(() => t.stop());
    const res = await api(t.backend.url, '/api/session', { token: sessionToken });
    expect(res.body).toEqual({ role: 'desk', deskNo: 7, label: 'shell' });
    const status = await api(t.backend.url, '/api/status', { token: sessionToken });
    expect(status.body.machineRole).toBe('desk');
  });

  it('writes redacted logs into <dataDir>/logs', async () => {
    const t = await started();
    const code = new URL(t.backend.pairingLink).searchParams.get('code') ?? '';
    await api(t.backend.url, `/pair?code=${encodeURIComponent(code)}`);
    const claimed = await api(t.backend.url, '/api/pair/claim', { method: 'POST', body: { code } });
    t.backend.context.createLogger('test').warn({ token: claimed.body.token, data: { document: { fullName: 'Іван' } } }, 'probe');
    await t.backend.close();
    const { readdir, readFile } = await import('node:fs/promises');
    const files = await readdir(join(t.dataDir, 'logs'));
    expect(files.some((f) => f.endsWith('.log'))).toBe(true);
    const text = (await Promise.all(files.map((f) => readFile(join(t.dataDir, 'logs', f), 'utf8')))).join('');
    expect(text).toContain('probe');
    expect(text).toContain('/pair?code=[redacted]');
    expect(text).not.toContain(code);
    expect(text).not.toContain(claimed.body.token);
    expect(text).not.toContain('Іван');
  });
});
