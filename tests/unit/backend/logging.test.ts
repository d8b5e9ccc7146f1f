import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogging } from '../../../electron/backend/logging/logger';
import { redactUrl } from '../../../electron/backend/logging/redaction';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('logging', () => {
  it('echoes warnings and above to the console as JSON lines, named by the factory', async () => {
    const out = capture();
    const logging = await createLogging({ dir: null, level: 'debug', maxFileMb: 1, keepFiles: 1, console: out.stream });
    const log = logging.createLogger('queue');
    log.info('quiet');
    log.warn('loud');
    log.error('louder');
    await logging.close();
    expect(out.lines().map((l) => [l.name, l.msg])).toEqual([
      ['queue', 'loud'],
      ['queue', 'louder'],
    ]);
  });

  it('redacts secrets and personal data before anything is written', async () => {
    const out = capture();
    const logging = await createLogging({ dir: null, level: 'info', maxFileMb: 1, keepFiles: 1, console: out.stream });
    logging.createLogger('auth').warn(
      {
        token: 't0ken',
        body: { code: 'ABCD-EFGH-JKMN', secret: 's3cret' },
        req: { headers: { authorization: 'Bearer t0ken' } },
        data: { document: { fullName: 'Олена Петренко', photo: 'base64…', position: 'inspector' } },
      },
      'probe',
    );
    await logging.close();
    const text = JSON.stringify(out.lines());
    for (const secret of ['t0ken', 'ABCD-EFGH-JKMN', 's3cret', 'Олена', 'base64']) expect(text).not.toContain(secret);
    expect(text).toContain('inspector');
    expect(text).toContain('[redacted]');
  });

  it('keeps error codes under errorCode (code itself is a redacted key)', async () => {
    const out = capture();
    const logging = await createLogging({ dir: null, level: 'info', maxFileMb: 1, keepFiles: 1, console: out.stream });
    const error = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    logging.createLogger('portal').error({ err: error }, 'failed');
    await logging.close();
    const [line] = out.lines();
    expect((line?.err as Record<string, unknown>).errorCode).toBe('ECONNREFUSED');
  });

  it('hides codes and tokens in URLs', () => {
    expect(redactUrl('/pair?code=ABCD-EFGH')).toBe('/pair?code=[redacted]');
    expect(redactUrl('/x?a=1&token=abc&b=2')).toBe('/x?a=1&token=[redacted]&b=2');
    expect(redactUrl('/api/status')).toBe('/api/status');
  });
});
