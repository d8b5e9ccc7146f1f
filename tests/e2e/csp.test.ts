import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { buildContentSecurityPolicy } from '../../electron/main/policy/csp';

// The shell's CSP, as Electron adds it to backend responses, enforced by real Chromium
// (Debian's /usr/bin/chromium — the engine inside Electron): what the renderer needs is
// allowed (its own scripts, wasm for zxing, blob workers, the backend socket), the rest refused.

const PAGE = `<!doctype html><html><head><script src="/app.js"></script></head><body>
<script>window.inlineRan = true;</script></body></html>`;

// Checks that must run as the page's own script: DevTools evaluation (page.evaluate) is
// exempt from the eval rule, so evaluating eval() from the test would prove nothing.
const APP_JS = `window.appRan = true;
try { eval('1'); window.evalResult = 'allowed'; } catch { window.evalResult = 'blocked'; }
window.wasmResult = WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'compiled', (e) => e.name);`;

let server: Server;
let otherServer: Server;
let browser: Browser;
let page: Page;
let origin: string;
let otherPort: number;

/** A loopback HTTP server with a WebSocket endpoint, serving PAGE under `csp` (if given). */
async function listen(csp: (origin: string) => string | null): Promise<Server> {
  const http = createServer((request, response) => {
    const own = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const policy = csp(own);
    const headers: Record<string, string> = policy === null ? {} : { 'content-security-policy': policy };
    if (request.url === '/app.js') {
      response.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(APP_JS);
    } else {
      response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    }
  });
  const sockets = new WebSocketServer({ server: http });
  sockets.on('connection', (socket) => socket.send('hello'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return http;
}

/** Opens a WebSocket in the page; resolves 'open', 'error' or 'csp' (refused by the policy). */
function trySocket(url: string): Promise<unknown> {
  return page.evaluate(`new Promise((resolve) => {
    try {
      const ws = new WebSocket(${JSON.stringify(url)});
      ws.onopen = () => { ws.close(); resolve('open'); };
      ws.onerror = () => resolve('error');
    } catch (e) { resolve(e.name === 'SecurityError' ? 'csp' : 'threw ' + e.name); }
    document.addEventListener('securitypolicyviolation', (e) => resolve('csp'), { once: true });
  })`);
}

describe('the shell CSP in Chromium', () => {
  beforeAll(async () => {
    server = await listen((own) => buildContentSecurityPolicy({ backendOrigin: own }));
    otherServer = await listen(() => null);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    otherPort = (otherServer.address() as AddressInfo).port;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.goto(`${origin}/`);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    otherServer?.close();
  });

  it('runs the page own scripts and no inline script', async () => {
    expect(await page.evaluate('window.appRan === true')).toBe(true);
    expect(await page.evaluate('window.inlineRan === true')).toBe(false);
  });

  it('refuses eval but allows WebAssembly (zxing-wasm)', async () => {
    expect(await page.evaluate('window.evalResult')).toBe('blocked');
    // The smallest valid module (magic + version), compiled by the page itself.
    expect(await page.evaluate('window.wasmResult')).toBe('compiled');
  });

  it('refuses a script injected into the page', async () => {
    const injected = `new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
    })`;
    expect(await page.evaluate(injected)).toMatch(/^script-src/);
    expect(await page.evaluate('window.injected === true')).toBe(false);
  });

  it('allows a blob: worker (the camera decoder runs in one)', async () => {
    const worker = `new Promise((resolve) => {
      const url = URL.createObjectURL(new Blob(['postMessage(6 * 7)'], { type: 'text/javascript' }));
      const w = new Worker(url);
      w.onmessage = (e) => resolve(e.data);
      w.onerror = () => resolve('refused');
    })`;
    expect(await page.evaluate(worker)).toBe(42);
  });

  it('lets the page talk to its backend socket and no other', async () => {
    expect(await trySocket(`${origin.replace('http', 'ws')}/api/events`)).toBe('open');
    expect(await trySocket(`ws://127.0.0.1:${otherPort}/`)).toBe('csp');
  });

  it('refuses fetches to other origins', async () => {
    const result = await page.evaluate(`fetch('http://127.0.0.1:${otherPort}/').then(() => 'fetched', () => 'refused')`);
    expect(result).toBe('refused');
  });
});
