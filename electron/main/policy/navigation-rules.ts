import type { Role } from '../../../contract/roles';
import { httpOriginOf, loopbackOriginOf } from './origins';

// Which URLs, new windows, permissions and IPC senders the shell admits.
// Pure functions over strings so the rules are unit-tested without an Electron runtime.

/** Where the window may go: the local backend and, on a LAN client, the configured hub. */
export interface OriginPolicy {
  /** Origin of the backend the window was loaded from (must be loopback http(s)). */
  backendOrigin: string;
  /** Origin of the center's hub when this machine is a LAN client; any http(s) host. */
  hubOrigin?: string | undefined;
}

/** The origins a page may live on: the loopback backend, plus the configured hub if any. */
export function trustedOrigins(policy: OriginPolicy): string[] {
  const origins: string[] = [];
  const backend = loopbackOriginOf(policy.backendOrigin);
  if (backend !== null) origins.push(backend);
  if (policy.hubOrigin !== undefined) {
    const hub = httpOriginOf(policy.hubOrigin);
    if (hub !== null) origins.push(hub);
  }
  return origins;
}

/** True only for http(s) URLs on the backend origin (loopback) or the configured hub origin. */
export function isAllowedNavigation(url: string, backendOrigin: string, hubOrigin?: string): boolean {
  const origin = httpOriginOf(url);
  if (origin === null) return false;
  return trustedOrigins({ backendOrigin, hubOrigin }).includes(origin);
}

/** Result shape of Electron's `setWindowOpenHandler`. */
export interface WindowOpenDecision {
  action: 'deny';
}

/** A kiosk opens no second window, ever: links to elsewhere are not followed. */
export function decideWindowOpen(): WindowOpenDecision {
  return { action: 'deny' };
}

/** Roles whose screens read codes with the camera. */
const CAMERA_ROLES: ReadonlySet<Role> = new Set<Role>(['checkpoint', 'desk']);

/** One permission question from Electron's request or check handler. */
export interface PermissionQuery {
  permission: string;
  /** URL or origin of the asking frame. */
  origin: string;
  /** For `media`: what is asked for; anything but video alone is refused. */
  mediaTypes?: readonly string[] | undefined;
}

/** Only camera (`media`, video only) for checkpoint/desk pages from the backend origin; all else denied. */
export function isAllowedPermission(query: PermissionQuery, backendOrigin: string, role: Role): boolean {
  if (query.permission !== 'media') return false;
  if (!CAMERA_ROLES.has(role)) return false;
  const backend = loopbackOriginOf(backendOrigin);
  if (backend === null || httpOriginOf(query.origin) !== backend) return false;
  // Permission checks may say 'unknown' (e.g. device labels); a camera reader never needs audio.
  const types = query.mediaTypes ?? [];
  return types.every((t) => t === 'video' || t === 'unknown');
}

/** True when an IPC message comes from a frame showing a page of the backend origin. */
export function isTrustedIpcSender(frameUrl: string | null | undefined, backendOrigin: string): boolean {
  if (frameUrl === null || frameUrl === undefined) return false;
  const backend = loopbackOriginOf(backendOrigin);
  return backend !== null && httpOriginOf(frameUrl) === backend;
}
