import { type ScannersResponse, TrainingScanRequestSchema, type TrainingScanResponse } from '../../../../contract/scanner';
import { requireRole, type PreHandler } from '../../auth/require-role';
import { NotFoundError } from '../../errors';
import { parseBody } from '../parse-body';
import type { RouteRegistrar } from './types';

/** GET /api/scanners (admin, checkpoint); POST /api/training/scanner/scan (training mode only). */
export const registerScannerRoutes: RouteRegistrar = (app, ctx) => {
  app.get('/api/scanners', { preHandler: requireRole('checkpoint') }, async (): Promise<ScannersResponse> => ctx.scanners.describe());

  // Checked before the token, so production answers 404 whoever asks: the route does not exist there.
  const trainingOnly: PreHandler = async () => {
    if (ctx.config.mode !== 'training') throw new NotFoundError();
  };
  app.post(
    '/api/training/scanner/scan',
    { preHandler: [trainingOnly, requireRole('checkpoint')] },
    async (request): Promise<TrainingScanResponse> => {
      const body = parseBody(TrainingScanRequestSchema, request.body);
      return ctx.scanners.injectTrainingScan(body.text);
    },
  );
};
