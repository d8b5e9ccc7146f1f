import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/backend/config/load-config';
import { findJsonError } from '../../../electron/backend/config/json-position';
import { resolveConfig } from '../../../electron/backend/config/resolve-config';
import { ConfigError } from '../../../electron/backend/errors';

const base = { cwd: '/work', homeDir: '/home/guard' };

function resolve(argv: string[] = [], env: Record<string, string> = {}, fileText?: string) {
  return resolveConfig({ ...base, argv, env, fileText, filePath: fileText === undefined ? undefined : '/etc/varta/config.json' })
    .config;
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig: precedence', () => {
  it('uses the defaults when nothing is given', () => {
    const config = resolve();
    expect(config).toMatchObject({
      role: 'admin',
      mode: 'training',
      language: 'uk',
      dataDir: '/home/guard/.local/share/varta',
      server: { host: '127.0.0.1', port: 8470 },
      log: { level: 'info', maxFileMb: 10, keepFiles: 7 },
    });
  });

  it('puts the data dir under XDG_DATA_HOME when set', () => {
    expect(resolve([], { XDG_DATA_HOME: '/data/xdg' }).dataDir).toBe('/data/xdg/varta');
  });

  it('lets the file beat the defaults, the environment beat the file, and flags beat everything', () => {
    const file = JSON.stringify({ role: 'display', server: { port: 9000, host: '0.0.0.0' }, log: { keepFiles: 3 } });
    expect(resolve([], {}, file)).toMatchObject({ role: 'display', server: { port: 9000, host: '0.0.0.0' } });
    const withEnv = resolve([], { VARTA_ROLE: 'terminal', VARTA_PORT: '9100' }, file);
    expect(withEnv).toMatchObject({ role: 'terminal', server: { port: 9100, host: '0.0.0.0' }, log: { keepFiles: 3 } });
    const withFlags = resolve(['--role', 'desk', '--desk', '3', '--port=9200'], { VARTA_ROLE: 'terminal', VARTA_PORT: '9100' }, file);
    expect(withFlags).toMatchObject({ role: 'desk', deskNo: 3, server: { port: 9200, host: '0.0.0.0' } });
  });

  it('maps every flag and variable to its key', () => {
    const env = {
      VARTA_ROLE: 'desk',
      VARTA_DESK_NO: '12',
      VARTA_MODE: 'production',
      VARTA_HOST: '0.0.0.0',
      VARTA_PORT: '1234',
      VARTA_DATA_DIR: 'rel/data',
      VARTA_PORTAL_URL: 'https://portal.example.gov.ua',
      VARTA_LOG_LEVEL: 'debug',
      VARTA_LANG: 'en',
    };
    expect(resolve([], env)).toMatchObject({
      role: 'desk',
      deskNo: 12,
      mode: 'production',
      server: { host: '0.0.0.0', port: 1234 },
      dataDir: '/work/rel/data',
      portal: { baseUrl: 'https://portal.example.gov.ua' },
      log: { level: 'debug' },
      language: 'en',
    });
    const argv = ['--role', 'checkpoint', '--mode', 'training', '--host', '::1', '--port', '0', '--data-dir', '/d', '--log-level', 'warn', '--lang', 'uk', '--portal-url', 'http://p'];
    expect(resolve(argv)).toMatchObject({ role: 'checkpoint', server: { host: '::1', port: 0 }, dataDir: '/d', log: { level: 'warn' }, language: 'uk', portal: { baseUrl: 'http://p' } });
  });

  it('ignores empty environment variables', () => {
    expect(resolve([], { VARTA_PORT: '', VARTA_ROLE: '' })).toMatchObject({ role: 'admin', server: { port: 8470 } });
  });

  it('resolves a relative dataDir in the file against the file', () => {
    expect(resolve([], {}, '{"dataDir": "data"}').dataDir).toBe('/etc/varta/data');
  });

  it('reports --help', () => {
    expect(resolveConfig({ ...base, argv: ['--help'], env: {} }).help).toBe(true);
  });
});

