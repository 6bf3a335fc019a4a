// The Material Symbols the client shows, read from its templates and code: the icon font is cut down to these
// (client/tools/subset-icons.cjs) and a test fails when a template uses one the cut font lacks (ADR 0025).
//
// What counts as an icon name:
// - the text of a <mat-icon>: `<mat-icon>add</mat-icon>`, or every quoted name in an interpolation
//   (`{{ open ? 'visibility_off' : 'visibility' }}`);
// - an interpolation without a quoted name must name an `icon` or `…Icon` (`{{ icon() }}`, `{{ h.icon }}`): the names
//   then come from the places such values are written, which are collected as well: an `icon="…"` or `…Icon="…"`
//   attribute, quoted names in a bound `[icon]="…"`, an `icon: '…'` property and an `icon = input('…')` default.
// Anything else in a <mat-icon> (another expression, a bound fontIcon, an svgIcon) is reported as a problem, so that
// no icon can slip past the check.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const NAME = /^[a-z0-9_]+$/;
const QUOTED = /'([^'\\]*)'|"([^"\\]*)"/g;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'testing' ? [] : sourceFiles(path);
    return /\.(ts|html)$/.test(entry) && !entry.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The quoted strings in an expression. */
function quoted(expression) {
  return [...expression.matchAll(QUOTED)].map((m) => m[1] ?? m[2]);
}

/**
 * Every icon name the client under `appDir` uses, with where it is used; and the problems: uses the check cannot
 * follow. Names are returned sorted.
 */
function collectIcons(appDir) {
  const uses = new Map();
  const problems = [];
  const add = (name, where) => {
    if (!NAME.test(name)) return problems.push(`${where}: "${name}" is no Material Symbols name`);
    if (!uses.has(name)) uses.set(name, []);
    uses.get(name).push(where);
  };
  for (const file of sourceFiles(appDir)) {
    const text = readFileSync(file, 'utf8');
    const where = (index) => `${relative(process.cwd(), file)}:${text.slice(0, index).split('\n').length}`;

    for (const m of text.matchAll(/<mat-icon\b([^>]*)>([\s\S]*?)<\/mat-icon>/g)) {
      const [, attributes, content] = m;
      const at = where(m.index);
      const fontIcon = /\sfontIcon="([^"]*)"/.exec(attributes);
      if (/\s(\[fontIcon\]|svgIcon|\[svgIcon\])=/.test(attributes)) {
        problems.push(`${at}: a bound fontIcon or an svgIcon; write the name as the <mat-icon>'s text`);
        continue;
      }
      if (fontIcon) add(fontIcon[1], at);
      const body = content.trim();
      if (body === '' && fontIcon) continue;
      if (NAME.test(body)) {
        add(body, at);
        continue;
      }
      const interpolation = /^\{\{([\s\S]*)\}\}$/.exec(body);
      if (!interpolation || interpolation[1].includes('}}')) {
        problems.push(`${at}: <mat-icon> holds "${body}"; write one name or one {{ }} interpolation`);
        continue;
      }
      const names = quoted(interpolation[1]);
      if (names.length > 0) names.forEach((name) => add(name, at));
      else if (!/(\bicon|Icon)\b/.test(interpolation[1]))
        problems.push(`${at}: {{${interpolation[1]}}} names no icon the check can find; pass it through an icon or …Icon value`);
    }

    // Where values for {{ icon() }}, {{ h.icon }} and the like are written.
    for (const m of text.matchAll(/\s(?:icon|[a-z][A-Za-z]*Icon)="([^"]*)"/g)) add(m[1], where(m.index));
    for (const m of text.matchAll(/\s\[(?:icon|[a-z][A-Za-z]*Icon)\]="([^"]*)"/g))
      quoted(m[1]).forEach((name) => add(name, where(m.index)));
    for (const m of text.matchAll(/\b(?:icon|[a-z][A-Za-z]*Icon)\s*:\s*'([^']*)'/g)) add(m[1], where(m.index));
    for (const m of text.matchAll(/\b(?:icon|[a-z][A-Za-z]*Icon)\s*=\s*input(?:<[^>]*>)?\(\s*'([^']*)'/g)) add(m[1], where(m.index));
  }
  return { names: [...uses.keys()].sort(), uses, problems };
}

module.exports = { collectIcons };
