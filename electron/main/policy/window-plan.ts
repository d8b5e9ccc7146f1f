import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Role } from '../../../contract/roles';

// Pure window plan: which display, what kind of window, and the locked-down webPreferences.
// Only Electron *types* are imported; the module runs (and is tested) under plain Node.

/** A display as the plan needs it (a subset of Electron's `Display`). */
export interface DisplayGeometry {
  id: number;
  label: string;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
  primary: boolean;
}

export interface WindowPlanInput {
  role: Role;
  deskNo?: number | undefined;
  kiosk: boolean;
  displays: readonly DisplayGeometry[];
  preloadPath: string;
  /** Handed to the preload through `additionalArguments`; null while no backend is up yet. */
  bridge: BridgeArgs | null;
  title?: string | undefined;
}

/** What the preload hands to the page as `window.varta` (see preload/bridge-args.ts). */
export interface BridgeArgs {
  backendUrl: string;
  token: string;
}

export interface WindowPlan {
  displayId: number | null;
  /** True when the window is a locked kiosk: no menu, no close without the quit PIN, no devtools. */
  locked: boolean;
  options: BrowserWindowConstructorOptions;
  /** Path of the role page on the backend, e.g. `/desk/3`; null for a desk without its number. */
  rolePath: string | null;
}

/** Roles that run unattended in front of the public: full screen, and locked when kiosk is on. */
export const KIOSK_ROLES: readonly Role[] = ['checkpoint', 'terminal', 'display'];

const NORMAL_SIZE = { width: 1280, height: 800 };

/** Every item of the Electron security checklist, plus the preload and its two arguments. */
export function secureWebPreferences(preloadPath: string, bridge: BridgeArgs | null, locked: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: !locked,
    additionalArguments: bridge === null ? [] : [`--varta-backend=${bridge.backendUrl}`, `--varta-token=${bridge.token}`],
  };
}

/** The display a role belongs on: the hall display goes to a secondary screen when there is one. */
export function pickDisplay(role: Role, displays: readonly DisplayGeometry[]): DisplayGeometry | null {
  const primary = displays.find((d) => d.primary) ?? displays[0] ?? null;
  if (role !== 'display') return primary;
  return displays.find((d) => !d.primary) ?? primary;
}

/** The page path of a role on the backend. */
export function rolePathOf(role: Role, deskNo?: number): string {
  if (role !== 'desk') return `/${role}`;
  if (deskNo === undefined) throw new Error('the desk role needs a desk number');
  return `/desk/${deskNo}`;
}

/** Plans the one window of this machine from its role, kiosk switch and attached displays. */
export function planWindow(input: WindowPlanInput): WindowPlan {
  const display = pickDisplay(input.role, input.displays);
  const locked = input.kiosk && KIOSK_ROLES.includes(input.role);
  const area = display?.workArea ?? null;
  const bounds = display?.bounds ?? null;
  const common: BrowserWindowConstructorOptions = {
    title: input.title ?? 'Varta',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(input.preloadPath, input.bridge, locked),
  };
  const fullscreen = KIOSK_ROLES.includes(input.role);
  const placement: BrowserWindowConstructorOptions = fullscreen ? fullscreenOn(bounds, locked) : centred(area);
  return {
    displayId: display?.id ?? null,
    locked,
    options: { ...common, ...placement },
    rolePath: input.role === 'desk' && input.deskNo === undefined ? null : rolePathOf(input.role, input.deskNo),
  };
}

/** Full screen on the display; a locked kiosk also loses its frame and every window control. */
function fullscreenOn(bounds: DisplayGeometry['bounds'] | null, locked: boolean): BrowserWindowConstructorOptions {
  const at = bounds === null ? {} : { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
  if (!locked) return { ...at, fullscreen: true, autoHideMenuBar: true };
  return {
    ...at,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    resizable: false,
    minimizable: false,
    maximizable: false,
  };
}

/** A normal, resizable window centred on the display's work area, no larger than it. */
function centred(area: DisplayGeometry['workArea'] | null): BrowserWindowConstructorOptions {
  if (area === null) return { ...NORMAL_SIZE, minWidth: 800, minHeight: 600 };
  const width = Math.min(NORMAL_SIZE.width, area.width);
  const height = Math.min(NORMAL_SIZE.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
    minWidth: Math.min(800, width),
    minHeight: Math.min(600, height),
  };
}

/** Two plans with the same key can share a window; otherwise the window must be recreated
 * (additionalArguments are fixed when a window is created). */
export function windowKeyOf(input: Pick<WindowPlanInput, 'role' | 'deskNo' | 'kiosk' | 'bridge'>): string {
  return JSON.stringify([input.role, input.deskNo ?? null, input.kiosk, input.bridge?.backendUrl ?? null, input.bridge?.token ?? null]);
}
