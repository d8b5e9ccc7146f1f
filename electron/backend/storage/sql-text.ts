// `exec` runs several statements in ONE trip to sqlite's thread pool, but takes no parameters, so
// the values of such a script are written into its text as SQL literals. This tag is the only way
// Varta does that: a string becomes '…' with every ' doubled (SQLite's whole quoting rule), a number
// its decimal text, null NULL. Anything else, U+0000 (exec reads the text as a C string) and
// non-finite numbers are refused. Bulk values travel as one JSON text read back with json_each.

/** A value that may be written into SQL text. */
export type SqlValue = string | number | null;

/** The SQL literal of a value. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${value} cannot be written as a SQL literal`);
    return String(value);
  }
  if (typeof value !== 'string') throw new TypeError(`a ${typeof value} cannot be written as a SQL literal`);
  if (value.includes('\u0000')) throw new TypeError('a SQL literal cannot hold U+0000');
  return `'${value.replaceAll("'", "''")}'`;
}

/** SQL text with every interpolated value written as a literal: sqlText`… json_each(${json})`. */
export function sqlText(strings: TemplateStringsArray, ...values: SqlValue[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += sqlLiteral(value) + (strings[i + 1] ?? '');
  });
  return out;
}
