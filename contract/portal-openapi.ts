import { z } from 'zod';
import { PortalVerifyAnswerSchema, PortalVerifyRequestSchema } from './eid';
import { PortalBookingsPageSchema, PortalCenterSchema, PortalServicesSchema } from './portal-center';
import {
  PortalBatchRequestSchema,
  PortalBatchResponseSchema,
  PortalCounterDataSchema,
  PortalEnrollRequestSchema,
  PortalEnrollResponseSchema,
  PortalHeartbeatRequestSchema,
  PortalInvalidItemsSchema,
  PortalQueueEventDataSchema,
  PortalRatingDataSchema,
  PortalTokenRequestSchema,
  PortalTokenResponseSchema,
} from './sync';

// The portal API as OpenAPI 3.1, built from the zod schemas of contract/ (so the file and the
// runtime checks cannot drift). contract/portal-openapi.json is this document written out;
// tests/unit/sync/portal-contract.test.ts fails when they differ (UPDATE_CONTRACT=1 rewrites it).

const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().optional(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** Every named schema of the document: request schemas as their input shape, the rest as output. */
export const PORTAL_SCHEMAS: Readonly<Record<string, { schema: z.ZodType; io: 'input' | 'output' }>> = {
  Problem: { schema: ProblemSchema, io: 'output' },
  InvalidItemsProblem: { schema: ProblemSchema.extend(PortalInvalidItemsSchema.shape), io: 'output' },
  Health: { schema: z.object({ ok: z.literal(true), time: z.iso.datetime({ offset: true }) }), io: 'output' },
  EnrollRequest: { schema: PortalEnrollRequestSchema, io: 'input' },
  EnrollResponse: { schema: PortalEnrollResponseSchema, io: 'output' },
  TokenRequest: { schema: PortalTokenRequestSchema, io: 'input' },
  TokenResponse: { schema: PortalTokenResponseSchema, io: 'output' },
  VerifyRequest: { schema: PortalVerifyRequestSchema, io: 'input' },
  VerifyResponse: { schema: PortalVerifyAnswerSchema, io: 'output' },
  Center: { schema: PortalCenterSchema, io: 'output' },
  Services: { schema: PortalServicesSchema, io: 'output' },
  BookingsPage: { schema: PortalBookingsPageSchema, io: 'output' },
  BatchRequest: { schema: PortalBatchRequestSchema, io: 'input' },
  BatchResponse: { schema: PortalBatchResponseSchema, io: 'output' },
  RatingData: { schema: PortalRatingDataSchema, io: 'input' },
  QueueEventData: { schema: PortalQueueEventDataSchema, io: 'input' },
  CounterData: { schema: PortalCounterDataSchema, io: 'input' },
  HeartbeatRequest: { schema: PortalHeartbeatRequestSchema, io: 'input' },
  HeartbeatResponse: { schema: z.object({ ok: z.literal(true), receivedAt: z.iso.datetime({ offset: true }) }), io: 'output' },
};

/** One operation: method, path template, request schema name, and schema name per status ('' = no body). */
export interface PortalOperation {
  id: string;
  method: 'get' | 'post';
  path: string;
  summary: string;
  auth: boolean;
  request?: string;
  query?: Record<string, string>;
  responses: Record<string, string>;
}

const batch = (id: string, path: string, data: string, summary: string): PortalOperation => ({
  id,
  method: 'post',
  path,
  summary: `${summary} Each item's \`data\` follows ${data}. Items are idempotent by \`idempotencyId\`; 422 names invalid items and accepts none.`,
  auth: true,
  request: 'BatchRequest',
  responses: { '200': 'BatchResponse', '400': 'Problem', '401': 'Problem', '404': 'Problem', '422': 'InvalidItemsProblem', '429': 'Problem', '503': 'Problem' },
});

/** The operations of the portal API (DESIGN.md "Portal API"). */
export const PORTAL_OPERATIONS: readonly PortalOperation[] = [
  { id: 'health', method: 'get', path: '/api/v1/health', summary: 'Liveness and the portal clock.', auth: false, responses: { '200': 'Health', '503': 'Problem' } },
  { id: 'enrollDevice', method: 'post', path: '/api/v1/auth/device', summary: 'Exchange an enrollment code for a device id and secret.', auth: false, request: 'EnrollRequest', responses: { '201': 'EnrollResponse', '400': 'Problem', '401': 'Problem' } },
  { id: 'deviceToken', method: 'post', path: '/api/v1/auth/token', summary: 'A 2-hour session token for a device.', auth: false, request: 'TokenRequest', responses: { '200': 'TokenResponse', '400': 'Problem', '401': 'Problem' } },
  { id: 'verifyServiceEntrance', method: 'post', path: '/api/v2/documents/service-entrance/verify', summary: 'Verify an e-ID QR code or barcode.', auth: true, request: 'VerifyRequest', responses: { '200': 'VerifyResponse', '400': 'Problem', '401': 'Problem' } },
  { id: 'getCenter', method: 'get', path: '/api/v1/centers/{id}', summary: 'The center profile.', auth: true, responses: { '200': 'Center', '404': 'Problem' } },
  { id: 'getServices', method: 'get', path: '/api/v1/centers/{id}/services', summary: 'Services; ETag, If-None-Match → 304.', auth: true, responses: { '200': 'Services', '304': '', '404': 'Problem' } },
  { id: 'getBookings', method: 'get', path: '/api/v1/centers/{id}/bookings', summary: 'Bookings of one day, paged by cursor.', auth: true, query: { cursor: 'opaque page cursor', limit: '1..1000', date: 'YYYY-MM-DD (default today)' }, responses: { '200': 'BookingsPage', '400': 'Problem', '404': 'Problem' } },
  batch('postRatings', '/api/v1/centers/{id}/ratings', 'RatingData', 'Visitor ratings (quality monitoring).'),
  batch('postQueueEvents', '/api/v1/centers/{id}/queue-events', 'QueueEventData', 'Queue events (no personal data).'),
  batch('postVerificationCounters', '/api/v1/centers/{id}/verification-counters', 'CounterData', 'Hourly verification counts per verdict (no personal data).'),
  { id: 'heartbeat', method: 'post', path: '/api/v1/devices/{id}/heartbeat', summary: 'The device is alive.', auth: true, request: 'HeartbeatRequest', responses: { '200': 'HeartbeatResponse', '401': 'Problem', '403': 'Problem' } },
];

function jsonSchema(name: string): unknown {
  const entry = PORTAL_SCHEMAS[name];
  if (!entry) throw new Error(`unknown schema ${name}`);
  const { $schema: _drop, ...rest } = z.toJSONSchema(entry.schema, { io: entry.io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function operationObject(op: PortalOperation): Record<string, unknown> {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, name]) => {
      const type = name.endsWith('Problem') ? 'application/problem+json' : 'application/json';
      return [status, name === '' ? { description: 'Not modified' } : { description: name, content: { [type]: { schema: ref(name) } } }];
    }),
  );
  const parameters = [
    ...(op.path.includes('{id}') ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] : []),
    ...Object.entries(op.query ?? {}).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } })),
  ];
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.auth ? { security: [{ deviceToken: [] }] } : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.request ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.request) } } } } : {}),
    responses,
  };
}

/** The whole OpenAPI 3.1 document. */
export function buildPortalOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of PORTAL_OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  return {
    openapi: '3.1.0',
    info: { title: 'Varta portal API', version: '1.0.0', description: 'What a Varta machine calls on the national portal (the built-in simulator implements it). Errors are application/problem+json.' },
    paths,
    components: {
      securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer', description: 'The token of POST /api/v1/auth/token.' } },
      schemas: Object.fromEntries(Object.keys(PORTAL_SCHEMAS).map((name) => [name, jsonSchema(name)])),
    },
  };
}
