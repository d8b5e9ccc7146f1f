export { createLogging, silentLogger, type CreateLogger, type Logger, type Logging, type LoggingOptions } from './logger';
export { REDACT_PATHS, redactUrl } from './redaction';
