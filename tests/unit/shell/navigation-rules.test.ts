import { describe, expect, it } from 'vitest';
import {
  decideWindowOpen,
  isAllowedNavigation,
  isAllowedPermission,
  isTrustedIpcSender,
  trustedOrigins,
} from '../../../electron/main/policy/navigation-rules';
import { isLoopbackHost, localBackendOrigin } from '../../../electron/main/policy/origins';

const BACKEND = 'http://127.0.0.1:8470';

describe('isAllowedNavigation', () => {
  it('allows pages of the backend origin', () => {
    expect(isAllowedNavigation('http://127.0.0.1:8470/checkpoint', BACKEND)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:8470/desk/3?x=1#top', BACKEND)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8471/checkpoint',
    'https://127.0.0.1:8470/checkpoint',
    'http://localhost:8470/checkpoint',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'http://user:pw@127.0.0.1:8470/',
    'https://diia.app/documents/e-posvidchennia/1/verify/abc',
    'not a url',
    '',
  ])('blocks %s', (url) => {
    expect(isAllowedNavigation(url, BACKEND)).toBe(false);
  });

  it('blocks everything when the backend origin is not loopback', () => {
    expect(isAllowedNavigation('http://10.0.0.5:8470/admin', 'http://10.0.0.5:8470')).toBe(false);
  });

  it('allows the configured hub origin and nothing else of its host', () => {
    const hub = 'http://192.168.1.10:8470';
    expect(isAllowedNavigation('http://192.168.1.10:8470/display', BACKEND, hub)).toBe(true);
    expect(isAllowedNavigation('http://192.168.1.10:9999/display', BACKEND, hub)).toBe(false);
    expect(trustedOrigins({ backendOrigin: BACKEND, hubOrigin: hub })).toEqual([BACKEND, hub]);
  });

  it('ignores a hub URL that is not http(s)', () => {
    expect(trustedOrigins({ backendOrigin: BACKEND, hubOrigin: 'ftp://hub' })).toEqual([BACKEND]);
  });
});

describe('decideWindowOpen', () => {
  it('always denies', () => {
    expect(decideWindowOpen()).toEqual({ action: 'deny' });
  });
});

describe('isAllowedPermission', () => {
  const camera = { permission: 'media', origin: `${BACKEND}/checkpoint`, mediaTypes: ['video'] };

  it('grants the camera to checkpoint and desk pages of the backend', () => {
    expect(isAllowedPermission(camera, BACKEND, 'checkpoint')).toBe(true);
    expect(isAllowedPermission(camera, BACKEND, 'desk')).toBe(true);
    expect(isAllowedPermission({ ...camera, mediaTypes: undefined }, BACKEND, 'checkpoint')).toBe(true);
  });

  it.each(['terminal', 'display', 'admin'] as const)('denies the camera to the %s role', (role) => {
    expect(isAllowedPermission(camera, BACKEND, role)).toBe(false);
  });

  it('denies the microphone, other origins and every other permission', () => {
    expect(isAllowedPermission({ ...camera, mediaTypes: ['video', 'audio'] }, BACKEND, 'checkpoint')).toBe(false);
    expect(isAllowedPermission({ ...camera, mediaTypes: ['audio'] }, BACKEND, 'checkpoint')).toBe(false);
    expect(isAllowedPermission({ ...camera, origin: 'https://evil.example' }, BACKEND, 'checkpoint')).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'openExternal', 'hid', 'clipboard-read', 'display-capture']) {
      expect(isAllowedPermission({ ...camera, permission }, BACKEND, 'checkpoint')).toBe(false);
    }
  });
});

describe('isTrustedIpcSender', () => {
  it('trusts only frames on the backend origin', () => {
    expect(isTrustedIpcSender(`${BACKEND}/admin`, BACKEND)).toBe(true);
    expect(isTrustedIpcSender('https://example.com/', BACKEND)).toBe(false);
    expect(isTrustedIpcSender('data:text/html,hi', BACKEND)).toBe(false);
    expect(isTrustedIpcSender('', BACKEND)).toBe(false);
    expect(isTrustedIpcSender(null, BACKEND)).toBe(false);
    expect(isTrustedIpcSender(`${BACKEND}/admin`, 'https://example.com')).toBe(false);
  });
});

describe('origins', () => {
  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['128.0.0.1', '10.0.0.1', '127.0.0.256', 'example.com', '127.0.0'].some(isLoopbackHost)).toBe(false);
  });

  it('maps a backend on every interface to loopback and refuses LAN addresses', () => {
    expect(localBackendOrigin('http://0.0.0.0:8470/')).toBe('http://127.0.0.1:8470');
    expect(localBackendOrigin('http://[::]:8470/')).toBe('http://[::1]:8470');
    expect(localBackendOrigin('http://127.0.0.1:5000/?code=abc')).toBe('http://127.0.0.1:5000');
    expect(localBackendOrigin('http://192.168.1.5:8470/')).toBeNull();
    expect(localBackendOrigin('garbage')).toBeNull();
  });
});
