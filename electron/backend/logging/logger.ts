import { join } from 'node:path';
import type { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import roll from 'pino-roll';
import { REDACT_PATHS, redactUrl } from './redaction';

export type { Logger } from 'pino';

/** Makes a named child logger: `createLogger('queue')`. */
export type CreateLogger = (name: string) => Logger;

/** Where logs go and how much of them. */
export interface LoggingOptions {
  /** Folder of the rolled files (`<dataDir>/logs`); null for no file (tests of pure parts). */
  dir: string | null;
  level: pino.LevelWithSilent;
  maxFileMb: number;
  keepFiles: number;
  /** Where warnings and above are also written, as JSON lines; null for nowhere. */
  console?: Writable | null;
}

/** The one log sink of a backend: create named loggers from it, close it on shutdown. */
export interface Logging {
  createLogger: CreateLogger;
  root: Logger;
  close(): Promise<void>;
}

interface RequestLike {
  method?: string;
  url?: string;
  ip?: string;
}

// Fastify's default request serializer logs the raw URL; the pairing link carries the code
// in its query, so URLs pass through redactUrl. Headers and bodies are never logged.
const serializers: pino.LoggerOptions['serializers'] = {
  req: (req: RequestLike) => ({ method: req.method, url: redactUrl(req.url ?? ''), remoteAddress: req.ip }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  err: (err: Error) => {
    // `code` is a redacted key (pairing codes); keep an error's code under another name.
    const { code, ...rest } = pino.stdSerializers.err(err) as Record<string, unknown>;
    return code === undefined ? rest : { ...rest, errorCode: code };
  },
};

/** Open the log sink: a size-rolled file in `dir` plus warnings and above on `console`. */
export async function createLogging(options: LoggingOptions): Promise<Logging> {
  const streams: pino.StreamEntry[] = [];
  let file: Awaited<ReturnType<typeof roll>> | null = null;
  if (options.dir !== null && options.level !== 'silent') {
    file = await roll({
      file: join(options.dir, 'varta'),
      extension: '.log',
      size: `${options.maxFileMb}m`,
      limit: { count: options.keepFiles, removeOtherLogFiles: true },
      mkdir: true,
    });
    streams.push({ level: options.level, stream: file });
  }
  const consoleStream = options.console === undefined ? process.stdout : options.console;
  if (consoleStream !== null) streams.push({ level: 'warn', stream: consoleStream });
  const root = pino(
    {
      level: options.level,
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      serializers,
      base: { pid: process.pid },
    },
    pino.multistream(streams),
  );
  return {
    root,
    createLogger: (name) => root.child({ name }),
    close: () => closeStream(file),
  };
}

function closeStream(file: Awaited<ReturnType<typeof roll>> | null): Promise<void> {
  if (file === null) return Promise.resolve();
  return new Promise((resolve) => {
    file.once('close', () => resolve());
    file.end();
  });
}

/** A logger that drops everything, for code run without a sink (pure tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
