import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Backend, startBackend } from './app';
import { newToken } from './auth/secrets';
import { readyLines, startupFailureLine } from './cli-output';
import { loadConfig } from './config/load-config';
import { usage } from './config/usage';
import { ConfigError } from './errors';
import { runAuditVerify } from './verification/audit-cli';

// CLI entry of the backend (bundled to out/main/backend.js; also run as Electron's
// utilityProcess). Prints the ready lines on stdout, or ONE sentence on stderr and a
// non-zero exit code when it cannot start.

/** The Electron utilityProcess side of the pipe to main, when there is one. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function wantsDebug(argv: readonly string[]): boolean {
  const i = argv.indexOf('--log-level');
  const level = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--log-level='))?.split('=')[1];
  return ['debug', 'trace'].includes(level ?? process.env.VARTA_LOG_LEVEL ?? '');
}

/** out/main/backend.js serves out/renderer; from source (or if absent) startBackend's default applies. */
function rendererDir(): string | undefined {
  if (process.env.VARTA_RENDERER_DIR) return resolve(process.env.VARTA_RENDERER_DIR);
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const bundled = resolve(here, '..', 'renderer');
  return existsSync(join(bundled, 'index.html')) ? bundled : undefined;
}

function fail(error: unknown, debug: boolean): never {
  process.stderr.write(`${startupFailureLine(error)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  parentPort?.postMessage({ type: 'failed', message: startupFailureLine(error) });
  process.exit(error instanceof ConfigError ? 2 : 1);
}

function handleShutdown(backend: Backend): void {
  let stopping = false;
  const stop = (code: number): void => {
    if (stopping) process.exit(code === 0 ? 130 : code);
    stopping = true;
    backend.close().then(
      () => process.exit(code),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  parentPort?.on('message', (event) => {
    if ((event.data as { type?: string } | null)?.type === 'shutdown') stop(0);
  });
  const crash = (error: unknown): void => {
    process.stderr.write(`Varta stopped: unexpected error (${error instanceof Error ? error.message : String(error)}).\n`);
    stop(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'audit-verify') {
    // Checkpoint audit chain check (issue 3): one line, exit 0 intact / 1 broken / 2 usage.
    const result = await runAuditVerify(argv.slice(1));
    (result.exitCode === 2 ? process.stderr : process.stdout).write(`${result.line}\n`);
    process.exit(result.exitCode);
  }
  const debug = wantsDebug(argv);
  let backend: Backend;
  try {
    const { config, help } = await loadConfig({ argv });
    if (help) {
      process.stdout.write(`${usage()}\n`);
      return;
    }
    // Under Electron the shell's window needs a token: the one main gave us, or a fresh one.
    const sessionToken = process.env.VARTA_SESSION_TOKEN || (parentPort ? newToken() : undefined);
    backend = await startBackend(config, { sessionToken, rendererDir: rendererDir() });
    handleShutdown(backend);
    process.stdout.write(`${readyLines(backend).join('\n')}\n`);
    parentPort?.postMessage({ type: 'ready', url: backend.url, token: sessionToken });
  } catch (error) {
    fail(error, debug);
  }
}

void main();
