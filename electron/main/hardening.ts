import type { Session, WebContents } from 'electron';
import type { Role } from '../../contract/roles';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './policy/csp';
import { decideWindowOpen, isAllowedNavigation, isAllowedPermission } from './policy/navigation-rules';

// Wires the pure rules of policy/ into Electron: navigation, new windows, webviews,
// permissions, downloads and the CSP header. Applied to every webContents the app creates.

/** What the rules need to know right now (the backend origin changes when it restarts). */
export interface LivePolicy {
  backendOrigin(): string | null;
  hubOrigin(): string | null;
  role(): Role;
  log(message: string): void;
}

/** Blocks navigation off the backend/hub origins, every new window and every <webview>. */
export function hardenWebContents(contents: WebContents, policy: LivePolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    policy.log(`blocked a new window for ${url}`);
    return decideWindowOpen();
  });
  const guard = (event: { preventDefault(): void; url: string }): void => {
    const backend = policy.backendOrigin();
    if (backend !== null && isAllowedNavigation(event.url, backend, policy.hubOrigin() ?? undefined)) return;
    event.preventDefault();
    policy.log(`blocked navigation to ${event.url}`);
  };
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permissions (camera only, for checkpoint/desk), no devices, no downloads, CSP on every response. */
export function hardenSession(session: Session, policy: LivePolicy): void {
  const allowed = (permission: string, origin: string, mediaTypes?: readonly string[]): boolean => {
    const backend = policy.backendOrigin();
    return backend !== null && isAllowedPermission({ permission, origin, mediaTypes }, backend, policy.role());
  };
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(allowed(permission, details.requestingUrl, mediaTypes));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType === undefined ? undefined : [details.mediaType];
    return allowed(permission, requestingOrigin, mediaTypes);
  });
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onHeadersReceived((details, callback) => {
    const backendOrigin = policy.backendOrigin() ?? undefined;
    const csp = buildContentSecurityPolicy({ backendOrigin, hubOrigin: policy.hubOrigin() ?? undefined });
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) });
  });
}
