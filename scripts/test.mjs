// `npm test`: system packages, typecheck, lint, build, then the unit, integration, e2e and Electron tiers.
// Ends with one line `N passed, N failed` (tests plus the typecheck, lint and build steps).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildIfStale } from './lib/build.mjs';
import { ensureSystemPackages } from './lib/system-packages.mjs';
import { withKeyring } from './lib/keyring-session.mjs';

const REPORTS = join(ROOT, 'tests/.artifacts/reports');
const bin = (name) => join(ROOT, 'node_modules/.bin', name);
const tally = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function record(name, passed, failed, skipped = 0) {
  tally.passed += passed;
  tally.failed += failed;
  tally.skipped += skipped;
  lines.push(`${failed > 0 ? 'FAIL' : 'ok  '} ${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options }).status === 0;
}

function step(name, fn) {
  console.log(`\n== ${name}`);
  let ok = false;
  try {
    ok = fn() !== false;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
  record(name, ok ? 1 : 0, ok ? 0 : 1);
  return ok;
}

function vitestTier(project, { wrap = (cmd) => cmd } = {}) {
  console.log(`\n== ${project} tests`);
  const report = join(REPORTS, `${project}.json`);
  rmSync(report, { force: true });
  const [command, ...args] = wrap([
    bin('vitest'), 'run', '--config', 'tests/vitest.config.ts', '--project', project, '--passWithNoTests',
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ]);
  const exitOk = run(command, args);
  if (!existsSync(report)) return record(`${project} tests`, 0, 1);
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const suiteErrors = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  const failed = r.numFailedTests + suiteErrors + (exitOk || r.numFailedTests + suiteErrors > 0 ? 0 : 1);
  record(`${project} tests`, r.numPassedTests, failed, r.numPendingTests + r.numTodoTests);
}

mkdirSync(REPORTS, { recursive: true });
if (!step('system packages', () => ensureSystemPackages())) {
  console.error('\nThe tests need these system packages; nothing else was run.');
} else {
  step('typecheck', () => ['node', 'web', 'browser-tests'].every((p) => run(bin('tsc'), ['-p', `tsconfig.${p}.json`])));
  step('lint', () => run(bin('eslint'), ['--max-warnings=0', '.']));
  const built = step('build', () => (buildIfStale({ force: true }), true));
  vitestTier('unit');
  vitestTier('integration');
  vitestTier('keychain', { wrap: withKeyring });
  if (built) vitestTier('e2e');
  else record('e2e tests (not run: the build failed)', 0, 1);
  vitestTier('electron');
}

console.log(`\n${lines.join('\n')}`);
console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
process.exitCode = tally.failed > 0 ? 1 : 0;