describe('resolveConfig: one clear sentence per bad input', () => {
  it('names a bad port and where it came from', () => {
    expect(messageOf(() => resolve(['--port', 'abc']))).toBe(
      'Invalid configuration: server.port must be a number between 0 and 65535 (got "abc" from --port).',
    );
    expect(messageOf(() => resolve([], { VARTA_PORT: '70000' }))).toBe(
      'Invalid configuration: server.port must be a number between 0 and 65535 (got 70000 from VARTA_PORT).',
    );
    expect(messageOf(() => resolve([], {}, '{"server": {"port": "8080"}}'))).toBe(
      'Invalid configuration: server.port must be a number between 0 and 65535 (got "8080" from /etc/varta/config.json).',
    );
  });

  it('names an unknown role with the five that exist', () => {
    const expected = 'Unknown role "foo": use one of checkpoint, terminal, desk, display, admin.';
    expect(messageOf(() => resolve(['--role', 'foo']))).toBe(expected);
    expect(messageOf(() => resolve([], { VARTA_ROLE: 'foo' }))).toBe(expected);
  });

  it('names other bad values', () => {
    expect(messageOf(() => resolve(['--mode', 'live']))).toBe(
      'Invalid configuration: mode must be one of training, production (got "live" from --mode).',
    );
    expect(messageOf(() => resolve(['--lang', 'de']))).toBe('Invalid configuration: language must be one of uk, en (got "de" from --lang).');
    expect(messageOf(() => resolve(['--role', 'desk', '--desk', '0']))).toBe(
      'Invalid configuration: deskNo must be a whole number between 1 and 999 (got 0 from --desk).',
    );
    expect(messageOf(() => resolve(['--portal-url', 'ftp://x']))).toBe(
      'Invalid configuration: portal.baseUrl must be an http:// or https:// URL (got "ftp://x" from --portal-url).',
    );
    expect(messageOf(() => resolve(['--log-level', 'loud']))).toMatch(/^Invalid configuration: log\.level must be one of fatal, error, warn, info, debug, trace, silent \(got "loud" from --log-level\)\.$/);
    expect(messageOf(() => resolve([], {}, '{"log": 5}'))).toBe(
      'Invalid configuration: log must be an object (got 5 from /etc/varta/config.json).',
    );
  });

  it('says what a desk or production mode is missing', () => {
    expect(messageOf(() => resolve(['--role', 'desk']))).toBe(
      'Invalid configuration: the desk role needs deskNo (set --desk or VARTA_DESK_NO).',
    );
    expect(messageOf(() => resolve(['--mode', 'production']))).toBe(
      'Invalid configuration: production mode needs portal.baseUrl (set --portal-url or VARTA_PORTAL_URL).',
    );
  });

  it('names unknown keys in the file with the known ones', () => {
    expect(messageOf(() => resolve([], {}, '{"server": {"prot": 1}}'))).toBe(
      'Invalid configuration: unknown key "server.prot" in /etc/varta/config.json; known keys there are host, port.',
    );
    expect(messageOf(() => resolve([], {}, '{"colour": "red"}'))).toMatch(
      /^Invalid configuration: unknown key "colour" in \/etc\/varta\/config\.json; known keys there are role, deskNo, mode, language, dataDir, server, portal, simulator, sync, scanners, log, checkpoint, terminal\.$/,
    );
  });

  it('names unknown flags, missing values and stray arguments', () => {
    expect(messageOf(() => resolve(['--colour', 'red']))).toMatch(/^Unknown option "--colour": use one of --role, --desk, .*--config, --help\.$/);
    expect(messageOf(() => resolve(['--port']))).toBe('Option --port needs a value, as in --port <value>.');
    expect(messageOf(() => resolve(['serve']))).toBe('Unexpected argument "serve": options look like --port 8470.');
  });

  it('names a file that is not JSON, with its line and column', () => {
    expect(messageOf(() => resolve([], {}, '{\n  "role": "admin",\n  "mode": training\n}'))).toBe(
      'Config file /etc/varta/config.json is not valid JSON at line 3, column 11.',
    );
    expect(messageOf(() => resolve([], {}, '[1, 2]'))).toBe(
      'Config file /etc/varta/config.json must contain a JSON object like {"role": "admin"}.',
    );
  });

  it('has no stack trace in the message', () => {
    expect(messageOf(() => resolve(['--port', 'abc']))).not.toContain('\n');
  });
});

describe('findJsonError', () => {
  it('finds the first error in many shapes of broken JSON', () => {
    expect(findJsonError('{"a": 1}')).toBeNull();
    expect(findJsonError(' [1, {"b": [true, false, null, -1.5e3]}] ')).toBeNull();
    expect(findJsonError('{\n "a": 1,\n}')).toEqual({ line: 3, column: 1 });
    expect(findJsonError('{\n "a": 1\n')).toEqual({ line: 3, column: 1 });
    expect(findJsonError('{"a": tru}')).toEqual({ line: 1, column: 7 });
    expect(findJsonError('{"a": 1} x')).toEqual({ line: 1, column: 10 });
    expect(findJsonError('')).toEqual({ line: 1, column: 1 });
    expect(findJsonError("{'a': 1}")).toEqual({ line: 1, column: 2 });
    expect(findJsonError('{"a": "x\\n\\u0041\\"y"}')).toBeNull();
    expect(findJsonError('{"a": "bad \\q"}')).toEqual({ line: 1, column: 12 });
    expect(findJsonError('{"a": "tab\there"}')).toEqual({ line: 1, column: 11 });
    // Agrees with JSON.parse on what is valid.
    for (const text of ['{"a": "x\\n\\u0041\\"y"}', '{"a": "bad \\q"}', '{"a": "tab\there"}']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonError(text) === null).toBe(valid);
    }
  });
});

describe('loadConfig (thin loader over real files)', () => {
  it('reads <dataDir>/config.json when present, an explicit --config otherwise, and names a missing explicit file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'varta-config-'));
    try {
      expect((await loadConfig({ argv: ['--data-dir', dir], env: {}, cwd: dir, homeDir: dir })).config.role).toBe('admin');
      await writeFile(join(dir, 'config.json'), '{"role": "display"}');
      expect((await loadConfig({ argv: ['--data-dir', dir], env: {}, cwd: dir, homeDir: dir })).config.role).toBe('display');
      const other = join(dir, 'other.json');
      await writeFile(other, '{"role": "terminal"}');
      expect((await loadConfig({ argv: ['--data-dir', dir], env: { VARTA_CONFIG: other }, cwd: dir, homeDir: dir })).config.role).toBe('terminal');
      expect((await loadConfig({ argv: ['--data-dir', dir, '--config', 'other.json'], env: {}, cwd: dir, homeDir: dir })).config.role).toBe('terminal');
      const missing = join(dir, 'missing.json');
      await expect(loadConfig({ argv: ['--config', missing], env: {}, cwd: dir, homeDir: dir })).rejects.toThrow(
        `Config file ${missing} does not exist.`,
      );
      await writeFile(join(dir, 'config.json'), '{"role": }');
      await expect(loadConfig({ argv: ['--data-dir', dir], env: {}, cwd: dir, homeDir: dir })).rejects.toThrow(
        `Config file ${join(dir, 'config.json')} is not valid JSON at line 1, column 10.`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
