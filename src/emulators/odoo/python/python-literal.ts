/**
 * A parser for the Python literals Odoo stores in text fields, such as a base.automation
 * `filter_domain` of "[('x_tamara_pay', '=', True)]". Supports lists, tuples, dicts, strings,
 * numbers, True/False/None and the name `uid` (the current user, as safe_eval provides it);
 * anything else (function calls, other names) is refused, which the emulator documents.
 */
export class PythonLiteralError extends Error {}

export function parsePythonLiteral(source: string, names: Readonly<Record<string, unknown>> = {}): unknown {
  const parser = new LiteralParser(source, names);
  const value = parser.parseValue();
  parser.skipSpace();
  if (!parser.atEnd()) throw new PythonLiteralError(`unexpected text at ${parser.position} in ${source}`);
  return value;
}

class LiteralParser {
  position = 0;

  constructor(
    private readonly text: string,
    private readonly names: Readonly<Record<string, unknown>>,
  ) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipSpace(): void {
    while (!this.atEnd()) {
      const char = this.text[this.position];
      if (char === '#') {
        while (!this.atEnd() && this.text[this.position] !== '\n') this.position += 1;
      } else if (/\s/.test(char)) {
        this.position += 1;
      } else {
        return;
      }
    }
  }

  parseValue(): unknown {
    this.skipSpace();
    const char = this.text[this.position];
    if (char === '[') return this.parseSequence('[', ']');
    if (char === '(') return this.parseSequence('(', ')');
    if (char === '{') return this.parseDict();
    if (char === "'" || char === '"') return this.parseString();
    if (char === '-' || char === '+' || /[0-9.]/.test(char ?? '')) return this.parseNumber();
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.text.slice(this.position))?.[0];
    if (name) {
      this.position += name.length;
      if (name === 'True') return true;
      if (name === 'False') return false;
      if (name === 'None') return null;
      if (name in this.names) return this.names[name];
      throw new PythonLiteralError(`name '${name}' is not defined`);
    }
    throw new PythonLiteralError(`unexpected character ${JSON.stringify(char)} at ${this.position}`);
  }

  private parseSequence(open: string, close: string): unknown[] {
    this.expect(open);
    const items: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === close) {
        this.position += 1;
        return items;
      }
      items.push(this.parseValue());
      this.skipSpace();
      if (this.text[this.position] === ',') this.position += 1;
      else if (this.text[this.position] !== close) throw new PythonLiteralError(`expected ',' or '${close}' at ${this.position}`);
    }
  }

  private parseDict(): Record<string, unknown> {
    this.expect('{');
    const result: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === '}') {
        this.position += 1;
        return result;
      }
      const key = this.parseValue();
      this.skipSpace();
      this.expect(':');
      result[String(key)] = this.parseValue();
      this.skipSpace();
      if (this.text[this.position] === ',') this.position += 1;
      else if (this.text[this.position] !== '}') throw new PythonLiteralError(`expected ',' or '}' at ${this.position}`);
    }
  }

  private parseString(): string {
    const quote = this.text[this.position];
    this.position += 1;
    let out = '';
    while (!this.atEnd()) {
      const char = this.text[this.position];
      this.position += 1;
      if (char === quote) return out;
      if (char === '\\') {
        const next = this.text[this.position];
        this.position += 1;
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
      } else {
        out += char;
      }
    }
    throw new PythonLiteralError('unterminated string');
  }

  private parseNumber(): number {
    const match = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(this.text.slice(this.position));
    if (!match) throw new PythonLiteralError(`bad number at ${this.position}`);
    this.position += match[0].length;
    return Number(match[0]);
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) throw new PythonLiteralError(`expected '${char}' at ${this.position}`);
    this.position += 1;
  }
}
