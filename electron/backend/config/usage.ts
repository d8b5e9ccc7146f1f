import { SETTINGS } from './sources';

/** The --help text: every flag with its environment variable. */
export function usage(): string {
  const lines = SETTINGS.map((s) => `  --${s.flag.padEnd(12)} ${s.env.padEnd(18)} ${s.path.join('.')}`);
  return [
    'Usage: varta-backend [options]',
    '',
    '  flag           environment        configuration key',
    ...lines,
    `  --${'config'.padEnd(12)} ${'VARTA_CONFIG'.padEnd(18)} path of a JSON config file (default <dataDir>/config.json)`,
    '',
    'Precedence: defaults < config file < environment < flags.',
  ].join('\n');
}
