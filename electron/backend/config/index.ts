export { loadConfig, type LoadConfigOptions } from './load-config';
export { resolveConfig, type ConfigInputs, type ResolvedConfig } from './resolve-config';
export { defaultDataDir, KNOWN_FLAGS, SETTINGS } from './sources';
export { usage } from './usage';
