import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strictJson } from '../../src/cli/flags/strict-json.js';

describe('strictJson', () => {
  it('reads what JSON.parse reads, for any JSON value (fixed seed)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(strictJson(text)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it.each([
    ['', /unexpected end of the file at line 1, column 1/],
    ['{"a": 1,}', /expected a "quoted" key at line 1, column 9/],
    ['[1 2]', /expected "," or "\]" at line 1, column 4/],
    ['01', /unexpected text after the JSON value at line 1, column 2/],
    ['"\u0001"', /control character in a string/],
    ['1.', /a digit must follow the decimal point/],
    ['"\\x"', /bad escape/],
    ['{"a": 1}\n{"b"', /unexpected text after the JSON value at line 2, column 1/],
  ])('refuses %j by its position', (text, message) => {
    expect(() => strictJson(text)).toThrow(message);
  });

  it('keeps __proto__ an ordinary key and -0 a number', () => {
    const value = strictJson('{"__proto__": {"polluted": true}, "z": -0}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'z']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.is(value.z, -0)).toBe(true);
  });
});
