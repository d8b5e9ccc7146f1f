import { BrowserWindow, Menu, screen, type WebContents } from 'electron';
import type { Role } from '../../contract/roles';
import { toDisplayGeometry } from './policy/displays';
import { statusPageUrl, type ShellLanguage, type StatusPageKind } from './policy/status-page';
import {
  initialSupervisorState,
  nextRestart,
  type SupervisorEvent,
  type SupervisorState,
} from './policy/supervisor';
import { planWindow, windowKeyOf, type BridgeArgs, type WindowPlan } from './policy/window-plan';

// The one window of this machine: created from the pure window plan, recreated when the plan
// changes (additionalArguments are fixed at creation), and brought back when its renderer dies.

export interface RoleTarget {
  role: Role;
  deskNo?: number | undefined;
  kiosk: boolean;
  bridge: BridgeArgs | null;
}

export interface RoleWindowOptions {
  preloadPath: string;
  language: ShellLanguage;
  log(message: string): void;
}

/** Owns the role window and what it shows. */
export class RoleWindow {
  private window: BrowserWindow | null = null;
  private key: string | null = null;
  private plan: WindowPlan | null = null;
  private roleUrl: string | null = null;
  private rendererState: SupervisorState = initialSupervisorState();
  private rendererTimer: NodeJS.Timeout | null = null;
  private closeAllowed = false;

  constructor(private readonly options: RoleWindowOptions) {}

  /** Whether `contents` are this window's (the only ones trusted for shell calls). */
  owns(contents: WebContents): boolean {
    return this.window !== null && !this.window.isDestroyed() && this.window.webContents.id === contents.id;
  }

  /** Shows the role page at `baseUrl` (creating or recreating the window as the plan says);
   * throws one sentence when the role page cannot be named. */
  showRole(target: RoleTarget, baseUrl: string): void {
    const window = this.ensure(target);
    const rolePath = this.plan?.rolePath ?? null;
    if (rolePath === null) throw new Error('The desk role needs a desk number: set --desk or VARTA_DESK_NO.');
    this.roleUrl = new URL(rolePath, baseUrl).href;
    this.rendererState = nextRestart(initialSupervisorState(), { type: 'start' }, Date.now()).state;
    void window.loadURL(this.roleUrl).catch((error: unknown) => this.options.log(`role page did not load: ${String(error)}`));
  }

  /** Shows one of the shell's own status pages (backend restarting, given up…). */
  showStatus(target: RoleTarget, kind: StatusPageKind, detail?: string): void {
    this.roleUrl = null;
    this.clearRendererTimer();
    const window = this.ensure(target);
    void window.loadURL(statusPageUrl(kind, this.options.language, detail)).catch(() => undefined);
  }

  /** Lets a locked kiosk window close (after the quit PIN was accepted, or at shutdown). */
  allowClose(): void {
    this.closeAllowed = true;
  }

  /** Brings the window to the front (a second instance was started). */
  focus(): void {
    if (this.window === null || this.window.isDestroyed()) return;
    if (this.window.isMinimized()) this.window.restore();
    this.window.focus();
  }

  private ensure(target: RoleTarget): BrowserWindow {
    const key = windowKeyOf(target);
    if (this.window !== null && !this.window.isDestroyed() && this.key === key) return this.window;
    const old = this.window;
    this.clearRendererTimer();
    const primaryId = screen.getPrimaryDisplay().id;
    const displays = screen.getAllDisplays().map((d) => toDisplayGeometry(d, primaryId));
    this.plan = planWindow({ ...target, displays, preloadPath: this.options.preloadPath });
    this.window = this.create(this.plan);
    this.key = key;
    if (old !== null && !old.isDestroyed()) old.destroy();
    return this.window;
  }

  private create(plan: WindowPlan): BrowserWindow {
    const window = new BrowserWindow(plan.options);
    if (plan.locked) {
      Menu.setApplicationMenu(null);
      window.setMenuBarVisibility(false);
    }
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      if (plan.locked && !this.closeAllowed) event.preventDefault();
    });
    window.webContents.on('did-finish-load', () => {
      if (this.roleUrl !== null && window.webContents.getURL().startsWith(new URL(this.roleUrl).origin)) this.feedRenderer({ type: 'ready' });
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      this.options.log(`the screen's renderer is gone: ${details.reason} (exit code ${details.exitCode})`);
      if (this.roleUrl === null) return;
      this.feedRenderer({ type: 'exited', code: details.exitCode }, details.reason);
    });
    return window;
  }

  /** Crashed renderer: show what happened, reload with backoff, stop after a crash loop. */
  private feedRenderer(event: SupervisorEvent, reason = ''): void {
    const step = nextRestart(this.rendererState, event, Date.now());
    this.rendererState = step.state;
    const window = this.window;
    const roleUrl = this.roleUrl;
    if (window === null || window.isDestroyed() || roleUrl === null) return;
    if (step.action.kind === 'restart') {
      void window.loadURL(statusPageUrl('renderer_gone', this.options.language, reason)).catch(() => undefined);
      this.clearRendererTimer();
      this.rendererTimer = setTimeout(() => {
        if (window.isDestroyed() || this.window !== window) return;
        this.rendererState = nextRestart(this.rendererState, { type: 'start' }, Date.now()).state;
        void window.loadURL(roleUrl).catch(() => undefined);
      }, step.action.delayMs);
    } else if (step.action.kind === 'give_up') {
      void window.loadURL(statusPageUrl('gave_up', this.options.language, reason)).catch(() => undefined);
    }
  }

  private clearRendererTimer(): void {
    if (this.rendererTimer !== null) clearTimeout(this.rendererTimer);
    this.rendererTimer = null;
  }
}
