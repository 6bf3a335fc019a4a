import { isAscii } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const TOOL = resolve(__dirname, '../tools/ascii-only.mjs');
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source map field as base64 VLQ. */
function vlq(number: number): string {
  let value = number < 0 ? (-number << 1) | 1 : number << 1;
  let out = '';
  do {
    const digit = value & 31;
    value >>>= 5;
    out += BASE64[value ? digit | 32 : digit];
  } while (value);
  return out;
}

/** `mappings` for segments [generated column, original line, original column] per generated line, all in source 0. */
function mappings(lines: [number, number, number][][]): string {
  let line = 0;
  let column = 0;
  return lines
    .map((segments) => {
      let generated = 0;
      return segments
        .map(([at, toLine, toColumn]) => {
          const text = vlq(at - generated) + vlq(0) + vlq(toLine - line) + vlq(toColumn - column);
          [generated, line, column] = [at, toLine, toColumn];
          return text;
        })
        .join(',');
    })
    .join(';');
}

/** Runs the build's tool (an ES module, outside Jest's CommonJS) in a process of its own. */
function asciiOnly(code: string, map: string): { code: string; mappings: string; columns: number[][] } {
  const script = `
    import { asciiOnly } from ${JSON.stringify(TOOL)};
    const [code, map] = JSON.parse(process.argv[1]);
    const out = asciiOnly(code, map);
    const B = ${JSON.stringify(BASE64)};
    // The generated column of each segment, decoded again.
    const columns = out.mappings.split(';').map((line) => {
      let column = 0;
      return (line ? line.split(',') : []).map((segment) => {
        let value = 0, shift = 0;
        for (const char of segment) {
          const digit = B.indexOf(char);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5; else break;
        }
        return (column += value & 1 ? -(value >>> 1) : value >>> 1);
      });
    });
    process.stdout.write(JSON.stringify({ ...out, columns }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([code, map])], { encoding: 'utf8' }),
  );
}

describe('asciiOnly (tools/ascii-only.mjs: the server bundle in pure ASCII, ADR 0029)', () => {
  // As esbuild leaves them: non-ASCII characters in regular expression literals (with and without the u flag,
  // outside the Basic Multilingual Plane, in an identity escape, in a lookbehind).
  const list = String.raw`[/^[A-ZÄÖÜß]+$/i, /😀|[é-ë]/u, /[😀-😂]/u, /\é/, /(?<!€ ?)\d+/u, /“[^”]*”/]`;
  const code = `module.exports = ${list}; const ok = "ok";\nconst plain = 1;`;
  const samples = ['ÄÖÜß', 'abc', 'é', 'ê', 'x', '😀', '😁', '😃', '€ 12', '12', '“citaat”', '"citaat"'];
  const patterns = (source: string): RegExp[] => new Function(`return ${source}`)() as RegExp[];

  it('escapes every non-ASCII character, and each pattern still matches what it matched', () => {
    const out = asciiOnly(code, '');
    expect(isAscii(Buffer.from(out.code))).toBe(true);
    const before = patterns(list);
    const after = patterns(out.code.slice('module.exports = '.length, out.code.indexOf('; const ok')));
    expect(after.map((pattern) => pattern.flags)).toEqual(before.map((pattern) => pattern.flags));
    for (const [i, pattern] of before.entries())
      for (const sample of samples) expect([i, sample, after[i].test(sample)]).toEqual([i, sample, pattern.test(sample)]);
  });

  it('moves the source map columns after each escape, so that every mapping points at the same code', () => {
    const first = code.split('\n')[0];
    const map = mappings([
      [
        [0, 0, 0],
        [first.indexOf('/^['), 0, 20],
        [first.indexOf('const ok'), 1, 0],
        [first.indexOf('"ok"'), 1, 11],
      ],
      [
        [0, 2, 0],
        [6, 2, 6],
      ],
    ]);
    const out = asciiOnly(code, map);
    const [escaped, plain] = out.code.split('\n');
    expect(out.columns).toEqual([
      [0, escaped.indexOf('/^['), escaped.indexOf('const ok'), escaped.indexOf('"ok"')],
      [0, 6],
    ]);
    expect(escaped.indexOf('"ok"')).toBeGreaterThan(first.indexOf('"ok"'));
    expect(plain).toBe('const plain = 1;');
    // A line without escapes keeps its mappings as they were.
    expect(out.mappings.split(';')[1]).toBe(map.split(';')[1]);
  });
});
