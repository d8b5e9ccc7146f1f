// Typed errors of the backend. Two families:
// - StartupError: stops the backend; its message is ONE sentence a person can act on
//   (the CLI prints it after "Varta cannot start: ").
// - HttpError: mapped once to application/problem+json by server/problem.ts.

/** Base class: keeps the subclass name so logs say which error it was. */
export class VartaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Anything that stops the backend from starting; the message is one clear sentence. */
export class StartupError extends VartaError {}

/** Bad configuration (file, environment or flags); names the key and where it came from. */
export class ConfigError extends StartupError {
  constructor(
    message: string,
    readonly key: string | null = null,
    readonly source: string | null = null,
  ) {
    super(message);
  }
}

/** The data directory cannot be created or written, or another instance holds it. */
export class DataDirError extends StartupError {}

/** The database cannot be used safely (pragmas not in effect, newer schema, corrupt file). */
export class StorageError extends StartupError {}

/** The HTTP port cannot be bound. */
export class ListenError extends StartupError {}

/** One entry of a 400 problem: which body path is wrong and why. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error with an HTTP status and a stable machine code, answered as problem+json. */
export class HttpError extends VartaError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

/** 400: the request body (or query) does not match its schema. */
export class ValidationError extends HttpError {
  constructor(errors: FieldError[], detail = 'The request body is invalid.') {
    super(400, 'invalid_body', 'Invalid request', detail, errors);
  }
}

/** 401: missing, unknown or revoked token, or an unusable pairing code. */
export class UnauthorizedError extends HttpError {
  constructor(detail = 'A valid token is required.', code = 'unauthorised') {
    super(401, code, 'Unauthorised', detail);
  }
}

/** 403: the token is valid but its role may not do this. */
export class ForbiddenError extends HttpError {
  constructor(detail = 'This role may not do that.') {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

/** 404: no such resource or route. */
export class NotFoundError extends HttpError {
  constructor(detail = 'Not found.') {
    super(404, 'not_found', 'Not found', detail);
  }
}

/** 409: the request conflicts with the current state. */
export class ConflictError extends HttpError {
  constructor(detail: string, code = 'conflict') {
    super(409, code, 'Conflict', detail);
  }
}

/** 429: too many requests from this client. */
export class TooManyRequestsError extends HttpError {
  constructor(detail = 'Too many requests; try again later.') {
    super(429, 'too_many_requests', 'Too many requests', detail);
  }
}

/** 503: the portal cannot be reached or answered badly; never treated as success. */
export class PortalUnavailableError extends HttpError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(503, 'portal_unavailable', 'Portal unavailable', detail);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
