import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_CHANNELS } from '../../../contract/shell';

// Source-level rules of the shell that a reviewer would otherwise have to remember.
const root = join(import.meta.dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const shellFiles = [...sources(join(root, 'electron/main')), ...sources(join(root, 'electron/preload'))];
const text = (path: string): string => readFileSync(path, 'utf8');
const rel = (path: string): string => relative(root, path);

describe('shell boundaries', () => {
  it('touches raw ipcMain only in electron/main/ipc.ts', () => {
    const users = shellFiles.filter((f) => /\bipcMain\b/.test(text(f).replace(/\/\/.*$/gm, ''))).map(rel);
    expect(users).toEqual(['electron/main/ipc.ts']);
  });

  it('touches raw ipcRenderer only in electron/preload/index.ts', () => {
    const users = shellFiles.filter((f) => /\bipcRenderer\b/.test(text(f).replace(/\/\/.*$/gm, ''))).map(rel);
    expect(users).toEqual(['electron/preload/index.ts']);
  });

  it('keeps policy/, runtime.ts and preload/bridge-args.ts free of runtime electron imports', () => {
    const pure = [...sources(join(root, 'electron/main/policy')), join(root, 'electron/main/runtime.ts'), join(root, 'electron/preload/bridge-args.ts')];
    for (const file of pure) {
      expect(text(file), rel(file)).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'electron'/m);
    }
  });

  it('imports nothing but electron at runtime in the sandboxed preload (the rest is bundled)', () => {
    const imports = [...text(join(root, 'electron/preload/index.ts')).matchAll(/^import\s+(?!type\b)[^;]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(imports.filter((m) => m !== 'electron' && !m?.startsWith('.'))).toEqual([]);
  });

  it('uses in the preload exactly the channel names of contract/shell.ts', () => {
    const preload = text(join(root, 'electron/preload/index.ts'));
    const literal = /const CHANNELS = \{ print: '([^']+)', displays: '([^']+)', quit: '([^']+)' \} as const;/.exec(preload);
    expect(literal?.slice(1)).toEqual([SHELL_CHANNELS.print, SHELL_CHANNELS.displays, SHELL_CHANNELS.quit]);
  });
});
