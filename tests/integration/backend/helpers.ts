import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { type Config, type ConfigInput, ConfigSchema } from '../../../contract/config';
import { type EventsServerMessage, EventsServerMessageSchema } from '../../../contract/events';
import { type Backend, type BackendOptions, startBackend } from '../../../electron/backend/app';

/** A fresh temp dir; remove it with the returned function. */
export async function makeTempDir(prefix = 'varta-test-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A valid config for tests: port 0, a long portal check interval, given data dir. */
export function testConfig(dataDir: string, overrides: Partial<ConfigInput> = {}): Config {
  return ConfigSchema.parse({
    dataDir,
    ...overrides,
    server: { port: 0, ...overrides.server },
    portal: { healthIntervalMs: 3_600_000, ...overrides.portal },
    log: { level: 'info', ...overrides.log },
  });
}

/** A started backend with its own temp data dir; `stop` closes it and removes the dir. */
export interface TestBackend {
  backend: Backend;
  dataDir: string;
  stop(): Promise<void>;
}

/** Start a real backend on port 0 in a temp data dir, without echoing logs to the console. */
export async function startTestBackend(
  overrides: Partial<ConfigInput> = {},
  options: BackendOptions = {},
): Promise<TestBackend> {
  const temp = await makeTempDir();
  const backend = await startBackend(testConfig(temp.dir, overrides), { console: null, rendererDir: null, ...options });
  return {
    backend,
    dataDir: temp.dir,
    stop: async () => {
      await backend.close();
      await temp.remove();
    },
  };
}

/** The code inside a pairing link. */
export function codeOf(link: string): string {
  const code = new URL(link).searchParams.get('code');
  if (!code) throw new Error(`no code in ${link}`);
  return code;
}

/** Claim a pairing code over HTTP and return the token. */
export async function claim(url: string, code: string): Promise<string> {
  const response = await fetch(`${url}/api/pair/claim`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (response.status !== 200) throw new Error(`claim failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** JSON request helper; returns status, content type and parsed body. */
export async function api(
  url: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are checked field by field
): Promise<{ status: number; type: string; body: any; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, type: response.headers.get('content-type') ?? '', body, headers: response.headers };
}

/** A WebSocket client of /api/events that queues what it receives. */
export class EventsClient {
  readonly messages: EventsServerMessage[] = [];
  closeCode: number | null = null;
  private waiters: Array<() => void> = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(baseUrl: string) {
    this.socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/events`);
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.closed = new Promise((resolve) => {
      this.socket.once('close', (code) => {
        this.closeCode = code;
        this.notify();
        resolve(code);
      });
    });
    this.socket.on('message', (data) => {
      this.messages.push(EventsServerMessageSchema.parse(JSON.parse(data.toString())));
      this.notify();
    });
  }

  /** Open a socket and send the hello. */
  static async connect(baseUrl: string, hello: unknown): Promise<EventsClient> {
    const client = new EventsClient(baseUrl);
    await client.opened;
    client.socket.send(typeof hello === 'string' ? hello : JSON.stringify(hello));
    return client;
  }

  /** Wait until `predicate` holds over the received messages; fails if the socket closes or `ms` pass. */
  async waitFor(predicate: (messages: EventsServerMessage[]) => boolean, what: string, ms = 10_000): Promise<void> {
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      this.notify();
    }, ms);
    try {
      while (!predicate(this.messages)) {
        if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) while waiting for ${what}`);
        if (timedOut) throw new Error(`no ${what} within ${ms} ms (got ${JSON.stringify(this.messages.slice(-3))})`);
        await new Promise<void>((resolve) => this.waiters.push(resolve));
      }
    } finally {
      clearTimeout(deadline);
    }
  }

  /** Seqs of the events received (in order). */
  eventSeqs(): number[] {
    return this.messages.flatMap((m) => (m.kind === 'event' ? [m.event.seq] : []));
  }

  /** Close and wait for the close to complete. */
  async close(): Promise<void> {
    this.socket.close();
    await this.closed;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
