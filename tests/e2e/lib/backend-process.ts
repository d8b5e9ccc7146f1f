import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface RunningBackend {
  url: string;
  pairingLink: string;
  dataDir: string;
  output: string[];
  stop(): Promise<void>;
}

/** Starts the built backend CLI (`out/main/backend.js`) as a real process and waits for its ready line. */
export async function startBackendProcess(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'varta-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'out/main/backend.js'), '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const pairingLink = await waitForReadyLine(child, output);
  return {
    url: new URL(pairingLink).origin,
    pairingLink,
    dataDir,
    output,
    async stop() {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForReadyLine(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolveLink, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output.push(line);
      const match = /^Varta ready: (\S+)$/.exec(line);
      if (match?.[1]) resolveLink(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`backend exited with ${code} before it was ready:\n${output.join('\n')}`)));
  });
}

/** Sends SIGTERM and waits for the process to exit. */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => {
    child.once('exit', () => resolveExit());
    child.kill('SIGTERM');
  });
}
