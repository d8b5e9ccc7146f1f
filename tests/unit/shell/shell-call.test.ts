import { describe, expect, it } from 'vitest';
import { QuitRequestSchema } from '../../../contract/shell';
import { invokeShellCall, isShellChannel, ShellCallError, type ShellCallContext } from '../../../electron/main/policy/shell-call';

const BACKEND = 'http://127.0.0.1:8470';

function context(overrides: Partial<ShellCallContext> = {}): ShellCallContext {
  return {
    channel: 'varta:quit',
    sender: { frameUrl: `${BACKEND}/admin`, isTopFrame: true, fromRoleWindow: true },
    backendOrigin: BACKEND,
    ...overrides,
  };
}

describe('invokeShellCall', () => {
  const echo = ({ pin }: { pin: string }) => `pin ${pin.length}`;

  it('runs the handler for a valid call from the role window', async () => {
    await expect(invokeShellCall(QuitRequestSchema, echo, [{ pin: '1234' }], context())).resolves.toEqual({ ok: true, value: 'pin 4' });
  });

  it('refuses senders that are not the role window top frame on the backend origin', async () => {
    const calls: string[] = [];
    const handler = (input: { pin: string }) => {
      calls.push(input.pin);
      return null;
    };
    for (const sender of [
      { frameUrl: 'https://evil.example/', isTopFrame: true, fromRoleWindow: true },
      { frameUrl: `${BACKEND}/admin`, isTopFrame: false, fromRoleWindow: true },
      { frameUrl: `${BACKEND}/admin`, isTopFrame: true, fromRoleWindow: false },
      { frameUrl: null, isTopFrame: true, fromRoleWindow: true },
    ]) {
      await expect(invokeShellCall(QuitRequestSchema, handler, [{ pin: '1234' }], context({ sender }))).resolves.toEqual({
        ok: false,
        error: 'untrusted_sender',
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses bad channels, bad arguments and a backend that is down, without calling the handler', async () => {
    let called = false;
    const handler = () => {
      called = true;
      return null;
    };
    const reply = (args: unknown[], ctx = context()) => invokeShellCall(QuitRequestSchema, handler, args, ctx);
    await expect(reply([{ pin: '1234' }], context({ channel: 'quit' }))).resolves.toEqual({ ok: false, error: 'bad_channel' });
    await expect(reply([{ pin: '1234' }], context({ backendOrigin: null }))).resolves.toEqual({ ok: false, error: 'backend_not_ready' });
    for (const args of [[], [{ pin: '12' }], [{ pin: '1234', extra: 1 }], ['1234'], [{ pin: '1234' }, 'second']]) {
      await expect(reply(args)).resolves.toEqual({ ok: false, error: 'invalid_arguments' });
    }
    expect(called).toBe(false);
  });

  it('turns handler failures into error codes, never exceptions', async () => {
    const seen: unknown[] = [];
    const ctx = context({ onUnexpectedError: (_c, e) => seen.push(e) });
    const coded = () => {
      throw new ShellCallError('wrong_pin');
    };
    const broken = async () => {
      throw new Error('disk on fire');
    };
    await expect(invokeShellCall(QuitRequestSchema, coded, [{ pin: '1234' }], ctx)).resolves.toEqual({ ok: false, error: 'wrong_pin' });
    await expect(invokeShellCall(QuitRequestSchema, broken, [{ pin: '1234' }], ctx)).resolves.toEqual({ ok: false, error: 'failed' });
    expect(seen).toHaveLength(1);
    expect(String(seen[0])).toContain('disk on fire');
  });
});

describe('isShellChannel', () => {
  it('wants the varta: prefix and a plain name', () => {
    expect(['varta:print', 'varta:displays', 'varta:quit', 'varta:set-volume'].every(isShellChannel)).toBe(true);
    expect(['print', 'varta:', 'VARTA:print', 'varta:print ', 'electron:print', 'varta:a/b'].some(isShellChannel)).toBe(false);
  });
});
