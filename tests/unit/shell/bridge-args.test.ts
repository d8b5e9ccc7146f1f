import { describe, expect, it } from 'vitest';
import { parseBridgeArgs, shouldExposeBridge } from '../../../electron/preload/bridge-args';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-';

describe('parseBridgeArgs', () => {
  it('reads the backend URL and token main passed as additional arguments', () => {
    const argv = ['/usr/lib/electron', '--type=renderer', '--varta-backend=http://127.0.0.1:8470/', `--varta-token=${TOKEN}`];
    expect(parseBridgeArgs(argv)).toEqual({ backendUrl: 'http://127.0.0.1:8470', token: TOKEN });
  });

  it.each([
    [[`--varta-token=${TOKEN}`]],
    [['--varta-backend=http://127.0.0.1:8470']],
    [['--varta-backend=https://example.com', `--varta-token=${TOKEN}`]],
    [['--varta-backend=file:///etc', `--varta-token=${TOKEN}`]],
    [['--varta-backend=http://u:p@127.0.0.1:1', `--varta-token=${TOKEN}`]],
    [['--varta-backend=::nonsense::', `--varta-token=${TOKEN}`]],
    [['--varta-backend=http://127.0.0.1:8470', '--varta-token=short']],
    [['--varta-backend=http://127.0.0.1:8470', `--varta-token=${TOKEN}"'<>`]],
  ])('rejects %j', (argv) => {
    expect(parseBridgeArgs(argv)).toBeNull();
  });
});

describe('shouldExposeBridge', () => {
  const args = { backendUrl: 'http://127.0.0.1:8470', token: TOKEN };

  it('hands the token only to pages of the backend origin', () => {
    expect(shouldExposeBridge(args, 'http://127.0.0.1:8470')).toBe(true);
    expect(shouldExposeBridge(args, 'null')).toBe(false);
    expect(shouldExposeBridge(args, 'https://example.com')).toBe(false);
    expect(shouldExposeBridge(args, undefined)).toBe(false);
    expect(shouldExposeBridge(null, 'http://127.0.0.1:8470')).toBe(false);
  });
});
