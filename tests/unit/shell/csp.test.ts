import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from '../../../electron/main/policy/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split('; ').map((d) => {
    const [name, ...sources] = d.split(' ');
    return [name ?? '', sources];
  }));
}

describe('buildContentSecurityPolicy', () => {
  it('is the agreed policy when no origin is known', () => {
    const csp = directives(buildContentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('names the backend socket instead of allowing any ws: host', () => {
    const csp = directives(buildContentSecurityPolicy({ backendOrigin: 'http://127.0.0.1:8470' }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:8470']);
  });

  it('adds the hub, over http and its socket', () => {
    const csp = directives(buildContentSecurityPolicy({ backendOrigin: 'http://127.0.0.1:8470', hubOrigin: 'https://hub.local:8470' }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://hub.local:8470', 'ws://127.0.0.1:8470', 'wss://hub.local:8470']);
  });

  it('never allows inline or eval scripts', () => {
    const script = directives(buildContentSecurityPolicy({ backendOrigin: 'http://127.0.0.1:1' })).get('script-src') ?? [];
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy next to one the server sent, whatever its header case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src 'self'"], 'x-a': ['1'] }, 'P');
    expect(headers).toEqual({ 'content-security-policy': ["default-src 'self'", 'P'], 'x-a': ['1'] });
  });

  it('sets the header when there is none, and does not repeat it', () => {
    expect(withContentSecurityPolicy(undefined, 'P')).toEqual({ 'Content-Security-Policy': ['P'] });
    expect(withContentSecurityPolicy({ 'Content-Security-Policy': ['P'] }, 'P')).toEqual({ 'Content-Security-Policy': ['P'] });
  });
});
