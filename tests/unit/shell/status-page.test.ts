import { describe, expect, it } from 'vitest';
import { escapeHtml, printPageUrl, statusPageUrl } from '../../../electron/main/policy/status-page';

const decode = (url: string): string => decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));

describe('statusPageUrl', () => {
  it('is a script-free data: page in Ukrainian by default, English on request', () => {
    const uk = decode(statusPageUrl('restarting', 'uk'));
    expect(uk).toContain('lang="uk"');
    expect(uk).toContain('Службу перезапущено');
    expect(uk).toContain("default-src 'none'");
    expect(uk).not.toMatch(/<script/i);
    expect(decode(statusPageUrl('restarting', 'en'))).toContain('Service restarted');
  });

  it('shows what happened, escaped', () => {
    const html = decode(statusPageUrl('gave_up', 'en', 'Port 8470 is in use. <img src=x onerror=alert(1)>'));
    expect(html).toContain('Port 8470 is in use. &#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toContain('<img');
  });
});

describe('printPageUrl', () => {
  it('puts the no-script CSP first, ahead of the ticket markup', () => {
    const html = decode(printPageUrl('<!DOCTYPE html><html><body><h1>А-012</h1></body></html>'));
    expect(html.startsWith('<!doctype html><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(html).toContain('<h1>А-012</h1>');
    expect(html.match(/<!doctype/gi)).toHaveLength(1);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});
