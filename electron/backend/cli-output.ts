import type { Backend } from './app';
import { StartupError } from './errors';

/** The role pages printed under the ready line (a desk page needs a number). */
export function rolePagePaths(deskNo: number | undefined): Array<[role: string, path: string]> {
  return [
    ['checkpoint', '/checkpoint'],
    ['terminal', '/terminal'],
    ['desk', `/desk/${deskNo ?? 1}`],
    ['display', '/display'],
    ['admin', '/admin'],
  ];
}

/** What the CLI prints once ready: the pairing link, each role page, and the simulator in training mode. */
export function readyLines(backend: Pick<Backend, 'url' | 'pairingLink' | 'simulatorUrl' | 'config'>): string[] {
  const lines = [`Varta ready: ${backend.pairingLink}`];
  for (const [role, path] of rolePagePaths(backend.config.deskNo)) lines.push(`  ${role}: ${backend.url}${path}`);
  if (backend.simulatorUrl !== null) lines.push(`Training mode: portal simulator at ${backend.simulatorUrl}`);
  return lines;
}

/** The one sentence printed when start-up fails. */
export function startupFailureLine(error: unknown): string {
  if (error instanceof StartupError) {
    const message = error.message.trim();
    return `Varta cannot start: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Varta cannot start: unexpected error (${detail}); run with --log-level debug for details.`;
}
