import type { z } from 'zod';
import { type FieldError, ValidationError } from '../errors';

/** Zod issues as `{path, message}` entries; unknown keys are named one by one. */
export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'unknown field' }));
    }
    return [{ path: issue.path.length > 0 ? issue.path.join('.') : '(body)', message: issue.message }];
  });
}

/** Validate a request body against a contract schema; throws a 400 ValidationError naming the paths. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ValidationError(zodIssuesToFieldErrors(result.error.issues));
}
