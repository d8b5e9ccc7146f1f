import { afterEach, describe, expect, it } from 'vitest';
import { sqlLiteral, sqlText } from '../../../electron/backend/storage/sql-text';
import { tempDatabase } from './helpers';

// Values written into exec scripts as literals must read back exactly, whatever they hold.

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

const HOSTILE = [
  "it's", "''", "'); DROP TABLE t; --", '\\', '"quoted"', 'Талон А-012, вікно 3', '🙂 emoji', 'tab\tnew\nline',
  JSON.stringify({ reason: "обід'", nul: '\u0000', lone: '\ud800' }),
];

describe('sqlLiteral and sqlText', () => {
  it('writes strings, numbers and null as literals', () => {
    expect(sqlLiteral("a'b")).toBe("'a''b'");
    expect(sqlLiteral(-12.5)).toBe('-12.5');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlText`SELECT ${'x'}, ${3}, ${null}`).toBe("SELECT 'x', 3, NULL");
  });

  it('refuses what a literal cannot carry: U+0000, non-finite numbers, other types', () => {
    expect(() => sqlLiteral('a\u0000b')).toThrow('U+0000');
    expect(() => sqlLiteral(Number.NaN)).toThrow('NaN cannot be written');
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow('Infinity cannot be written');
    expect(() => sqlLiteral({} as unknown as string)).toThrow('a object cannot be written');
  });

  it('reads every hostile value back exactly from a real sqlite exec, directly and through json_each', async () => {
    const { db, dispose } = await tempDatabase();
    disposers.push(dispose);
    await db.exec('CREATE TABLE t (i INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const json = JSON.stringify(HOSTILE);
    await db.exec(
      [
        ...HOSTILE.map((v, i) => sqlText`INSERT INTO t (i, v) VALUES (${i}, ${v})`),
        sqlText`INSERT INTO t (i, v) SELECT 100 + key, value FROM json_each(${json})`,
      ].join(';\n'),
    );
    const rows = await db.all<{ i: number; v: string }>('SELECT i, v FROM t ORDER BY i');
    expect(rows.map((r) => r.v)).toEqual([...HOSTILE, ...HOSTILE]);
    expect((await db.all("SELECT name FROM sqlite_master WHERE name = 't'")).length).toBe(1);
  });
});
