// Lint rules that keep Varta's boundaries: the renderer has no Node or Electron, contract/ depends on zod
// alone, and raw ipcMain / ipcRenderer appear only in their one wrapper file each.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNodeOrElectron = {
  paths: [...nodeBuiltins, 'electron'].map((name) => ({ name, message: 'The renderer has no Node or Electron: go through the backend API or window.varta.' })),
  patterns: [{ group: ['**/electron/**', '**/native/**'], message: 'The renderer imports only the contract and UI libraries.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/.artifacts/**', 'bench-results/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name="only"][callee.object.name=/^(it|test|describe)$/]', message: 'No focused tests.' },
      ],
    },
  },
  // Later blocks replace this rule for renderer/ and contract/, which may not import electron at all.
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Raw IPC lives only in electron/main/ipc.ts and electron/preload/index.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', noNodeOrElectron] },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'react', 'axios', 'sqlite3', 'fastify'].map((name) => ({
            name,
            message: 'contract/ holds schemas only: it imports zod and other contract files, nothing runtime-specific.',
          })),
          patterns: [{ group: ['../*/**', '!./*'], message: 'contract/ imports only zod and other contract files.' }],
        },
      ],
    },
  },
);
