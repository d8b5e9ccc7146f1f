import { type AxiosInstance, isAxiosError } from 'axios';
import { PortalUnavailableError } from '../errors';
import { createPortalHttp, type PortalHttpOptions } from './portal-http';
import { PortalHealthSchema } from './schemas';

export interface PortalClientOptions extends PortalHttpOptions {
  now?: () => number;
}

/** Result of a health check that succeeded. */
export interface PortalHealthResult {
  latencyMs: number;
  portalTime: string;
}

/**
 * The only way to the portal (or the simulator). Later areas add their calls here or in
 * sibling files using `http`; every failure becomes a PortalUnavailableError with a reason.
 */
export class PortalClient {
  readonly http: AxiosInstance;
  private readonly clock: () => number;

  constructor(readonly options: PortalClientOptions) {
    this.clock = options.now ?? (() => performance.now());
    // The same transport as portal sync: bodies parsed by us, every status returned, the CA pin applied.
    this.http = createPortalHttp(options);
  }

  /** Ask the portal whether it is up; throws PortalUnavailableError saying why not. */
  async checkHealth(): Promise<PortalHealthResult> {
    const started = this.clock();
    const body = await this.getJson('/api/v1/health');
    const health = PortalHealthSchema.safeParse(body);
    if (!health.success) throw new PortalUnavailableError('the portal answered its health check with an unexpected body');
    return { latencyMs: Math.round(this.clock() - started), portalTime: health.data.time };
  }

  /** GET a path and parse its JSON body, mapping every failure to PortalUnavailableError. */
  async getJson(path: string): Promise<unknown> {
    let response;
    try {
      response = await this.http.get<string>(path);
    } catch (error) {
      throw new PortalUnavailableError(describeTransportError(error, this.options.timeoutMs), { cause: error });
    }
    if (response.status < 200 || response.status >= 300) {
      throw new PortalUnavailableError(`the portal answered HTTP ${response.status}`);
    }
    try {
      return JSON.parse(response.data);
    } catch (error) {
      throw new PortalUnavailableError('the portal answered with malformed JSON', { cause: error });
    }
  }
}

function describeTransportError(error: unknown, timeoutMs: number): string {
  if (!isAxiosError(error)) return `the portal request failed: ${String(error)}`;
  if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return `the portal did not answer within ${timeoutMs} ms`;
  if (error.code === 'ECONNREFUSED') return 'the portal refused the connection';
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return 'the portal host name cannot be resolved';
  return `the portal cannot be reached (${error.code ?? error.message})`;
}
