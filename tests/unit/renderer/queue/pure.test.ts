import { describe, expect, it } from 'vitest';
import type { ServiceListItem } from '../../../../renderer/api/queue';
import { deskShortcut } from '../../../../renderer/roles/desk/shortcuts';
import { filterServices, foldForSearch, groupByCategory } from '../../../../renderer/roles/terminal/service-search';
import { escapeHtml, renderTicketHtml } from '../../../../renderer/roles/terminal/ticket-template';
import { bookingCodeFromScan } from '../../../../renderer/roles/terminal/use-wedge-scan';

const svc = (serviceId: string, uk: string, en: string, category: string): ServiceListItem => ({
  serviceId, name: { uk, en }, category, prefix: 'А', waiting: 0, estimatedWaitMin: null,
});
const SERVICES = [
  svc('passport-id', 'Паспорт громадянина України (ID-картка)', 'Passport (ID card)', 'Документи'),
  svc('foreign', 'Закордонний паспорт', 'Passport for travelling abroad', 'Документи'),
  svc('idp', 'Довідка внутрішньо переміщеної особи', 'IDP certificate', 'Соціальні послуги'),
  svc('five', 'П’ять кроків до ЄДРПОУ', 'Five steps', 'Бізнес'),
];
const ids = (list: ServiceListItem[]) => list.map((s) => s.serviceId);

describe('service search', () => {
  it('matches any part of a word, case-insensitively, Ukrainian letters included', () => {
    expect(ids(filterServices(SERVICES, 'паспорт'))).toEqual(['passport-id', 'foreign']);
    expect(ids(filterServices(SERVICES, 'ПАСП'))).toEqual(['passport-id', 'foreign']);
    expect(ids(filterServices(SERVICES, 'кордон'))).toEqual(['foreign']);
    expect(ids(filterServices(SERVICES, 'ПЕРЕМІЩ'))).toEqual(['idp']);
    expect(ids(filterServices(SERVICES, 'єдрпоу'))).toEqual(['five']);
    expect(ids(filterServices(SERVICES, 'Їжак'))).toEqual([]);
  });
  it('needs every word of the query, searches English names and categories, and folds apostrophes', () => {
    expect(ids(filterServices(SERVICES, 'паспорт id'))).toEqual(['passport-id']);
    expect(ids(filterServices(SERVICES, 'travel'))).toEqual(['foreign']);
    expect(ids(filterServices(SERVICES, 'соціальн'))).toEqual(['idp']);
    expect(ids(filterServices(SERVICES, "п'ять"))).toEqual(['five']);
    expect(ids(filterServices(SERVICES, '   '))).toEqual(ids(SERVICES));
    expect(foldForSearch('ІЇЄҐ  Ab')).toBe('іїєґ ab');
  });
  it('groups by category in first-seen order', () => {
    expect(groupByCategory(SERVICES).map((g) => [g.category, g.services.length])).toEqual([['Документи', 2], ['Соціальні послуги', 1], ['Бізнес', 1]]);
  });
});

describe('desk shortcuts', () => {
  const input = { tagName: 'INPUT', type: 'text', isContentEditable: false } as unknown as EventTarget;
  const button = { tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget;
  it('maps physical keys to actions (so a Ukrainian layout works)', () => {
    expect(deskShortcut({ code: 'F1' })).toBe('callNext');
    expect(deskShortcut({ code: 'Space', target: button })).toBe('callNext');
    expect(deskShortcut({ code: 'KeyR' })).toBe('recall');
    expect(deskShortcut({ code: 'KeyS' })).toBe('start');
    expect(deskShortcut({ code: 'KeyF' })).toBe('finish');
    expect(deskShortcut({ code: 'KeyN' })).toBe('noShow');
    expect(deskShortcut({ code: 'KeyT' })).toBe('transfer');
    expect(deskShortcut({ code: 'KeyB' })).toBe('break');
    expect(deskShortcut({ code: 'KeyQ' })).toBeNull();
  });
  it('ignores keys while typing, with modifiers, and on auto-repeat', () => {
    expect(deskShortcut({ code: 'KeyR', target: input })).toBeNull();
    expect(deskShortcut({ code: 'KeyR', target: { tagName: 'TEXTAREA' } as unknown as EventTarget })).toBeNull();
    expect(deskShortcut({ code: 'KeyR', ctrlKey: true })).toBeNull();
    expect(deskShortcut({ code: 'F1', repeat: true })).toBeNull();
    expect(deskShortcut({ code: 'KeyB', target: { tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget })).toBe('break');
  });
});

describe('ticket print template', () => {
  const labels = { title: 'Талон', center: 'ЦНАП', service: 'Послуга', position: 'Перед вами', wait: 'Очікування', issuedAt: 'Видано', scan: 'QR', priority: 'Пільга' };
  it('escapes visitor-facing data and keeps Cyrillic as UTF-8', () => {
    const html = renderTicketHtml({
      number: 'А-012', serviceName: '<img src=x onerror=alert(1)> "Паспорт" & ко', position: '3', wait: '≈ 10 хв', issuedAt: '23.11.2026 09:00',
      priority: null, qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', labels,
    });
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('А-012');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Паспорт&quot; &amp; ко');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('@page { size: 80mm auto');
    expect(html).toMatch(/src="data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });
  it('sizes for 58 mm rolls and prints the priority category when set', () => {
    const html = renderTicketHtml({ number: 'П-001', serviceName: 'x', position: '0', wait: '—', issuedAt: 'now', priority: 'Військовослужбовці', qrSvg: null, labels, paperMm: 58 });
    expect(html).toContain('@page { size: 58mm auto');
    expect(html).toContain('Військовослужбовці');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });
});

describe('booking code from a scan', () => {
  it('takes a bare code, a URL ending with it, or a code= parameter; refuses the rest', () => {
    expect(bookingCodeFromScan('BK7Q2M')).toBe('BK7Q2M');
    expect(bookingCodeFromScan('https://portal.example/booking/BK7Q2M')).toBe('BK7Q2M');
    expect(bookingCodeFromScan('https://portal.example/b?code=BK3X9D')).toBe('BK3X9D');
    expect(bookingCodeFromScan('hello world')).toBeNull();
    expect(bookingCodeFromScan('https://x.example/')).toBeNull();
  });
});
