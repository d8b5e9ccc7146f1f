import { describe, expect, it } from 'vitest';
import { parseShellOptions, readFlags, resolveShellDataDir } from '../../../electron/main/policy/shell-options';

describe('parseShellOptions', () => {
  it('has training-mode defaults: no role hint, no kiosk, Ukrainian', () => {
    expect(parseShellOptions([], {})).toEqual({
      role: null,
      deskNo: null,
      mode: 'training',
      kiosk: false,
      language: 'uk',
      dataDir: null,
      hubUrl: null,
      backendArgs: [],
    });
  });

  it('reads flags in both spellings and forwards only the backend flags', () => {
    const argv = ['--inspect=0', '--remote-debugging-port=0', '--role', 'desk', '--desk=3', '--data-dir', '/tmp/v', '--port=0', '--kiosk', 'out/main/index.js', '--lang', 'en'];
    const options = parseShellOptions(argv, {});
    expect(options).toMatchObject({ role: 'desk', deskNo: 3, dataDir: '/tmp/v', kiosk: true, language: 'en' });
    // --data-dir is resolved and passed by the shell itself; Chromium's switches never reach the backend.
    expect(options.backendArgs).toEqual(['--role', 'desk', '--desk', '3', '--port', '0', '--lang', 'en']);
  });

  it('forwards every flag the backend knows', () => {
    const argv = ['--config', 'c.json', '--host', '0.0.0.0', '--portal-url', 'https://p', '--log-level', 'debug', '--help'];
    expect(parseShellOptions(argv, {}).backendArgs).toEqual(['--host', '0.0.0.0', '--portal-url', 'https://p', '--log-level', 'debug', '--config', 'c.json']);
  });

  it('falls back to VARTA_* environment variables, flags win', () => {
    const env = { VARTA_ROLE: 'desk', VARTA_DESK_NO: '7', VARTA_MODE: 'production', VARTA_LANG: 'en', VARTA_HUB_URL: 'http://hub:8470' };
    expect(parseShellOptions([], env)).toMatchObject({ role: 'desk', deskNo: 7, mode: 'production', language: 'en', hubUrl: 'http://hub:8470' });
    expect(parseShellOptions(['--role', 'admin'], env).role).toBe('admin');
    // Env values reach the backend through its inherited environment, not as flags.
    expect(parseShellOptions([], env).backendArgs).toEqual([]);
  });

  it('locks kiosks by default in production only; flags and env override', () => {
    expect(parseShellOptions(['--mode', 'production'], {}).kiosk).toBe(true);
    expect(parseShellOptions(['--mode', 'production', '--no-kiosk'], {}).kiosk).toBe(false);
    expect(parseShellOptions([], { VARTA_KIOSK: '1' }).kiosk).toBe(true);
    expect(parseShellOptions(['--kiosk=false'], { VARTA_KIOSK: '1' }).kiosk).toBe(false);
  });

  it.each([
    [['--role', 'janitor'], /Unknown role "janitor"/],
    [['--mode', 'live'], /Unknown mode "live"/],
    [['--desk', '0'], /Bad desk number "0"/],
    [['--desk', 'two'], /Bad desk number "two"/],
  ])('stops with one clear sentence on %j', (argv, message) => {
    expect(() => parseShellOptions(argv, {})).toThrow(message);
  });
});

describe('readFlags', () => {
  it('keeps positional tokens out of boolean switches', () => {
    const flags = readFlags(['--kiosk', 'out/main/index.js', '--role', 'admin']);
    expect(flags.get('kiosk')).toBe('');
    expect(flags.get('role')).toBe('admin');
  });
});

describe('resolveShellDataDir', () => {
  it('resolves a given dir against cwd, else uses the backend default', () => {
    expect(resolveShellDataDir('data', {}, '/srv', '/home/u')).toBe('/srv/data');
    expect(resolveShellDataDir('/abs', {}, '/srv', '/home/u')).toBe('/abs');
    expect(resolveShellDataDir(null, {}, '/srv', '/home/u')).toBe('/home/u/.local/share/varta');
    expect(resolveShellDataDir(null, { XDG_DATA_HOME: '/x' }, '/srv', '/home/u')).toBe('/x/varta');
  });
});
