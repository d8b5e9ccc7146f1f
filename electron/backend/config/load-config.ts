import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Config } from '../../../contract/config';
import { ConfigError } from '../errors';
import { type ConfigInputs, resolveConfig } from './resolve-config';
import { type Env, locateConfigFile, parseFlags } from './sources';

/** Options of the loader; all default to the running process. */
export interface LoadConfigOptions {
  argv?: readonly string[];
  env?: Env;
  cwd?: string;
  homeDir?: string;
}

/** Read the config file (if any) and resolve the configuration from argv and env. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<{ config: Config; help: boolean }> {
  const argv = options.argv ?? process.argv.slice(2);
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const homeDir = options.homeDir ?? env.HOME ?? homedir();
  const flags = parseFlags(argv);
  const file = locateConfigFile(flags, env, cwd, homeDir);
  const inputs: ConfigInputs = { argv, env, cwd, homeDir };
  const text = await readConfigText(file.path, file.explicit);
  if (text !== undefined) {
    inputs.fileText = text;
    inputs.filePath = file.path;
  }
  return resolveConfig(inputs);
}

async function readConfigText(path: string, explicit: boolean): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return undefined;
    if (code === 'ENOENT') throw new ConfigError(`Config file ${path} does not exist.`, null, path);
    if (code === 'EISDIR') throw new ConfigError(`Config file ${path} is a directory, not a file.`, null, path);
    throw new ConfigError(`Config file ${path} cannot be read (${code ?? 'unknown error'}).`, null, path);
  }
}
