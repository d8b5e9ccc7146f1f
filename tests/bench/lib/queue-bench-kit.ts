import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { QueueDesk, QueueService } from '../../../contract/queue';

// Shared by the queue benches: the BUILT backend (out/main/backend.js) in its own process, so the
// hub and the clients do not share an event loop; tokens paired over HTTP (each claim from its own
// loopback address, as separate machines would, so the claim rate limit does not bite); a
// keep-alive JSON client; the hub's memory through a tiny IPC probe loaded with --require.

const ROOT = resolve(import.meta.dirname, '../../..');
const PROBE = `process.on('message', (m) => { if (m === 'mem') { const cpu = process.cpuUsage(); if (global.gc) global.gc(); process.send({ ...process.memoryUsage(), cpuUs: cpu.user + cpu.system }); } });\n`;

/** A JSON answer. */
export interface JsonReply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bench bodies are read field by field
  body: any;
}

/** A keep-alive HTTP/1.1 JSON client for one base URL. */
export class JsonClient {
  readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port);
  }

  /** One request; resolves with the status and parsed body. */
  send(method: string, path: string, token?: string, body?: unknown, localAddress?: string): Promise<JsonReply> {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (data !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(data));
    }
    return new Promise((done, fail) => {
      const req = request(
        { host: this.host, port: this.port, method, path, headers, agent: localAddress ? false : this.agent, ...(localAddress ? { localAddress } : {}) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = text;
            try {
              parsed = text.length > 0 ? JSON.parse(text) : null;
            } catch {
              // keep the text
            }
            done({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('error', fail);
      if (data !== undefined) req.write(data);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A backend process with an admin token. */
export interface HubProcess {
  url: string;
  admin: string;
  client: JsonClient;
  pair(role: 'terminal' | 'desk' | 'display', deskNo?: number): Promise<string>;
  /** The hub's memory after a full GC (heap), its RSS, and the CPU time it has used so far (µs). */
  memory(): Promise<NodeJS.MemoryUsage & { cpuUs: number }>;
  /** The data dir (removed by stop unless `keep`). */
  dataDir: string;
  stop(options?: { keep?: boolean }): Promise<void>;
}

let claims = 0;

/** Start out/main/backend.js in a (new temp) data dir (training mode: the demo center is pulled). */
export async function startHubProcess(existingDataDir?: string): Promise<HubProcess> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'varta-bench-'));
  const probe = join(dataDir, 'probe.cjs');
  writeFileSync(probe, PROBE);
  const child = spawn(process.execPath, [...(process.env.QUEUE_BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/qprof'] : []), '--expose-gc', '--require', probe, join(ROOT, 'out/main/backend.js'), '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const link = await readyLink(child);
  const url = new URL(link).origin;
  const client = new JsonClient(url);
  const claim = async (code: string): Promise<string> => {
    const r = await client.send('POST', '/api/pair/claim', undefined, { code }, `127.0.${Math.floor(claims / 200) + 1}.${(claims++ % 200) + 2}`);
    if (r.status !== 200) throw new Error(`claim failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token as string;
  };
  const admin = await claim(new URL(link).searchParams.get('code') ?? '');
  return {
    url,
    admin,
    client,
    pair: async (role, deskNo) => {
      const r = await client.send('POST', '/api/pair', admin, deskNo === undefined ? { role } : { role, deskNo });
      if (r.status !== 201) throw new Error(`pair failed: ${r.status}`);
      return claim(r.body.code as string);
    },
    memory: () =>
      new Promise((done) => {
        child.once('message', (m) => done(m as NodeJS.MemoryUsage & { cpuUs: number }));
        child.send('mem');
      }),
    dataDir,
    stop: async (options = {}) => {
      client.close();
      await new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      if (options.keep !== true) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readyLink(child: ChildProcess): Promise<string> {
  const output: string[] = [];
  child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout ?? process.stdin }).on('line', (line) => {
      output.push(line);
      const m = /^Varta ready: (\S+)$/.exec(line);
      if (m?.[1]) done(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`backend exited (${code}) before ready:\n${output.join('\n')}`)));
  });
}

/** The p-th percentile (0-100) of the values (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Services and N desks that all serve them (the benches' center). */
export function benchCenter(desks: number): { services: QueueService[]; desks: QueueDesk[] } {
  const services: QueueService[] = [
    { id: 'passport', name: { uk: 'Паспорт', en: 'Passport' }, category: 'documents', prefix: 'А', targetWaitMin: 15 },
    { id: 'residence', name: { uk: 'Реєстрація місця проживання', en: 'Residence' }, category: 'residence', prefix: 'В', targetWaitMin: 15 },
  ];
  return { services, desks: Array.from({ length: desks }, (_, i) => ({ deskNo: i + 1, serviceIds: ['passport', 'residence'] })) };
}
