/**
 * Makes the server bundle pure ASCII (issue #15). esbuild escapes non-ASCII characters in strings, templates and
 * names, but writes those in regular expression literals as they are (validator's alphabets, the disclosure
 * policy's `ë`/`€` patterns). One such character is enough for the whole 6 MB bundle to become a two-byte string in
 * V8 (twice the memory), decoded from UTF-8 at every start; an ASCII file is read as it is (start-bundle.ts).
 *
 * Each non-ASCII UTF-16 unit becomes `\uXXXX`, which means the same in a regular expression with or without the
 * `u` flag (an escaped surrogate pair is one code point under `u`); only the pattern's `source` text differs. The
 * source map's generated columns on the changed lines move along, so a stack trace still maps to the same place.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The bundle's code and its source map's `mappings`, with every non-ASCII character escaped and the columns moved. */
export function asciiOnly(code, mappings) {
  const lines = code.split('\n');
  const mappingLines = mappings.split(';');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (!/[^\x00-\x7f]/.test(line)) continue;
    let escaped = '';
    let from = 0;
    let added = 0;
    /** [first original column after an escape, characters added before it] */
    const shifts = [];
    for (let i = 0; i < line.length; i++) {
      const unit = line.charCodeAt(i);
      if (unit < 0x80) continue;
      let backslashes = 0;
      while (i - backslashes - 1 >= 0 && line.charCodeAt(i - backslashes - 1) === 0x5c) backslashes++;
      // `\é` (an identity escape, in a pattern without the u flag) means `é`: `\\u00e9` would not.
      const identity = backslashes % 2 === 1;
      escaped += line.slice(from, identity ? i - 1 : i) + `\\u${unit.toString(16).padStart(4, '0')}`;
      from = i + 1;
      added += identity ? 4 : 5;
      shifts.push([i + 1, added]);
    }
    lines[l] = escaped + line.slice(from);
    mappingLines[l] = moveColumns(mappingLines[l], shifts, line, lines[l]);
  }
  return { code: lines.join('\n'), mappings: mappingLines.join(';') };
}

/** One line of `mappings` with each segment's generated column moved past the escapes before it. */
function moveColumns(mappingLine, shifts, before, after) {
  if (!mappingLine) return mappingLine;
  let column = 0;
  let moved = 0;
  return mappingLine
    .split(',')
    .map((segment) => {
      const fields = decode(segment);
      column += fields[0];
      let shift = 0;
      for (const [start, added] of shifts) if (start <= column) shift = added;
      const to = column + shift;
      // The character a segment points at is the same one after escaping (or the start of its escape).
      if (before.charCodeAt(column) < 0x80 ? after[to] !== before[column] : after.slice(to, to + 2) !== '\\u')
        throw new Error(`ascii-only: column ${column} no longer maps to the same character`);
      fields[0] = to - moved;
      moved = to;
      return fields.map(encode).join('');
    })
    .join(',');
}

function decode(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encode(number) {
  let value = number < 0 ? (-number << 1) | 1 : number << 1;
  let out = '';
  do {
    const digit = value & 31;
    value >>>= 5;
    out += BASE64[value ? digit | 32 : digit];
  } while (value);
  return out;
}
