// A minimal JSON Schema (2020-12 subset) validator for the contract tests: no ajv is installed,
// and the subset the portal document uses is small. It is deliberately independent of zod, so a
// test that validates real traffic against contract/portal-openapi.json checks the FILE.

type Schema = Record<string, unknown>;

/** Validate `value` against `schema`; `root` resolves local $refs. Returns the problems found ([] = valid). */
export function validateJson(value: unknown, schema: unknown, root: unknown, path = '$'): string[] {
  if (schema === true || schema === undefined) return [];
  if (schema === false) return [`${path}: nothing is allowed here`];
  const s = schema as Schema;
  if (typeof s.$ref === 'string') return validateJson(value, resolveRef(s.$ref, root), root, path);
  const errors: string[] = [];
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${path}: must be ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path}: must be one of ${JSON.stringify(s.enum)}`);
  if (s.type !== undefined && !typeMatches(value, s.type)) return [...errors, `${path}: must be ${JSON.stringify(s.type)}`];
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => validateJson(value, sub, root, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub) => validateJson(value, sub, root, path).length === 0).length !== 1) errors.push(`${path}: must match exactly one of oneOf`);
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) errors.push(...validateJson(value, sub, root, path));
  if (typeof value === 'string') errors.push(...checkString(value, s, path));
  if (typeof value === 'number') errors.push(...checkNumber(value, s, path));
  if (Array.isArray(value)) errors.push(...checkArray(value, s, root, path));
  else if (value !== null && typeof value === 'object') errors.push(...checkObject(value as Record<string, unknown>, s, root, path));
  return errors;
}

function resolveRef(ref: string, root: unknown): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
}

function typeMatches(value: unknown, type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    if (t === 'integer') return typeof value === 'number' && Number.isInteger(value);
    if (t === 'null') return value === null;
    if (t === 'array') return Array.isArray(value);
    if (t === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
    return typeof value === t;
  });
}

function checkString(value: string, s: Schema, path: string): string[] {
  const errors: string[] = [];
  const length = [...value].length;
  if (typeof s.minLength === 'number' && length < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
  if (typeof s.maxLength === 'number' && length > s.maxLength) errors.push(`${path}: longer than ${s.maxLength}`);
  if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${path}: does not match ${s.pattern}`);
  return errors;
}

function checkNumber(value: number, s: Schema, path: string): string[] {
  const errors: string[] = [];
  if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
  if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
  if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) errors.push(`${path}: not above ${s.exclusiveMinimum}`);
  if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) errors.push(`${path}: not below ${s.exclusiveMaximum}`);
  return errors;
}

function checkArray(value: unknown[], s: Schema, root: unknown, path: string): string[] {
  const errors: string[] = [];
  if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${path}: fewer than ${s.minItems} items`);
  if (typeof s.maxItems === 'number' && value.length > s.maxItems) errors.push(`${path}: more than ${s.maxItems} items`);
  if (s.items !== undefined) value.forEach((item, i) => errors.push(...validateJson(item, s.items, root, `${path}[${i}]`)));
  return errors;
}

function checkObject(value: Record<string, unknown>, s: Schema, root: unknown, path: string): string[] {
  const errors: string[] = [];
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  for (const key of (s.required as string[] | undefined) ?? []) if (!(key in value)) errors.push(`${path}.${key}: required`);
  for (const [key, item] of Object.entries(value)) {
    if (key in properties) errors.push(...validateJson(item, properties[key], root, `${path}.${key}`));
    else if (s.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
    else if (s.additionalProperties !== undefined) errors.push(...validateJson(item, s.additionalProperties, root, `${path}.${key}`));
  }
  return errors;
}
