import { z } from 'zod';
import { UnauthorizedError } from '../../../errors';
import { parseBody } from '../../../server/parse-body';
import {
  DeviceEnrollRequestSchema,
  DeviceTokenRequestSchema,
  type DeviceEnrollAnswer,
  type DeviceTokenAnswer,
} from '../../device-auth-schemas';
import type { SimDeviceView } from '../devices';
import type { SimulatorRouteRegistrar } from './types';

const RevokeSchema = z.object({ deviceId: z.string().min(1).max(100).optional() }).strict();
const TokenTtlSchema = z.object({ tokenTtlSeconds: z.number().int().min(1).max(86_400) }).strict();

/**
 * Device enrollment and session tokens: POST /api/v1/auth/device, POST /api/v1/auth/token.
 * Knobs: GET /sim/devices, GET /sim/devices/stats, POST /sim/devices/revoke {deviceId?},
 * POST /sim/devices/drop-tokens, POST /sim/devices/token-ttl {tokenTtlSeconds}.
 */
export const registerSimAuthRoutes: SimulatorRouteRegistrar = (app, sim) => {
  app.post('/api/v1/auth/device', async (request, reply): Promise<DeviceEnrollAnswer> => {
    const body = parseBody(DeviceEnrollRequestSchema, request.body);
    const enrolled = sim.devices.enroll(body);
    if (enrolled === null) throw new UnauthorizedError('The enrollment code is not valid.', 'enrollment_refused');
    reply.code(201);
    return enrolled;
  });
  app.post('/api/v1/auth/token', async (request): Promise<DeviceTokenAnswer> => {
    const body = parseBody(DeviceTokenRequestSchema, request.body);
    const token = sim.devices.issueToken(body.deviceId, body.secret, sim.now().getTime());
    if (token === null) throw new UnauthorizedError('Unknown or revoked device, or a wrong secret.', 'device_refused');
    return token;
  });
  app.get('/sim/devices', async (): Promise<SimDeviceView[]> => sim.devices.list());
  app.post('/sim/devices/revoke', async (request) => ({ revoked: sim.devices.revoke(parseBody(RevokeSchema, request.body ?? {}).deviceId) }));
  app.post('/sim/devices/drop-tokens', async () => ({ dropped: sim.devices.dropTokens() }));
  app.get('/sim/devices/stats', async () => ({ tokensIssued: sim.devices.tokensIssued, devices: sim.devices.list().length }));
  app.post('/sim/devices/token-ttl', async (request) => {
    sim.devices.tokenTtlSeconds = parseBody(TokenTtlSchema, request.body).tokenTtlSeconds;
    return { tokenTtlSeconds: sim.devices.tokenTtlSeconds };
  });
};
