import { KeychainUnavailable, type SecretStorePort } from '../../../native/secret-store/port';
import type { Database } from '../storage/database';
import { PortalCallError } from '../portal/portal-http';
import type { PortalApi } from './portal-api';
import { readState, writeState } from './state-repository';

/** The keychain account the device secret is stored under (service "varta"). */
export const DEVICE_SECRET_KEY = 'portal-device-secret';

/** Enrollment as the screens see it. */
export type EnrollmentState = 'not_enrolled' | 'enrolled' | 'revoked' | 'keychain_unavailable';

/** Sync cannot talk to the portal for a reason a person must fix (not a retry matter). */
export class NotEnrolledError extends Error {
  constructor(
    message: string,
    readonly state: EnrollmentState,
  ) {
    super(message);
    this.name = 'NotEnrolledError';
  }
}

/** The machine's enrollment: ids in sqlite, the secret ONLY in the secret store, a token in memory. */
export class Enrollment {
  private token: { value: string; expiresAtMs: number } | null = null;
  private refreshing: Promise<string> | null = null;
  private keychainProblem = false;

  constructor(
    private readonly db: Database,
    private readonly secrets: SecretStorePort,
    private readonly api: PortalApi,
    private readonly nowMs: () => number,
  ) {}

  /** deviceId/centerId (null when not enrolled) and the state. */
  async describe(): Promise<{ state: EnrollmentState; deviceId: string | null; centerId: string | null }> {
    const deviceId = await readState(this.db, 'deviceId');
    const centerId = await readState(this.db, 'centerId');
    if (deviceId === null) return { state: this.keychainProblem ? 'keychain_unavailable' : 'not_enrolled', deviceId, centerId };
    if ((await readState(this.db, 'revokedAt')) !== null) return { state: 'revoked', deviceId, centerId };
    return { state: this.keychainProblem ? 'keychain_unavailable' : 'enrolled', deviceId, centerId };
  }

  /** Enroll with a code from the portal; the secret goes to the keychain before anything is recorded. */
  async enroll(enrollmentCode: string, deviceName: string, role: string): Promise<{ deviceId: string; centerId: string }> {
    const answer = await this.api.enroll({ enrollmentCode, deviceName, role });
    await this.storeSecret(answer.secret);
    await this.db.transaction(async (tx) => {
      await writeState(tx, 'deviceId', answer.deviceId);
      await writeState(tx, 'centerId', answer.centerId);
      await writeState(tx, 'deviceName', deviceName);
      await writeState(tx, 'enrolledAt', new Date(this.nowMs()).toISOString());
      await writeState(tx, 'revokedAt', null);
    });
    this.token = null;
    return { deviceId: answer.deviceId, centerId: answer.centerId };
  }

  /** Forget the enrollment: secret out of the keychain, ids out of sqlite, token dropped. */
  async unenroll(): Promise<void> {
    this.token = null;
    try {
      await this.secrets.delete(DEVICE_SECRET_KEY);
    } catch (error) {
      if (!(error instanceof KeychainUnavailable)) throw error;
      // The ids still go: the portal side is revoked by the portal's own admin.
    }
    await this.db.transaction(async (tx) => {
      for (const key of ['deviceId', 'centerId', 'deviceName', 'enrolledAt', 'revokedAt'] as const) await writeState(tx, key, null);
    });
  }

  /** A valid portal session token, refreshed before expiry (with a margin). Throws NotEnrolledError or PortalCallError. */
  async getPortalToken(): Promise<string> {
    const margin = this.token ? Math.min(300_000, (this.token.expiresAtMs - this.nowMs()) / 10) : 0;
    if (this.token && this.token.expiresAtMs - Math.max(margin, 30_000) > this.nowMs()) return this.token.value;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Drop the cached token (the portal said 401 to it). */
  invalidateToken(): void {
    this.token = null;
  }

  /** The enrolled device id and center id, or a NotEnrolledError. */
  async identity(): Promise<{ deviceId: string; centerId: string }> {
    const { state, deviceId, centerId } = await this.describe();
    if (deviceId === null || centerId === null) throw new NotEnrolledError('this machine is not enrolled with the portal', 'not_enrolled');
    if (state === 'revoked') throw new NotEnrolledError('the portal revoked this device — enroll again', 'revoked');
    return { deviceId, centerId };
  }

  private async refresh(): Promise<string> {
    const { deviceId } = await this.identity();
    const secret = await this.readSecret();
    if (secret === null) throw new NotEnrolledError('the device secret is missing from the keychain — enroll again', 'not_enrolled');
    try {
      const answer = await this.api.token(deviceId, secret);
      this.token = { value: answer.token, expiresAtMs: this.nowMs() + answer.expiresIn * 1000 };
      return answer.token;
    } catch (error) {
      if (error instanceof PortalCallError && (error.status === 401 || error.status === 403)) {
        await writeState(this.db, 'revokedAt', new Date(this.nowMs()).toISOString());
        throw new NotEnrolledError('the portal revoked this device — enroll again', 'revoked');
      }
      throw error;
    }
  }

  private async storeSecret(secret: string): Promise<void> {
    try {
      await this.secrets.set(DEVICE_SECRET_KEY, secret);
      this.keychainProblem = false;
    } catch (error) {
      this.keychainProblem = error instanceof KeychainUnavailable;
      throw error;
    }
  }

  private async readSecret(): Promise<string | null> {
    try {
      const secret = await this.secrets.get(DEVICE_SECRET_KEY);
      this.keychainProblem = false;
      return secret;
    } catch (error) {
      if (error instanceof KeychainUnavailable) {
        this.keychainProblem = true;
        throw new NotEnrolledError(error.message, 'keychain_unavailable');
      }
      throw error;
    }
  }
}
