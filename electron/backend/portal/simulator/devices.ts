import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/*
 * The simulated portal's device registry: enrollment with a one-time-ish code, device
 * secrets, and 2-hour session tokens. In memory only (the simulator forgets on restart).
 * `TRAINING` is always an accepted enrollment code so a training kiosk works out of the box;
 * other codes can be added (the admin's enrollment flow, issue 5).
 */

export const TRAINING_ENROLLMENT_CODE = 'TRAINING';
export const SIM_CENTER_ID = 'cnap-demo'; // the demo center (resources/demo/center.json), so enrolled devices pull it (issue 5)
export const TOKEN_TTL_SECONDS = 7200;

interface DeviceRecord {
  deviceId: string;
  deviceName: string;
  role: string;
  secretHash: Buffer;
  revoked: boolean;
}

/** A device as the simulator's knobs list it (no secret). */
export interface SimDeviceView {
  deviceId: string;
  deviceName: string;
  role: string;
  revoked: boolean;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Devices, their secrets and their session tokens. */
export class DeviceRegistry {
  private readonly devices = new Map<string, DeviceRecord>();
  private readonly tokens = new Map<string, { deviceId: string; expiresAtMs: number }>();
  private readonly enrollmentCodes = new Set<string>([TRAINING_ENROLLMENT_CODE]);
  /** Session token lifetime in seconds (a knob so tests can watch a refresh). */
  tokenTtlSeconds = TOKEN_TTL_SECONDS;
  /** How many session tokens were issued (tests watch refreshes). */
  tokensIssued = 0;

  /** Accepts `code` for enrollment from now on. */
  addEnrollmentCode(code: string): void {
    this.enrollmentCodes.add(code);
  }

  /** Registers a device; null when the enrollment code is not known. */
  enroll(input: { enrollmentCode: string; deviceName: string; role: string }): { deviceId: string; secret: string; centerId: string } | null {
    if (!this.enrollmentCodes.has(input.enrollmentCode)) return null;
    const deviceId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    this.devices.set(deviceId, { deviceId, deviceName: input.deviceName, role: input.role, secretHash: sha256(secret), revoked: false });
    return { deviceId, secret, centerId: SIM_CENTER_ID };
  }

  /** A fresh session token for a device with the right secret; null otherwise. */
  issueToken(deviceId: string, secret: string, nowMs: number): { token: string; expiresIn: number } | null {
    const device = this.devices.get(deviceId);
    if (device === undefined || device.revoked || !timingSafeEqual(device.secretHash, sha256(secret))) return null;
    this.pruneTokens(nowMs);
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { deviceId, expiresAtMs: nowMs + this.tokenTtlSeconds * 1000 });
    this.tokensIssued += 1;
    return { token, expiresIn: this.tokenTtlSeconds };
  }

  /** The device id behind a live session token, or null (unknown, expired or revoked). */
  authenticate(token: string | undefined, nowMs: number): string | null {
    if (token === undefined) return null;
    const entry = this.tokens.get(token);
    if (entry === undefined || entry.expiresAtMs <= nowMs) return null;
    const device = this.devices.get(entry.deviceId);
    return device === undefined || device.revoked ? null : device.deviceId;
  }

  /** Revokes one device, or every device when `deviceId` is omitted; returns how many. */
  revoke(deviceId?: string): number {
    let count = 0;
    for (const device of this.devices.values()) {
      if (deviceId !== undefined && device.deviceId !== deviceId) continue;
      if (!device.revoked) count += 1;
      device.revoked = true;
    }
    return count;
  }

  /** Forgets every session token (devices stay enrolled): the next call with an old token gets 401. */
  dropTokens(): number {
    const count = this.tokens.size;
    this.tokens.clear();
    return count;
  }

  /** Every device (no secrets). */
  list(): SimDeviceView[] {
    return [...this.devices.values()].map(({ deviceId, deviceName, role, revoked }) => ({ deviceId, deviceName, role, revoked }));
  }

  private pruneTokens(nowMs: number): void {
    for (const [token, entry] of this.tokens) if (entry.expiresAtMs <= nowMs) this.tokens.delete(token);
  }
}
