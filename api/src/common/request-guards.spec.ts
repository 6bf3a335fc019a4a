import fc from 'fast-check';
import { MAX_JSON_DEPTH, REQUEST_MESSAGES, RequestRefused, isJsonContentType, jsonNestingExceeds, parseJsonBody } from './request-guards';

/** The nesting depth of a parsed value: 0 for a primitive, 1 for [] or {}. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe(jsonNestingExceeds.name, () => {
  it('agrees with the depth of the parsed value for any JSON, strings full of brackets and quotes included', () => {
    const text = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ' ', '\u00e9') });
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, fc.integer(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 3 }),
      object: fc.dictionary(text, tie('value'), { maxKeys: 3 }),
    })).value;
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 12 }), (value, max) => {
        expect(jsonNestingExceeds(JSON.stringify(value), max)).toBe(depthOf(value) > max);
      }),
      { numRuns: 2_000 },
    );
  });

  it('stops at the first bracket past the limit, without reading the rest', () => {
    expect(jsonNestingExceeds('['.repeat(MAX_JSON_DEPTH + 1) + 'niet eens json', MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestingExceeds('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
  });
});

describe(isJsonContentType.name, () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=UTF-8', true],
    ['application/json;charset="utf8"', true],
    ['application/json; charset=iso-8859-1', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    ['text/plain', false],
    ['application/json-patch+json', false],
    ['', false],
  ])('%j is JSON: %s', (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});

describe(parseJsonBody.name, () => {
  const refusal = (text: string) => {
    try {
      parseJsonBody(text);
    } catch (error) {
      if (error instanceof RequestRefused) return [error.status, error.message];
      throw error;
    }
    return null;
  };

  it('gives an object for a JSON object and for an empty body', () => {
    expect(parseJsonBody('{"a": [1, {"b": "c"}]}')).toEqual({ a: [1, { b: 'c' }] });
    expect(parseJsonBody('  ')).toEqual({});
  });

  it('refuses prototype keys however they are written, but allows a plain "constructor" field', () => {
    expect(refusal('{"__proto__": {}}')).toEqual([400, REQUEST_MESSAGES.forbiddenKey]);
    expect(refusal('{"a": [{"\\u005F\\u005Fproto\\u005F\\u005F": 1}]}')).toEqual([400, REQUEST_MESSAGES.forbiddenKey]);
    expect(refusal('{"constructor": {"prototype": {}}}')).toEqual([400, REQUEST_MESSAGES.forbiddenKey]);
    expect(parseJsonBody('{"constructor": "tekst"}')).toEqual({ constructor: 'tekst' });
  });

  it('never lets a parsed body change Object.prototype', () => {
    for (const text of ['{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}']) {
      expect(refusal(text)?.[0]).toBe(400);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });

  it('refuses NUL characters and half surrogate pairs, but keeps whole ones (emoji)', () => {
    for (const text of [
      '{"a": "x\\u0000"}',
      '{"a\\u0000": 1}',
      '{"email": "\\ud800@x.nl"}',
      '{"a": ["\\udc00"]}',
      '{"a": "\\udc00\\ud800"}',
    ]) {
      expect([text, refusal(text)]).toEqual([text, [400, REQUEST_MESSAGES.invalidCharacter]]);
    }
    expect(parseJsonBody('{"a": "\\ud83d\\ude42 en 🙂"}')).toEqual({ a: '🙂 en 🙂' });
  });

  it('refuses malformed JSON, other top-level values and deep nesting', () => {
    expect(refusal('{"a":')).toEqual([400, REQUEST_MESSAGES.malformed]);
    expect(refusal('42')).toEqual([400, REQUEST_MESSAGES.notAnObject]);
    expect(parseJsonBody('{"a":'.repeat(MAX_JSON_DEPTH) + '1' + '}'.repeat(MAX_JSON_DEPTH))).toBeDefined();
    expect(refusal('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1))).toEqual([400, REQUEST_MESSAGES.tooDeep]);
  });
});
