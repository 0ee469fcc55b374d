/**
 * A strict JSON reader for scenario files (RFC 8259), where JSON.parse is too lenient or says
 * too much: a key given twice in one object is refused (JSON.parse silently keeps the last),
 * nesting is capped, `__proto__` is an ordinary key (never a prototype), and an error names
 * the line and column only: it never quotes the file's text (JSON.parse's message shows its
 * first bytes, which for `fans compare /etc/shadow` is a leak). One pass, linear in the text.
 */
export class JsonError extends Error {
  override name = 'JsonError';
}

/** Deepest nesting of arrays and objects a scenario file may have. */
export const maxDepth = 32;

/**
 * The value of a JSON text, or a {@link JsonError} saying what is wrong and where, in words
 * that follow a file's name: `is not valid JSON: unexpected character at line 1, column 1`.
 *
 * @example strictJson('{"a": [1, -0.5e1, null]}') // => { a: [1, -5, null] }
 */
export function strictJson(text: string): unknown {
  let at = 0;
  const where = (position = at): string => {
    let line = 1;
    let column = 1;
    for (let i = 0; i < position && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    return `line ${line}, column ${column}`;
  };
  const fail = (what: string, position = at): never => {
    throw new JsonError(`is not valid JSON: ${what} at ${where(position)}`);
  };
  const space = () => {
    for (let c = text.charCodeAt(at); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++at));
  };
  const expect = (literal: string, value: unknown) => {
    if (text.startsWith(literal, at)) {
      at += literal.length;
      return value;
    }
    return fail('unexpected character');
  };

  const string = (): string => {
    const start = ++at; // past the opening quote
    let out = '';
    let run = start;
    for (;;) {
      const c = text.charCodeAt(at);
      if (Number.isNaN(c)) fail('unterminated string', start - 1);
      if (c === 34) break; // "
      if (c < 32) fail('control character in a string (write it as \\uXXXX)');
      if (c !== 92) {
        at++;
        continue;
      }
      out += text.slice(run, at);
      const e = text[at + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) {
        out += simple[e];
        at += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
        out += String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16));
        at += 6;
      } else fail('bad escape in a string');
      run = at;
    }
    out += text.slice(run, at);
    at++; // past the closing quote
    return out;
  };

  const number = (): number => {
    const start = at;
    if (text[at] === '-') at++;
    const digits = () => {
      const from = at;
      while (text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
      return at - from;
    };
    if (text[at] === '0') at++;
    else if (digits() === 0) fail('unexpected character');
    if (text[at] === '.') {
      at++;
      if (digits() === 0) fail('a digit must follow the decimal point');
    }
    if (text[at] === 'e' || text[at] === 'E') {
      at++;
      if (text[at] === '+' || text[at] === '-') at++;
      if (digits() === 0) fail('a digit must follow the exponent');
    }
    return Number(text.slice(start, at));
  };

  const value = (depth: number): unknown => {
    space();
    const c = text[at];
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) fail(`nested deeper than ${maxDepth} levels`);
      return c === '{' ? object(depth + 1) : array(depth + 1);
    }
    if (c === '"') return string();
    if (c === 't') return expect('true', true);
    if (c === 'f') return expect('false', false);
    if (c === 'n') return expect('null', null);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    return fail(c === undefined ? 'unexpected end of the file' : 'unexpected character');
  };

  const object = (depth: number): Record<string, unknown> => {
    at++; // {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    space();
    if (text[at] === '}') {
      at++;
      return out;
    }
    for (;;) {
      space();
      if (text[at] !== '"') fail('expected a "quoted" key');
      const keyAt = at;
      const key = string();
      if (seen.has(key)) {
        throw new JsonError(`gives the key ${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)} twice in one object, at ${where(keyAt)}: give each field once`);
      }
      seen.add(key);
      space();
      if (text[at] !== ':') fail('expected ":"');
      at++;
      // defineProperty, not assignment: "__proto__" stays an ordinary key.
      Object.defineProperty(out, key, { value: value(depth), enumerable: true, writable: true, configurable: true });
      space();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === '}') {
        at++;
        return out;
      }
      fail('expected "," or "}"');
    }
  };

  const array = (depth: number): unknown[] => {
    at++; // [
    const out: unknown[] = [];
    space();
    if (text[at] === ']') {
      at++;
      return out;
    }
    for (;;) {
      out.push(value(depth));
      space();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === ']') {
        at++;
        return out;
      }
      fail('expected "," or "]"');
    }
  };

  const result = value(0);
  space();
  if (at < text.length) fail('unexpected text after the JSON value');
  return result;
}
