import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contract/roles';
import {
  pickDisplay,
  planWindow,
  rolePathOf,
  windowKeyOf,
  type DisplayGeometry,
  type WindowPlanInput,
} from '../../../electron/main/policy/window-plan';

const primary: DisplayGeometry = {
  id: 1,
  label: 'laptop',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  primary: true,
};
const tv: DisplayGeometry = {
  id: 2,
  label: 'hall TV',
  bounds: { x: 1920, y: 0, width: 3840, height: 2160 },
  workArea: { x: 1920, y: 0, width: 3840, height: 2160 },
  primary: false,
};

function input(role: Role, overrides: Partial<WindowPlanInput> = {}): WindowPlanInput {
  return {
    role,
    deskNo: role === 'desk' ? 4 : undefined,
    kiosk: true,
    displays: [primary, tv],
    preloadPath: '/app/out/preload/index.cjs',
    bridge: { backendUrl: 'http://127.0.0.1:8470', token: 'tok_0123456789abcdef' },
    ...overrides,
  };
}

const ROLES: Role[] = ['checkpoint', 'terminal', 'desk', 'display', 'admin'];

describe('planWindow', () => {
  it.each(ROLES)('turns every security checklist item on for %s', (role) => {
    for (const kiosk of [true, false]) {
      const prefs = planWindow(input(role, { kiosk })).options.webPreferences;
      expect(prefs).toMatchObject({
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
        preload: '/app/out/preload/index.cjs',
      });
    }
  });

  it('hands backend URL and token to the preload as additional arguments', () => {
    const prefs = planWindow(input('admin')).options.webPreferences;
    expect(prefs?.additionalArguments).toEqual(['--varta-backend=http://127.0.0.1:8470', '--varta-token=tok_0123456789abcdef']);
    expect(planWindow(input('admin', { bridge: null })).options.webPreferences?.additionalArguments).toEqual([]);
  });

  it.each(['checkpoint', 'terminal', 'display'] as const)('locks %s as a kiosk when kiosk is on', (role) => {
    const plan = planWindow(input(role));
    expect(plan.locked).toBe(true);
    expect(plan.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, minimizable: false });
    expect(plan.options.webPreferences?.devTools).toBe(false);
  });

  it('keeps kiosk roles full screen but unlocked when kiosk is off', () => {
    const plan = planWindow(input('terminal', { kiosk: false }));
    expect(plan.locked).toBe(false);
    expect(plan.options.fullscreen).toBe(true);
    expect(plan.options.kiosk).toBeUndefined();
    expect(plan.options.webPreferences?.devTools).toBe(true);
  });

  it.each(['admin', 'desk'] as const)('gives %s a normal window centred on the primary display', (role) => {
    const plan = planWindow(input(role));
    expect(plan.locked).toBe(false);
    expect(plan.displayId).toBe(1);
    expect(plan.options.kiosk).toBeUndefined();
    expect(plan.options.fullscreen).toBeUndefined();
    expect(plan.options).toMatchObject({ x: 320, y: 120, width: 1280, height: 800 });
  });

  it('never makes a window larger than a small screen', () => {
    const small: DisplayGeometry = { ...primary, workArea: { x: 0, y: 0, width: 1024, height: 600 } };
    const plan = planWindow(input('admin', { displays: [small] }));
    expect(plan.options).toMatchObject({ x: 0, y: 0, width: 1024, height: 600 });
  });

  it('puts the hall display on the secondary screen, at its bounds', () => {
    const plan = planWindow(input('display'));
    expect(plan.displayId).toBe(2);
    expect(plan.options).toMatchObject({ x: 1920, y: 0, width: 3840, height: 2160 });
  });

  it('plans a window even when no display is reported', () => {
    const plan = planWindow(input('checkpoint', { displays: [] }));
    expect(plan.displayId).toBeNull();
    expect(plan.options.fullscreen).toBe(true);
  });

  it('names the role page', () => {
    expect(planWindow(input('desk')).rolePath).toBe('/desk/4');
    expect(planWindow(input('checkpoint')).rolePath).toBe('/checkpoint');
    // A desk whose number is not known yet still gets a window (for status pages), but no page.
    expect(planWindow(input('desk', { deskNo: undefined })).rolePath).toBeNull();
  });
});

describe('pickDisplay', () => {
  it('uses the primary display for everyone but the hall display', () => {
    expect(pickDisplay('checkpoint', [tv, primary])?.id).toBe(1);
    expect(pickDisplay('display', [primary])?.id).toBe(1);
    expect(pickDisplay('display', [tv, primary])?.id).toBe(2);
    expect(pickDisplay('admin', [])).toBeNull();
  });
});

describe('rolePathOf', () => {
  it('refuses a desk without a number', () => {
    expect(() => rolePathOf('desk')).toThrow(/desk number/);
  });
});

describe('windowKeyOf', () => {
  it('changes when the role, kiosk or bridge changes, and only then', () => {
    const base = input('admin');
    expect(windowKeyOf(base)).toBe(windowKeyOf(input('admin', { displays: [], preloadPath: '/elsewhere.cjs' })));
    expect(windowKeyOf(base)).not.toBe(windowKeyOf({ ...base, role: 'terminal' }));
    expect(windowKeyOf(base)).not.toBe(windowKeyOf({ ...base, kiosk: false }));
    expect(windowKeyOf(base)).not.toBe(windowKeyOf({ ...base, bridge: null }));
    expect(windowKeyOf(base)).not.toBe(windowKeyOf({ ...base, bridge: { backendUrl: 'http://127.0.0.1:9', token: 't' } }));
  });
});
