export * from './config';
export * from './errors';
export * from './events';
export * from './pairing';
export * from './roles';
export * from './shell';
export * from './status';
