// `npm run bench`: runs every tests/bench/*.bench.ts (each default-exports `run(): Promise<BenchResult[]>`),
// prints one table with the machine it ran on and writes the same results as JSON to bench-results/.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { runnerImport } from 'vite';
import { ROOT, buildIfStale } from './lib/build.mjs';

const only = process.argv.slice(2);
const benchDir = join(ROOT, 'tests/bench');
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: type(),
  node: process.version,
  date: new Date().toISOString(),
};

buildIfStale();
const results = [];
for (const file of files) {
  console.log(`… ${file}`);
  try {
    const { module } = await runnerImport(join(benchDir, file), { root: ROOT, configFile: false, logLevel: 'warn' });
    for (const r of await module.default()) results.push({ file, ...r });
  } catch (error) {
    console.error(`${file} failed: ${error instanceof Error ? error.stack : error}`);
    results.push({ file, name: 'run', value: NaN, unit: 'error', note: String(error) });
  }
}

const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v ?? ''));
const rows = results.map((r) => [r.file.replace('.bench.ts', ''), r.name, fmt(r.value), r.unit, r.target ?? '', r.note ?? '']);
const head = ['bench', 'metric', 'value', 'unit', 'target', 'note'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\nMachine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}`);
console.log([line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));

const outDir = join(ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
const json = JSON.stringify({ machine, results }, null, 2);
writeFileSync(join(outDir, 'latest.json'), json);
console.log(`\nResults written to bench-results/latest.json`);
process.exit(results.some((r) => r.unit === 'error') ? 1 : 0);
