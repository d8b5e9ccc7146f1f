// `npm run serve -- [--port N] [--data-dir DIR] [--role ROLE] …`: browser mode directly (hall TVs, servers).
import { buildIfStale } from './lib/build.mjs';
import { runBackend } from './lib/run-backend.mjs';

buildIfStale();
process.exitCode = await runBackend(process.argv.slice(2));
