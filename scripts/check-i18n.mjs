// Every translation key the client uses exists in Dutch and in English, and both files hold the same keys;
// and no user-facing text is written into the client's TypeScript instead of the translation files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'client/src/app';
const nl = JSON.parse(readFileSync(join(dir, 'i18n/nl.json'), 'utf8'));
const en = JSON.parse(readFileSync(join(dir, 'i18n/en.json'), 'utf8'));
const flatten = (o, prefix = '') =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
const nlKeys = new Set(flatten(nl));
const enKeys = new Set(flatten(en));

const files = (d) =>
  readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : f.endsWith('.ts') ? [join(d, f)] : []));
/** User-facing text written into the code instead of nl.json/en.json (a heuristic: capitalised words). */
function literalText(file, text) {
  const found = [];
  const line = (index) => text.slice(0, index).split('\n').length;
  // A quoted string that starts with a capitalised word (not part of a key: 'a.' + x + 'Hint') …
  for (const m of text.matchAll(/(?<!\+\s*)'([A-ZÀ-Ý][a-zà-ÿ][^'\n]*)'(?!\s*\+)/g))
    if (!UNTRANSLATED.has(m[1])) found.push(`${file}:${line(m.index)}: '${m[1]}'`);
  // … or words in an inline template, outside {{ }} (Material icon names are lower case).
  for (const t of text.matchAll(/template:\s*`([^`]*)`/g)) {
    const template = t[1].replace(/\{\{[\s\S]*?\}\}/g, (x) => ' '.repeat(x.length));
    const start = t.index + t[0].indexOf(t[1]);
    for (const m of template.matchAll(/>([^<>]*)<|\s(?:aria-label|title|placeholder|alt|label)="([^"]*)"/g)) {
      const words = (m[1] ?? m[2]).match(/(?<![\w$À-ÿ])[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)*/g) ?? [];
      for (const w of words.filter((w) => !UNTRANSLATED.has(w))) found.push(`${file}:${line(start + m.index)}: ${w}`);
    }
  }
  return found;
}
/** Words that are the same in every language. */
const UNTRANSLATED = new Set(['Casustafel']);
const used = new Set();
const literals = [];
for (const file of files(dir)) {
  const text = readFileSync(file, 'utf8');
  // Tests and their support (client/src/app/testing/: providers and example records) show nothing to users.
  if (!file.endsWith('.spec.ts') && !file.includes(`${join(dir, 'testing')}/`)) literals.push(...literalText(file, text));
  // Literal keys: 'a.b' | transloco, translate('a.b'), ('a.b' : 'c.d') | transloco
  for (const m of text.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)'(?=\s*\)?\s*\|\s*transloco|\s*:\s*'|\s*\)\s*\|\s*transloco)/g))
    used.add(m[1]);
  for (const m of text.matchAll(/translate\('([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)'/g)) used.add(m[1]);
  for (const m of text.matchAll(/\?\s*'([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)'\s*:\s*'([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)'/g))
    (used.add(m[1]), used.add(m[2]));
}
const problems = [
  ...[...used].filter((k) => !nlKeys.has(k)).map((k) => `used but missing in nl.json: ${k}`),
  ...[...nlKeys].filter((k) => !enKeys.has(k)).map((k) => `in nl.json but not in en.json: ${k}`),
  ...[...enKeys].filter((k) => !nlKeys.has(k)).map((k) => `in en.json but not in nl.json: ${k}`),
  ...literals.map((l) => `literal text, put it in nl.json and en.json: ${l}`),
];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`i18n: ${used.size} literal keys used, ${nlKeys.size} keys in nl.json and en.json alike.`);
