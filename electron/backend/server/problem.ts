import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../../contract/errors';
import { type FieldError, HttpError } from '../errors';
import { zodIssuesToFieldErrors } from './parse-body';

// The one place errors become application/problem+json. Typed HttpErrors carry their own
// status and code; framework errors (bad JSON, body too large, rate limit) keep their
// 4xx status; everything else is a 500 that says nothing about the inside.

const STATUS_CODES: Readonly<Record<number, [code: string, title: string]>> = {
  400: ['bad_request', 'Bad request'],
  401: ['unauthorised', 'Unauthorised'],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'Method not allowed'],
  406: ['not_acceptable', 'Not acceptable'],
  409: ['conflict', 'Conflict'],
  413: ['payload_too_large', 'Payload too large'],
  415: ['unsupported_media_type', 'Unsupported media type'],
  429: ['too_many_requests', 'Too many requests'],
};

/** Build a problem document. */
export function problem(status: number, code: string, title: string, detail?: string, errors?: FieldError[]): Problem {
  const body: Problem = { type: `urn:varta:problem:${code}`, title, status, code };
  if (detail !== undefined) body.detail = detail;
  if (errors !== undefined) body.errors = errors;
  return body;
}

/** Map any thrown value to a problem document (never leaks a stack or an internal message). */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpError) return problem(error.status, error.code, error.title, error.detail, error.errors);
  if (error instanceof ZodError) {
    return problem(400, 'invalid_body', 'Invalid request', 'The request is invalid.', zodIssuesToFieldErrors(error.issues));
  }
  const fastifyError = error as Partial<FastifyError> | null;
  if (fastifyError?.validation) {
    const errors = fastifyError.validation.map((v) => ({ path: v.instancePath || '(body)', message: v.message ?? 'invalid' }));
    return problem(400, 'invalid_body', 'Invalid request', 'The request is invalid.', errors);
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, title] = STATUS_CODES[status] ?? ['client_error', 'Client error'];
    return problem(status, code, title, fastifyError?.message);
  }
  return problem(500, 'internal', 'Internal error', 'Something went wrong inside Varta; the backend log has the details.');
}

/** Send a problem document with its content type. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** Fastify error handler: log server faults, answer problem+json. */
export function problemErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = toProblem(error);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ status: body.status, code: body.code }, 'request refused');
  return sendProblem(reply, { ...body, instance: request.url.split('?')[0] });
}

/** Fastify not-found handler: a 404 problem for every unknown route. */
export function problemNotFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0] ?? '';
  return sendProblem(reply, {
    ...problem(404, 'not_found', 'Not found', `There is no ${request.method} ${path}.`),
    instance: path,
  });
}
