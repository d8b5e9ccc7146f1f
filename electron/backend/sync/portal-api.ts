import type { AxiosInstance, AxiosResponse } from 'axios';
import type { z } from 'zod';
import {
  PortalBatchResponseSchema,
  PortalEnrollResponseSchema,
  PortalInvalidItemsSchema,
  PortalTokenResponseSchema,
  type PortalBatchItem,
  type PortalBatchResponse,
  type PortalEnrollResponse,
} from '../../../contract/sync';
import { PortalBookingsPageSchema, PortalCenterSchema, PortalServicesSchema } from '../../../contract/portal-center';
import { PortalCallError, transportError } from '../portal/portal-http';

/** The portal calls sync makes; thin, so a real portal replaces the simulator by configuration alone. */
export class PortalApi {
  constructor(
    private readonly http: AxiosInstance,
    private readonly timeoutMs: number,
  ) {}

  /** Exchange an enrollment code for a device id, secret and center. */
  async enroll(body: { enrollmentCode: string; deviceName: string; role: string }): Promise<PortalEnrollResponse> {
    return this.parse(await this.send('POST', '/api/v1/auth/device', body), PortalEnrollResponseSchema);
  }

  /** A session token for the device. */
  async token(deviceId: string, secret: string): Promise<{ token: string; expiresIn: number }> {
    return this.parse(await this.send('POST', '/api/v1/auth/token', { deviceId, secret }), PortalTokenResponseSchema);
  }

  /** POST one batch; a 422 naming invalid items becomes a 'rejected' error carrying them. */
  async postBatch(path: string, token: string, items: PortalBatchItem[]): Promise<PortalBatchResponse> {
    const response = await this.send('POST', path, { items }, token);
    if (response.status === 422) {
      const invalid = PortalInvalidItemsSchema.safeParse(safeJson(response.data));
      if (invalid.success) throw new PortalCallError('the portal rejected some items as invalid', 'rejected', 422, null, invalid.data.invalidItems);
    }
    return this.parse(response, PortalBatchResponseSchema);
  }

  /** Tell the portal this device is alive. */
  async heartbeat(deviceId: string, token: string, body: Record<string, unknown>): Promise<void> {
    const response = await this.send('POST', `/api/v1/devices/${encodeURIComponent(deviceId)}/heartbeat`, body, token);
    this.check(response);
  }

  /** GET a data set; with `etag`, a 304 answers `{notModified: true}`. */
  async getDataset(path: string, token: string, etag: string | null): Promise<{ notModified: true } | { notModified: false; body: unknown; etag: string | null }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (etag) headers['if-none-match'] = etag;
    let response: AxiosResponse<string>;
    try {
      response = await this.http.get<string>(path, { headers });
    } catch (error) {
      throw transportError(error, this.timeoutMs);
    }
    if (response.status === 304) return { notModified: true };
    this.check(response);
    const body = safeJson(response.data);
    if (body === undefined) throw new PortalCallError('the portal answered with malformed JSON', 'malformed', response.status);
    const tag = response.headers.etag;
    return { notModified: false, body, etag: typeof tag === 'string' ? tag : null };
  }

  private async send(method: 'POST', path: string, body: unknown, token?: string): Promise<AxiosResponse<string>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await this.http.request<string>({ method, url: path, data: JSON.stringify(body), headers });
    } catch (error) {
      throw transportError(error, this.timeoutMs);
    }
  }

  private check(response: AxiosResponse<string>): void {
    if (response.status >= 200 && response.status < 300) return;
    const problem = safeJson(response.data) as { detail?: unknown } | undefined;
    const detail = typeof problem?.detail === 'string' ? `: ${problem.detail}` : '';
    const kind = response.status === 401 ? 'unauthorized' : 'http';
    const retryAfter = typeof response.headers['retry-after'] === 'string' ? response.headers['retry-after'] : null;
    throw new PortalCallError(`the portal answered HTTP ${response.status}${detail}`, kind, response.status, retryAfter, problem ?? null);
  }

  private parse<T>(response: AxiosResponse<string>, schema: z.ZodType<T>): T {
    this.check(response);
    const parsed = schema.safeParse(safeJson(response.data));
    if (!parsed.success) throw new PortalCallError('the portal answered with malformed or unexpected JSON', 'malformed', response.status);
    return parsed.data;
  }
}

/** Schemas sync pulls with (re-exported so pull code names them once). */
export const DATASET_SCHEMAS = { center: PortalCenterSchema, services: PortalServicesSchema, bookings: PortalBookingsPageSchema } as const;

function safeJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
