import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPortalOpenApi, PORTAL_OPERATIONS } from '../../../contract/portal-openapi';
import { validateJson } from './json-schema-lite';

const FILE = join(resolve(import.meta.dirname, '../../..'), 'contract/portal-openapi.json');

describe('contract/portal-openapi.json', () => {
  it('is exactly what the zod contract builds (UPDATE_CONTRACT=1 rewrites it)', () => {
    const built = `${JSON.stringify(buildPortalOpenApi(), null, 2)}\n`;
    if (process.env.UPDATE_CONTRACT === '1') writeFileSync(FILE, built);
    expect(readFileSync(FILE, 'utf8')).toBe(built);
  });

  it('is OpenAPI 3.1 with every operation, problem+json errors and resolvable refs', () => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8')) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const op of PORTAL_OPERATIONS) {
      const operation = doc.paths[op.path]?.[op.method];
      expect(operation, `${op.method} ${op.path}`).toBeDefined();
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        if (Number(status) >= 400) expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
      }
    }
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of refs) expect(validateJson({}, { $ref: ref }, doc)).toBeInstanceOf(Array);
  });

  it('accepts good items and refuses bad ones, through the file (not zod)', () => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8'));
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(validateJson({ ticketId: 't-1', score: 5, reasons: ['fast'] }, ref('RatingData'), doc)).toEqual([]);
    expect(validateJson({ ticketId: 't-1', score: 6, reasons: [] }, ref('RatingData'), doc).join()).toMatch(/score: above 5/);
    expect(validateJson({ items: [] }, ref('BatchRequest'), doc).join()).toMatch(/fewer than 1/);
    const item = { idempotencyId: 'a', occurredAt: '2026-11-23T09:00:00.000Z', data: {} };
    expect(validateJson({ items: [item] }, ref('BatchRequest'), doc)).toEqual([]);
    expect(validateJson({ items: [{ ...item, occurredAt: 'yesterday' }] }, ref('BatchRequest'), doc).join()).toMatch(/occurredAt/);
    expect(validateJson({ accepted: ['a'], duplicate: [] }, ref('BatchResponse'), doc)).toEqual([]);
    expect(validateJson({ enrollmentCode: 'X', deviceName: 'pc', role: 'boss' }, ref('EnrollRequest'), doc).join()).toMatch(/role/);
  });
});
