import pkg from '../../package.json';

/** Varta's version, from package.json (inlined by the bundler). */
export const VERSION: string = pkg.version;
