// Every translation key the client uses exists in Dutch and in English, and both files hold the same keys.
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
const used = new Set();
for (const file of files(dir)) {
  const text = readFileSync(file, 'utf8');
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
];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`i18n: ${used.size} literal keys used, ${nlKeys.size} keys in nl.json and en.json alike.`);
