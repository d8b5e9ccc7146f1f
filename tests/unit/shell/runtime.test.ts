import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../../electron/main/runtime';

describe('findElectronRuntime', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'varta-runtime-'));
    writeFileSync(join(root, 'package.json'), '{"name":"probe"}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A fake node_modules/electron with optional path.txt and binary. */
  function fakeElectron(pathTxt: string | null, binary: string | null): string {
    const dir = join(root, 'node_modules', 'electron');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"electron","main":"index.js"}');
    if (pathTxt !== null) writeFileSync(join(dir, 'path.txt'), pathTxt);
    if (binary !== null) writeFileSync(join(dir, 'dist', binary), '');
    return dir;
  }

  it('says the package is missing', () => {
    const result = findElectronRuntime(root, {});
    expect(result).toEqual({ available: false, reason: expect.stringMatching(/not installed/) });
  });

  it('says the runtime was not downloaded when path.txt is missing', () => {
    fakeElectron(null, null);
    expect(findElectronRuntime(root, {})).toEqual({ available: false, reason: expect.stringMatching(/not downloaded/) });
  });

  it('says the binary is missing when path.txt points nowhere', () => {
    fakeElectron('electron', null);
    expect(findElectronRuntime(root, {})).toEqual({ available: false, reason: expect.stringMatching(/binary is missing/) });
  });

  it('finds the binary', () => {
    const dir = fakeElectron('electron', 'electron');
    expect(findElectronRuntime(root, {})).toEqual({ available: true, path: join(dir, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', () => {
    fakeElectron('electron', null);
    const override = join(root, 'custom-dist');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({ available: true, path: join(override, 'electron') });
  });

  it('answers for this checkout without throwing', () => {
    const result = findElectronRuntime(join(import.meta.dirname, '..', '..', '..'));
    expect(typeof result.available).toBe('boolean');
    if (!result.available) expect(result.reason.length).toBeGreaterThan(10);
  });
});
