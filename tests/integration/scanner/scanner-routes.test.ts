import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCANNER_SCANNED, SCANNER_STATUS, ScannerScannedSchema, ScannersResponseSchema, ScannerStatusSchema } from '../../../contract/scanner';
import { api, claim, codeOf, EventsClient, startTestBackend, type TestBackend } from '../backend/helpers';

// The scanner routes and events over real HTTP and the real events WebSocket. There is no HID
// hardware here: the training scanner (fake adapter → real decoders) does the reading.

const QR = 'https://diia.app/documents/e-posvidchennia/123456/verify/3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5f';

async function pairedToken(t: TestBackend, admin: string, role: 'checkpoint' | 'display'): Promise<string> {
  const minted = await api(t.backend.url, '/api/pair', { method: 'POST', token: admin, body: { role } });
  if (minted.status !== 201) throw new Error(`pair failed: ${minted.status} ${JSON.stringify(minted.body)}`);
  return claim(t.backend.url, minted.body.code as string);
}

describe('scanners in training mode', () => {
  let t: TestBackend;
  let admin: string;
  let checkpoint: string;

  beforeAll(async () => {
    t = await startTestBackend({ role: 'checkpoint', scanners: { devices: [{ vendorId: 0x0c2e, productId: 0x0b61, label: 'Door' }] } });
    admin = await claim(t.backend.url, codeOf(t.backend.pairingLink));
    checkpoint = await pairedToken(t, admin, 'checkpoint');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('GET /api/scanners lists the training scanner (connected) and the configured device (not here)', async () => {
    const res = await api(t.backend.url, '/api/scanners', { token: checkpoint });
    expect(res.status).toBe(200);
    const body = ScannersResponseSchema.parse(res.body);
    expect(body.enabled).toBe(true);
    expect(body.fake).toBe(true);
    expect(body.available).toEqual([]);
    expect(body.devices).toEqual([
      { id: 'usb-0c2e-0b61', label: 'Door', connected: false, kind: null, vendorId: 0x0c2e, productId: 0x0b61, ignoredReports: 0 },
      { id: 'training', label: 'Training scanner', connected: true, kind: 'keyboard', vendorId: 0xf0ca, productId: 1, ignoredReports: 0 },
    ]);
    expect((await api(t.backend.url, '/api/scanners')).status).toBe(401);
    const display = await pairedToken(t, admin, 'display');
    expect((await api(t.backend.url, '/api/scanners', { token: display })).status).toBe(403);
    expect((await api(t.backend.url, '/api/training/scanner/scan', { method: 'POST', token: display, body: { text: 'x' } })).status).toBe(403);
  });

  it('a training scan arrives on the events socket as scanner.scanned with the text; the status was sent at start', async () => {
    const events = await EventsClient.connect(t.backend.url, { type: 'hello', token: checkpoint, since: 0 });
    await events.waitFor((m) => m.some((x) => x.kind === 'ready'), 'ready');
    const status = events.messages.flatMap((m) => (m.kind === 'event' && m.event.type === SCANNER_STATUS ? [m.event.data] : []));
    expect(ScannerStatusSchema.parse(status.at(-1))).toEqual({
      devices: [
        { id: 'usb-0c2e-0b61', label: 'Door', connected: false, kind: null },
        { id: 'training', label: 'Training scanner', connected: true, kind: 'keyboard' },
      ],
    });

    const res = await api(t.backend.url, '/api/training/scanner/scan', { method: 'POST', token: checkpoint, body: { text: QR } });
    expect(res.status).toBe(200);
    const seq = res.body.seq as number;
    await events.waitFor((m) => m.some((x) => x.kind === 'event' && x.event.seq === seq), 'the scanner.scanned event');
    const event = events.messages.find((m) => m.kind === 'event' && m.event.seq === seq);
    if (event?.kind !== 'event') throw new Error('no event');
    expect(event.event.type).toBe(SCANNER_SCANNED);
    const data = ScannerScannedSchema.parse(event.event.data);
    expect(data).toMatchObject({ text: QR, deviceId: 'training' });
    expect(Date.parse(data.at)).not.toBeNaN();
    await events.close();
  });

  it('a hall display never receives scanner reads, only the events meant for every screen', async () => {
    const display = await pairedToken(t, admin, 'display');
    const events = await EventsClient.connect(t.backend.url, { type: 'hello', token: display, since: 0 });
    await events.waitFor((m) => m.some((x) => x.kind === 'ready'), 'ready');
    const res = await api(t.backend.url, '/api/training/scanner/scan', { method: 'POST', token: checkpoint, body: { text: QR } });
    expect(res.status).toBe(200);
    // A later center-wide event proves the scan's seq has gone by on this socket.
    const marker = await t.backend.context.events.append('system.marked', {});
    await events.waitFor((m) => m.some((x) => x.kind === 'event' && x.event.seq === marker.seq), 'the marker event');
    const types = events.messages.flatMap((m) => (m.kind === 'event' ? [m.event.type] : []));
    expect(types).toContain('system.marked');
    expect(types.filter((type) => type.startsWith('scanner.'))).toEqual([]);
    await events.close();
  });

  it('bad bodies are 400 problems naming the field, and change nothing', async () => {
    const before = t.backend.context.events.lastSeq();
    const post = (init: { body?: unknown; rawBody?: string }) =>
      api(t.backend.url, '/api/training/scanner/scan', { method: 'POST', token: checkpoint, ...init });
    for (const body of [{}, { text: '' }, { text: 42 }, { text: 'Привіт' }, { text: 'a\nb' }, { text: 'x'.repeat(4097) }, { text: 'ok', extra: 1 }, []]) {
      const res = await post({ body });
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.code).toBe('invalid_body');
    }
    expect((await post({ rawBody: '{"text":' })).status).toBe(400);
    expect((await post({ body: { text: 'ok', extra: 1 } })).body.errors).toEqual([{ path: 'extra', message: 'unknown field' }]);
    expect(t.backend.context.events.lastSeq()).toBe(before);
  });
  it('the log file names the scan (length, device) but never its text', async () => {
    await t.backend.close(); // flushes the log sink; stop() later removes the dir
    const dir = join(t.dataDir, 'logs');
    const text = (await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')))).join('');
    expect(text).toContain('scanner read a code');
    expect(text).toContain(`"length":${QR.length}`);
    expect(text).not.toContain('3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5f');
  });
});

describe('scanners in production mode', () => {
  let t: TestBackend;
  let admin: string;

  beforeAll(async () => {
    // The portal is never reached in this test (long health interval); the URL only satisfies the schema.
    t = await startTestBackend({ mode: 'production', portal: { baseUrl: 'http://127.0.0.1:9' } });
    admin = await claim(t.backend.url, codeOf(t.backend.pairingLink));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the training route is 404 (with or without a token), and there is no training scanner', async () => {
    const res = await api(t.backend.url, '/api/training/scanner/scan', { method: 'POST', token: admin, body: { text: 'x' } });
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
    expect((await api(t.backend.url, '/api/training/scanner/scan', { method: 'POST', body: { text: 'x' } })).status).toBe(404);
    const list = ScannersResponseSchema.parse((await api(t.backend.url, '/api/scanners', { token: admin })).body);
    expect(list).toEqual({ enabled: true, fake: false, devices: [], available: [] });
  });
});
