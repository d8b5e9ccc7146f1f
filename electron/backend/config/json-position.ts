// JSON.parse error messages differ between Node versions and some carry no position, so
// a config file error is located by this small scanner instead: it walks the text with
// the JSON grammar and reports where the first error is.

/** Where in a text the first JSON syntax error is. */
export interface JsonErrorPosition {
  line: number;
  column: number;
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(): never {
    throw new RangeError(String(this.pos));
  }

  skipSpace(): void {
    while (/[ \t\r\n]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  expect(literal: string): void {
    // A misspelt literal is reported at its start: that is the word a person must fix.
    if (!this.text.startsWith(literal, this.pos)) this.fail();
    this.pos += literal.length;
  }

  value(): void {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === 't') return this.expect('true');
    if (c === 'f') return this.expect('false');
    if (c === 'n') return this.expect('null');
    return this.number();
  }

  object(): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') return void this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail();
      this.string();
      this.skipSpace();
      this.expect(':');
      this.value();
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] === '}') return void this.pos++;
      else this.fail();
    }
  }

  array(): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') return void this.pos++;
    for (;;) {
      this.value();
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] === ']') return void this.pos++;
      else this.fail();
    }
  }

  string(): void {
    this.pos++; // opening quote
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c.charCodeAt(0) < 0x20) this.fail();
      if (c === '"') return void this.pos++;
      if (c === '\\') {
        const escape = /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(this.text.slice(this.pos));
        if (!escape) this.fail();
        this.pos += escape[0].length;
      } else {
        this.pos++;
      }
    }
  }

  number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match) this.fail();
    this.pos += match[0].length;
  }
}

/** Line and column (1-based) of the first JSON syntax error in `text`, or null if it is valid JSON. */
export function findJsonError(text: string): JsonErrorPosition | null {
  const scanner = new Scanner(text);
  let offset: number;
  try {
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos === text.length) return null;
    offset = scanner.pos;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    offset = Number(error.message);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
